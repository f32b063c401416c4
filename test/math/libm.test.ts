import { describe, expect, it } from 'vitest';
import { fma } from '../../src/math/fma.ts';
import { glibcExp, glibcLog, glibcLog10, glibcPow, glibcTanh } from '../../src/math/libm.ts';
import data from '../data/glibc-libm.json' with { type: 'json' };
import { fromHex } from '../helpers/hexfloat.ts';

// Against glibc 2.36 itself (test/data/glibc-libm.json, made by scripts/glibc-libm-vectors.py
// on an x86-64 CPU with FMA, where glibc runs its FMA variants): every result bit for bit.
// The engine's Math functions, for contrast, differ on a good share of the same inputs.

const xs = data.x.map(fromHex);
const es = data.e.map(fromHex);
const pxs = data.px.map(fromHex);
const ys = data.y.map(fromHex);
const txs = data.tx.map(fromHex);

function compare(ours: (i: number) => number, engine: (i: number) => number, reference: string[]) {
  let mismatches = 0;
  let engineMismatches = 0;
  const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  reference.forEach((hex, i) => {
    const expected = fromHex(hex);
    if (!same(ours(i), expected)) mismatches++;
    if (!same(engine(i), expected)) engineMismatches++;
  });
  return { mismatches, engineMismatches, n: reference.length };
}

describe('libm against glibc', () => {
  it("vectors come from glibc's FMA variants", () => expect(data.fma).toBe(true));
  // [function, ours, the engine's, its reference results, the share of them the engine misses at least]
  const CASES: Array<[string, (i: number) => number, (i: number) => number, string[], number]> = [
    ['log', (i) => glibcLog(xs[i]), (i) => Math.log(xs[i]), data.log, 0.005],
    ['log10', (i) => glibcLog10(xs[i]), (i) => Math.log10(xs[i]), data.log10, 0.005],
    ['exp', (i) => glibcExp(es[i]), (i) => Math.exp(es[i]), data.exp, 0.02],
    ['tanh (on the FMA variant of expm1)', (i) => glibcTanh(txs[i]), (i) => Math.tanh(txs[i]), data.tanh, 0.005],
    ['pow', (i) => glibcPow(pxs[i], ys[i]), (i) => Math.pow(pxs[i], ys[i]), data.pow, 0.02],
  ];
  it.each(CASES)('%s', (_, ours, engine, reference, engineShare) => {
    const r = compare(ours, engine, reference);
    expect(r.mismatches).toBe(0);
    expect(r.engineMismatches).toBeGreaterThan(r.n * engineShare);
  });
  it('special values follow C99', () => {
    expect(glibcLog(0)).toBe(-Infinity);
    expect(glibcLog(-1)).toBeNaN();
    expect(glibcLog(1)).toBe(0);
    expect(glibcLog(Infinity)).toBe(Infinity);
    expect(glibcExp(-800)).toBe(0);
    expect(glibcExp(710)).toBe(Infinity);
    expect(glibcExp(-Infinity)).toBe(0);
    expect(glibcExp(NaN)).toBeNaN();
    expect(glibcPow(-8, 1 / 3)).toBeNaN();
    expect(glibcPow(-2, 3)).toBe(-8);
    expect(glibcPow(0, -1)).toBe(Infinity);
    expect(glibcPow(-0, -3)).toBe(-Infinity);
    expect(glibcPow(NaN, 0)).toBe(1);
    expect(glibcPow(1, NaN)).toBe(1);
    expect(glibcPow(-1, Infinity)).toBe(1);
    expect(glibcPow(0.5, -Infinity)).toBe(Infinity);
    expect(glibcPow(2, 0.5)).toBe(Math.SQRT2);
    expect(Object.is(glibcTanh(-0), -0)).toBe(true);
    expect(glibcTanh(Infinity)).toBe(1);
    expect(glibcTanh(-Infinity)).toBe(-1);
    expect(glibcTanh(NaN)).toBeNaN();
    expect(glibcTanh(1e-300)).toBe(1e-300);
  });
});

describe('fma', () => {
  it('rounds once, including halfway cases and cancellation', () => {
    expect(fma(1 + 2 ** -52, 1 - 2 ** -53, -1)).toBe(2 ** -53 - 2 ** -105); // exact product needed
    expect(fma(2 ** 27 + 1, 2 ** 27 - 1, -(2 ** 54))).toBe(-1);
    // (1 + 2^-26)(1 + 2^-27) = 1 + 3 2^-27 + 2^-53: the rounded product drops the tie 2^-53
    expect(fma(1 + 2 ** -26, 1 + 2 ** -27, -1)).toBe(3 * 2 ** -27 + 2 ** -53);
    expect((1 + 2 ** -26) * (1 + 2 ** -27) - 1).toBe(3 * 2 ** -27);
    expect(fma(0.1, 10, -1)).toBe(5.551115123125783e-17);
    expect(Object.is(fma(-0, 1, -0), -0)).toBe(true);
    expect(Object.is(fma(0, 1, -0), 0)).toBe(true);
  });
});
