import { describe, expect, it } from 'vitest';
import { atan2f, cosf, sinf } from '../../src/math/libm-float.ts';
import data from '../data/glibc-libm-float.json' with { type: 'json' };

// glibc 2.36's atan2f, sinf and cosf (test/data/glibc-libm-float.json, from
// scripts/glibc-float-vectors.py) reproduced bit for bit. The engine's double functions rounded
// to float disagree often (atan2f is fdlibm's float code, ~1 ulp; sinf/cosf ~0.56 ulp), so they
// could not stand in for them.

const f = Math.fround;
const mismatches = (ours: (i: number) => number, want: number[]) => want.filter((w, i) => !Object.is(ours(i), w)).length;

describe('float libm against glibc', () => {
  it('atan2f', () => {
    expect(mismatches((i) => atan2f(data.y[i], data.x[i]), data.atan2f)).toBe(0);
    expect(mismatches((i) => f(Math.atan2(data.y[i], data.x[i])), data.atan2f)).toBeGreaterThan(data.x.length * 0.05);
  });

  it('sinf and cosf', () => {
    expect(mismatches((i) => sinf(data.angle[i]), data.sinf)).toBe(0);
    expect(mismatches((i) => cosf(data.angle[i]), data.cosf)).toBe(0);
    expect(mismatches((i) => f(Math.sin(data.angle[i])), data.sinf) + mismatches((i) => f(Math.cos(data.angle[i])), data.cosf)).toBeGreaterThan(0);
  });
});
