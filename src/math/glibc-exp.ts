import { fma } from './fma.ts';
import { EXP_CONST, EXP_SCALE, EXP_TAIL } from './glibc-tables.gen.ts';

// glibc 2.36's exp (sysdeps/ieee754/dbl-64/e_exp.c) as x86-64 runs it on CPUs with FMA: the
// __exp_fma variant, built with contraction, so the operations that machine code fuses are
// fused here too (read from its disassembly). x = (k/N) ln2 + r, N = 128, |r| <= ln2/2N;
// exp(x) = 2^(k/N) exp(r) ~= scale (1 + tail + r + C2 r^2 + ... + C5 r^5).

const [INV_LN2_N, NEG_LN2_HI_N, NEG_LN2_LO_N, C2, C3, C4, C5, SHIFT] = EXP_CONST;

/** 2^(i - 1022) for i = 0 .. 2045: exact powers of two over the normal range. */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let i = 1023; i < 2046; i++) POW2[i] = POW2[i - 1] * 2;
for (let i = 1021; i >= 0; i--) POW2[i] = POW2[i + 1] / 2;
const TWO_1009 = POW2[1022 + 1009];
const TWO_M1022 = POW2[0];

/**
 * exp(x + xtail) for 2^-54 <= |x| < 512 (|xtail| tiny): a normal number. Ziv's test first:
 * from plain operations, r is within an ulp (+ |k| 2^-96) of glibc's fused r and
 * tmp = tail + r + ... within 2^-50.2 |tmp| (+ that) of glibc's fused tmp; s + s tmp = sh + sl
 * up to s tmp's rounding (2^-53 |s tmp|). When every value within twice those bounds rounds
 * the same, that is glibc's result (about 97% of inputs); otherwise glibc's operations are
 * followed one by one.
 */
export function expCore(x: number, xtail: number): number {
  const k = nearestK(x);
  const j = k & 127;
  const scale = POW2[(k - j) / 128 + 1022];
  const s = EXP_SCALE[j];
  // NEG_LN2_HI_N has 36 significant bits: k NEG_LN2_HI_N is exact for |k| < 2^17
  const r1 = x + k * NEG_LN2_HI_N;
  const r = r1 + k * NEG_LN2_LO_N + xtail;
  const r2 = r * r;
  const p = s * (EXP_TAIL[j] + r + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5));
  const sh = s + p;
  const sb = sh - s;
  const sl = s - (sh - sb) + (p - sb);
  const bound = Math.abs(p) * 1.7763568394002505e-15 + Math.abs(sl) * 8.881784197001252e-16 + Math.abs(k) * 6e-30 + 1.5777218104420236e-30;
  const y = sh + (sl + bound);
  if (y === sh + (sl - bound)) return y * scale;
  const exact = fma(k, NEG_LN2_LO_N, r1) + xtail;
  return fma(s, poly(exact, j), s) * scale;
}

/**
 * exp(x + xtail) for 512 <= |x| < 1024: glibc's specialcase, where the result may overflow
 * or be subnormal (rounded once, at its final precision).
 */
export function expSpecial(x: number, xtail: number): number {
  const k = nearestK(x);
  const r = fma(k, NEG_LN2_LO_N, fma(k, NEG_LN2_HI_N, x)) + xtail;
  const j = k & 127;
  const e = (k - j) / 128; // scale = EXP_SCALE[j] 2^e
  const tmp = poly(r, j);
  const s = EXP_SCALE[j];
  if (k > 0) return fma(s, tmp, s) * POW2[e - 1009 + 1022] * TWO_1009; // may overflow to Infinity
  const scale = s * POW2[e + 1022 + 1022];
  const st = scale * tmp;
  let y = scale + st;
  if (y < 1) {
    const lo = scale - y + st;
    const hi = 1 + y;
    y = hi + (1 - hi + y + lo) - 1;
  }
  return y * TWO_M1022;
}

/**
 * x N/ln2 to the nearest integer, from the exact product (fused with + SHIFT): rounding the
 * rounded product gives the same k unless that lands on a half-integer.
 */
function nearestK(x: number): number {
  const z = x * INV_LN2_N;
  const k = z + SHIFT - SHIFT;
  return Math.abs(z - k) === 0.5 ? fma(x, INV_LN2_N, SHIFT) - SHIFT : k;
}

/** tail + r + C2 r^2 + ... + C5 r^5 in glibc's order (exp(r) - 1 + tail). */
function poly(r: number, j: number): number {
  const r2 = r * r;
  return fma(r2 * r2, fma(r, C5, C4), fma(fma(r, C3, C2), r2, EXP_TAIL[j] + r));
}

/** exp(x) with glibc's result bits. */
export function glibcExp(x: number): number {
  const ax = Math.abs(x);
  if (ax >= 5.551115123125783e-17 && ax < 512) return expCore(x, 0); // 2^-54 <= |x| < 512
  if (ax < 5.551115123125783e-17) return 1 + x;
  if (ax < 1024) return expSpecial(x, 0);
  if (!(ax < Infinity)) return x === -Infinity ? 0 : 1 + x; // inf, nan
  return x < 0 ? 0 : Infinity;
}
