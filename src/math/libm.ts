import { glibcLog } from './glibc-log.ts';

// The libm results NEURON and NetPyNE see: NEURON's mechanisms and its Random class, Python's
// math module and numpy call glibc's exp/log/pow/log10, which are accurate to ~0.51 ulp but
// not correctly rounded (and the engine's Math functions differ from glibc by an ulp on 7-10%
// of inputs). The functions here reproduce glibc 2.36 on x86-64 CPUs with FMA bit for bit
// (test/math, against vectors from the C library: scripts/glibc-libm-vectors.py); glibc on a
// CPU without FMA runs other code and may differ from them by an ulp now and then.

export { glibcExp } from './glibc-exp.ts';
export { glibcLog } from './glibc-log.ts';
export { glibcPow } from './glibc-pow.ts';
export { glibcExpm1, glibcTanh } from './glibc-tanh.ts';

const bits = new DataView(new ArrayBuffer(8));

// glibc's log10 is fdlibm's e_log10.c on top of its log: not correctly rounded, so it is
// reproduced operation for operation.
const IVLN10 = 4.34294481903251816668e-1;
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;

/** log10 as glibc computes it: k log10(2) in two parts plus log(x')/ln10 with x' in [1, 2). */
export function glibcLog10(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    k -= 54;
    x *= 18014398509481984; // 2^54
  }
  bits.setFloat64(0, x);
  const hx = bits.getInt32(0);
  k += (hx >> 20) - 1023;
  const i = (k & 0x80000000) >>> 31;
  bits.setInt32(0, (hx & 0x000fffff) | ((0x3ff - i) << 20));
  const xr = bits.getFloat64(0);
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * glibcLog(xr);
  return z + y * LOG10_2HI;
}
