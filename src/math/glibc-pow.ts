import { fma } from './fma.ts';
import { expCore, expSpecial } from './glibc-exp.ts';
import { POW_CONST, POW_INVC, POW_LOGC, POW_LOGCTAIL } from './glibc-tables.gen.ts';

// glibc 2.36's pow (sysdeps/ieee754/dbl-64/e_pow.c) as x86-64 runs it on CPUs with FMA (the
// __pow_fma variant; its fused operations read from the disassembly): log x to ~68 bits as
// hi + lo (128 subintervals, OFF = 0x3fe6955500000000), y log x = ehi + elo exactly to that
// precision, then exp(ehi + elo) by exp's algorithm. Special cases follow C99 Annex F as glibc
// does (JavaScript has no signalling NaNs, so pow(NaN, 0) = pow(1, NaN) = 1).

const [LN2_HI, LN2_LO, A0, A1, A2, A3, A4, A5, A6] = POW_CONST;
const OFF_HIGH = 0x3fe69555;
const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer); // [low, high] on little-endian hosts
let logTail = 0;

/** x^y with glibc's result bits. */
export function glibcPow(x: number, y: number): number {
  const ay = Math.abs(y);
  let negative = false;
  let k0 = 0;
  // fast path: x positive normal, 2^-65 <= |y| < 2^63
  if (!(x >= 2.2250738585072014e-308 && x < Infinity && ay >= 2.710505431213761e-20 && ay < 9223372036854775808)) {
    if (y === 0 || !(ay < Infinity)) return zeroInfNanY(x, y);
    if (x === 0 || !(Math.abs(x) < Infinity)) return zeroInfNanX(x, y);
    if (x < 0) {
      const yint = integerKind(y);
      if (yint === 0) return NaN;
      negative = yint === 1;
      x = -x;
    }
    if (!(ay >= 2.710505431213761e-20 && ay < 9223372036854775808)) {
      if (x === 1) return 1;
      if (ay < 2.710505431213761e-20) return x > 1 ? 1 + y : 1 - y;
      return x > 1 === y > 0 ? Infinity : 0;
    }
    if (x < 2.2250738585072014e-308) {
      x *= 4503599627370496; // 2^52: subnormal -> normal
      k0 = -52;
    }
  }
  const hi = logInline(x, k0);
  const ehi = y * hi;
  const elo = fma(y, logTail, fma(hi, y, -ehi));
  const result = expInline(ehi, elo);
  return negative ? -result : result;
}

/** log(x 2^k0) = return value + logTail, for x positive normal. */
function logInline(x: number, k0: number): number {
  word[0] = x;
  const tmpHigh = (halves[1] - OFF_HIGH) | 0;
  const i = (tmpHigh >>> 13) & 127;
  const kd = (tmpHigh >> 20) + k0;
  halves[1] -= tmpHigh & 0xfff00000;
  const z = word[0];
  const t1 = fma(kd, LN2_HI, POW_LOGC[i]);
  const lo1 = fma(kd, LN2_LO, POW_LOGCTAIL[i]);
  const r = fma(z, POW_INVC[i], -1); // exact
  const ar = r * A0; // A0 = -0.5
  const t2 = t1 + r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const lo2 = t1 - t2 + r;
  const lo3 = fma(ar, r, -ar2);
  const hi = t2 + ar2;
  const lo4 = t2 - hi + ar2;
  const p = fma(ar2, fma(fma(r, A6, A5), ar2, fma(r, A4, A3)), fma(r, A2, A1));
  const lo = fma(ar3, p, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  logTail = hi - y + lo;
  return y;
}

/** exp(x + xtail), |xtail| < 2^-15 |x|: exp's tiny and huge cases, else its algorithm. */
function expInline(x: number, xtail: number): number {
  const ax = Math.abs(x);
  if (ax >= 5.551115123125783e-17 && ax < 512) return expCore(x, xtail);
  if (ax < 5.551115123125783e-17) return 1 + x;
  if (ax < 1024) return expSpecial(x, xtail);
  return x < 0 ? 0 : Infinity;
}

/** 0 if y is not an integer, 1 if odd, 2 if even (y finite, non-zero). */
function integerKind(y: number): number {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) < 9007199254740992 && y % 2 !== 0 ? 1 : 2;
}

/** pow for y = ±0, ±inf or nan. */
function zeroInfNanY(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const ax = Math.abs(x);
  if (ax === 1) return 1;
  return ax < 1 === y > 0 ? 0 : Infinity;
}

/** pow for x = ±0, ±inf or nan (y finite, non-zero). */
function zeroInfNanX(x: number, y: number): number {
  let x2 = x * x;
  if ((x < 0 || Object.is(x, -0)) && integerKind(y) === 1) x2 = -x2;
  return y < 0 ? 1 / x2 : x2;
}
