import { describe, expect, it } from 'vitest';
import { hashList, hashStr } from '../../src/rng/hash.ts';
import { Random123Stream, uint32ToDouble } from '../../src/rng/stream.ts';
import { readFixture } from '../helpers/fixtures.ts';

const vectors = readFixture('netpyne/rng_vectors.json');

describe('NetPyNE hashes', () => {
  it.each(Object.entries(vectors.hashStr as Record<string, number>))('hashStr(%s)', (text, value) => {
    expect(hashStr(text)).toBe(value);
  });

  const lists: Record<string, number[]> = {
    'range(0,20)': range(0, 20),
    'range(20,40)': range(20, 40),
    'range(0,40)': range(0, 40),
    '[0]': [0],
    '[5,3,1]': [5, 3, 1],
    'range(0,200)': range(0, 200),
  };
  it.each(Object.entries(vectors.hashList as Record<string, number>))('hashList(%s)', (label, value) => {
    expect(lists[label], `test knows list ${label}`).toBeDefined();
    expect(hashList(lists[label])).toBe(value);
  });
});

describe('Random123 streams (bit-exact)', () => {
  for (const s of vectors.random123_streams) {
    const [id1, id2, id3] = s.ids as number[];
    it(`raw uint32 for ids ${s.ids}`, () => {
      const stream = new Random123Stream(id1, id2, id3);
      const raw = s.uniform01_rawUint32_callValue_then_next12.map(() => stream.nextUint32());
      expect(raw).toEqual(s.uniform01_rawUint32_callValue_then_next12);
    });
    it(`uniform01 doubles for ids ${s.ids}`, () => {
      const stream = new Random123Stream(id1, id2, id3);
      expect(stream.nextDouble()).toBe(s.uniform01_callValue);
      for (const v of s.uniform01_setrand_next12) expect(stream.nextDouble()).toBe(v);
    });
    it(`random access equals sequential for ids ${s.ids}`, () => {
      const a = new Random123Stream(id1, id2, id3);
      const b = new Random123Stream(id1, id2, id3);
      const seq = Array.from({ length: 23 }, () => a.nextUint32());
      for (const k of [22, 0, 7, 3, 15, 4]) expect(b.uint32At(k)).toBe(seq[k]);
    });
  }
  it('maps uint32 to the open interval (0, 1)', () => {
    expect(uint32ToDouble(0)).toBeGreaterThan(0);
    expect(uint32ToDouble(0xffffffff)).toBeLessThan(1);
  });
});

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}
