import { fma } from './fma.ts';
import { LOG_CONST, LOG_INVC, LOG_LOGC } from './glibc-tables.gen.ts';

// glibc 2.36's log (sysdeps/ieee754/dbl-64/e_log.c) as x86-64 runs it on CPUs with FMA (the
// __log_fma variant; its fused operations read from the disassembly). x = 2^k z, z in
// [OFF, 2 OFF) falls in one of 128 subintervals with centre c: log x = k ln2 + log c +
// log1p(z/c - 1), r = z/c - 1 by one fma. Inputs within [1 - 2^-4, 1 + 0x1.09p-4) use a
// polynomial in r = x - 1 instead.

const [LN2_HI, LN2_LO, A0, A1, A2, A3, A4, B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] = LOG_CONST;
const OFF_HIGH = 0x3fe60000; // high word of OFF = 0x3fe6000000000000
const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer); // [low, high] on little-endian hosts

/** log(x) with glibc's result bits. */
export function glibcLog(x: number): number {
  if (x >= 0.9375 && x < 1.064697265625) return nearOne(x);
  let k0 = 0;
  if (!(x >= 2.2250738585072014e-308 && x < Infinity)) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (!(x > 0)) return NaN; // negative, -inf, nan
    x *= 4503599627370496; // 2^52: subnormal -> normal
    k0 = -52;
  }
  word[0] = x;
  const tmpHigh = (halves[1] - OFF_HIGH) | 0; // high word of ix - OFF
  const i = (tmpHigh >>> 13) & 127;
  const kd = (tmpHigh >> 20) + k0;
  halves[1] -= tmpHigh & 0xfff00000; // z = x 2^-k in [OFF, 2 OFF)
  const z = word[0];
  const r = fma(z, LOG_INVC[i], -1);
  const w = fma(kd, LN2_HI, LOG_LOGC[i]);
  const hi = w + r;
  const lo = fma(kd, LN2_LO, w - hi + r);
  const r2 = r * r;
  const p = fma(fma(r, A4, A3), r2, fma(r, A2, A1));
  return fma(r * r2, p, fma(r2, A0, lo)) + hi;
}

/** log(x) for x near 1: r + B0 r^2 (split so that r^2 is exact) + r^3 (B1 + ... + B10 r^9). */
function nearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const q1 = fma(r2, B3, fma(r, B2, B1));
  const q2 = fma(r2, B6, fma(r, B5, B4));
  const q3 = fma(r3, B10, fma(r2, B9, fma(r, B8, B7)));
  const poly = fma(fma(q3, r3, q2), r3, q1);
  const w = r * 134217728; // 2^27
  const rhi = r + w - w;
  const rlo = r - rhi;
  const rhi2 = rhi * rhi;
  const hi = r + rhi2 * B0; // B0 = -0.5: the products by B0 are exact
  const lo = fma(B0 * rlo, r + rhi, r - hi + rhi2 * B0);
  return hi + fma(poly, r3, lo);
}
