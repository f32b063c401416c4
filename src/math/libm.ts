import { ddAdd, ddDiv, ddMul, twoProd, twoSum, type DD } from './double-double.ts';

// Correctly rounded exp, log and pow, plus glibc's log10 formula.
//
// NEURON and numpy call glibc's libm, whose exp/log/pow are accurate to ~0.51 ulp; the
// JavaScript engine's Math.exp/log/pow differ from glibc by an ulp on 7-10% of inputs.
// Correctly rounded results agree with glibc except where glibc itself misrounds (measured:
// about 1 input in 1000-2000, always by one ulp), so random draws (negexp, normal,
// lognormal, ...) and NetStim trains match NEURON's to the last bit in practice.
//
// Each function is Ziv's strategy: a table-driven fast path accurate to ~2^-62, a test that
// the rounding of its result is certain, and a double-double (~2^-100) path otherwise.

const LN2_32_HI = 0.021660849392446835; // ln2/32, 37 significant bits: k*LN2_32_HI is exact for |k| < 2^16
const LN2_32_MID = 5.145609244655338e-14;
const LN2_32_LO = -3.1493591049703574e-30;
const INV_LN2_32 = 46.16624130844683;
const LN2_HI = 0.6931471805599453;
const LN2_MID = 2.3190468138462996e-17;
const INV6 = [0.16666666666666666, 9.25185853854297e-18] as const;
const INV24 = [0.041666666666666664, 2.3129646346357427e-18] as const;
const INV120 = [0.008333333333333333, 1.1564823173178714e-19] as const;
const FAST_ERROR = 1.0842021724855044e-19; // 2^-63, relative error bound of the fast paths

const a: DD = { hi: 0, lo: 0 };
const b: DD = { hi: 0, lo: 0 };
const c: DD = { hi: 0, lo: 0 };
const bits = new DataView(new ArrayBuffer(8));

/** 2^(j/32), j = 0..31, as double-double. */
const POW2_HI = new Float64Array(32);
const POW2_LO = new Float64Array(32);
/** log(1 + j/128), j = 0..128, as double-double. */
const LOGF_HI = new Float64Array(129);
const LOGF_LO = new Float64Array(129);

buildTables();

/** True when every value within `err` of hi + lo (unrounded) rounds to the same double. */
function roundingIsSafe(hi: number, lo: number, err: number): boolean {
  return hi + (lo + err) === hi + (lo - err);
}

// ---------------------------------------------------------------------------------------
// exp

/** exp(r) for |r| <= ln2/64 as double-double (Taylor series to r^11, leading terms in dd). */
function expSmallDD(rh: number, rl: number, out: DD): DD {
  let tail = 1 / 39916800;
  tail = tail * rh + 1 / 3628800;
  tail = tail * rh + 1 / 362880;
  tail = tail * rh + 1 / 40320;
  tail = tail * rh + 1 / 5040;
  tail = tail * rh + 1 / 720;
  ddMul(tail, 0, rh, rl, out);
  ddAdd(out.hi, out.lo, INV120[0], INV120[1], out);
  ddMul(out.hi, out.lo, rh, rl, out);
  ddAdd(out.hi, out.lo, INV24[0], INV24[1], out);
  ddMul(out.hi, out.lo, rh, rl, out);
  ddAdd(out.hi, out.lo, INV6[0], INV6[1], out);
  ddMul(out.hi, out.lo, rh, rl, out);
  ddAdd(out.hi, out.lo, 0.5, 0, out);
  ddMul(out.hi, out.lo, rh, rl, out);
  ddAdd(out.hi, out.lo, 1, 0, out);
  ddMul(out.hi, out.lo, rh, rl, out);
  return ddAdd(out.hi, out.lo, 1, 0, out);
}

let expScale = 0;

/**
 * exp(xh + xl) = out * 2^expScale, |x| < 745. Reduction x = (32m + j) ln2/32 + r,
 * |r| <= ln2/64; `fast` evaluates exp(r) - 1 beyond its first term in doubles (~2^-63).
 */
function expCore(xh: number, xl: number, out: DD, fast: boolean): DD {
  const k = Math.round(xh * INV_LN2_32);
  const j = k & 31;
  expScale = (k - j) / 32;
  const th = POW2_HI[j];
  const tl = POW2_LO[j];
  const r0 = xh - k * LN2_32_HI; // exact (Sterbenz)
  if (fast) {
    // r to ~2^-80 absolute: k*LN2_32_MID rounds at 2^-81, the LO part is below 2^-84
    const rc = xl - k * LN2_32_MID;
    const rh = r0 + rc;
    const rl = r0 - rh + rc;
    // e^r - 1 = r + p with p = r^2/2 + r^3/6 + ... (double precision suffices: |p| < 2^-13)
    const p = rh * rh * (0.5 + rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh / 5040))))) + rl;
    // T (1 + r + p) = T + T*r + T*p: T*r exact, the rest small
    twoProd(th, rh, b);
    const small = b.lo + th * p + tl * (1 + rh + p);
    twoSum(th, b.hi, out);
    out.lo += small;
    const hi = out.hi + out.lo;
    out.lo -= hi - out.hi;
    out.hi = hi;
    return out;
  }
  twoSum(r0, xl, a);
  twoProd(-k, LN2_32_MID, b);
  ddAdd(a.hi, a.lo, b.hi, b.lo + -k * LN2_32_LO, a);
  expSmallDD(a.hi, a.lo, c);
  return ddMul(c.hi, c.lo, th, tl, out);
}

const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019412;
const expOut: DD = { hi: 0, lo: 0 };

const SPLITTER = 134217729; // 2^27 + 1
/** POW2_HI split in two 26-bit halves (Dekker), for the exact product in the fast path. */
const POW2_HI_HEAD = new Float64Array(32);
const POW2_HI_TAIL = new Float64Array(32);
for (let j = 0; j < 32; j++) {
  const t = SPLITTER * POW2_HI[j];
  POW2_HI_HEAD[j] = t - (t - POW2_HI[j]);
  POW2_HI_TAIL[j] = POW2_HI[j] - POW2_HI_HEAD[j];
}
/** 2^m for m in [-1100, 1100]. */
const POW2_INT = Float64Array.from({ length: 2201 }, (_, i) => Math.pow(2, i - 1100));

/** Correctly rounded e^x (the fast path inlined, allocation-free: string functions call it per pair). */
export function crExp(x: number): number {
  if (!(x > EXP_UNDERFLOW)) return Number.isNaN(x) ? NaN : 0;
  if (x > EXP_OVERFLOW) return Infinity;
  const k = Math.round(x * INV_LN2_32);
  const j = k & 31;
  const m = (k - j) / 32;
  const th = POW2_HI[j];
  const r0 = x - k * LN2_32_HI; // exact (Sterbenz)
  const rc = -k * LN2_32_MID;
  const rh = r0 + rc;
  const rl = r0 - rh + rc;
  const p = rh * rh * (0.5 + rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh / 5040))))) + rl;
  // th * rh exactly (Dekker), then T(1 + r + p) = T + T*r + (T*p + tl*(1 + r + p))
  const prod = th * rh;
  const t = SPLITTER * rh;
  const rHead = t - (t - rh);
  const rTail = rh - rHead;
  const head = POW2_HI_HEAD[j];
  const tail = POW2_HI_TAIL[j];
  const prodLo = ((head * rHead - prod) + head * rTail + tail * rHead) + tail * rTail;
  const small = prodLo + th * p + POW2_LO[j] * (1 + rh + p);
  const s = th + prod;
  const bb = s - th;
  const lo0 = (th - (s - bb)) + (prod - bb) + small;
  const hi = s + lo0;
  const lo = lo0 - (hi - s);
  const err = FAST_ERROR * Math.abs(hi);
  if (m > -1000 && m < 1000 && hi + (lo + err) === hi + (lo - err)) return (hi + lo) * POW2_INT[m + 1100];
  return expRounded(x, 0, FAST_ERROR, 0);
}

/** Rounds exp(xh + xl) (whose argument may carry `argError` absolute error) to a double. */
function expRounded(xh: number, xl: number, fastError: number, argError: number): number {
  expCore(xh, xl, expOut, true);
  const err = (fastError + argError * 1.0000001) * Math.abs(expOut.hi);
  if (!roundingIsSafe(expOut.hi, expOut.lo, err)) expCore(xh, xl, expOut, false);
  return scaleRounded(expOut.hi, expOut.lo, expScale);
}

/**
 * (hi + lo) * 2^e: exact scaling of the once-rounded sum while the result is normal. Subnormal
 * results (exp(x) for x < -708.4) are rounded twice, which may differ from glibc by an ulp.
 */
function scaleRounded(hi: number, lo: number, e: number): number {
  const rounded = hi + lo;
  if (e > 1000) return rounded * Math.pow(2, e - 1000) * Math.pow(2, 1000);
  if (e < -1000) return rounded * Math.pow(2, e + 1000) * Math.pow(2, -1000);
  return rounded * Math.pow(2, e);
}

// ---------------------------------------------------------------------------------------
// log

const logOut: DD = { hi: 0, lo: 0 };

/** Splits x > 0 (finite) into m in [1, 2) and E with x = m 2^E. */
let frexpE = 0;
function frexp(x: number): number {
  let scaleE = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18446744073709551616; // 2^64: subnormals become normal
    scaleE = -64;
  }
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  frexpE = ((high >>> 20) & 0x7ff) - 1023 + scaleE;
  bits.setUint32(0, (high & 0x800fffff) | (1023 << 20));
  return bits.getFloat64(0);
}

/**
 * log(x) as double-double. Fast: x = 2^E (F + f), F = 1 + j/128, log = E ln2 + log F +
 * log1p(f/F) with log1p's tail in doubles (~2^-63). Accurate: Newton step on exp in dd.
 */
function logCore(x: number, out: DD, fast: boolean): DD {
  const m = frexp(x);
  const E = frexpE;
  if (fast) {
    const j = Math.floor((m - 1) * 128);
    const F = 1 + j / 128;
    const f = m - F; // exact
    const uh = f / F;
    twoProd(uh, F, a);
    const ul = (f - a.hi - a.lo) / F;
    // log1p(u) - u = -u^2/2 + u^3/3 - ... ; |u| < 2^-7
    const u2 = uh * uh;
    const tail = u2 * (-0.5 + uh * (1 / 3 + uh * (-0.25 + uh * (0.2 + uh * (-1 / 6 + uh * (1 / 7 + uh * (-0.125 + uh / 9)))))));
    // big terms: E ln2 + log F + u
    twoProd(E, LN2_HI, a);
    ddAdd(a.hi, a.lo + E * LN2_MID, LOGF_HI[j], LOGF_LO[j], b);
    twoSum(b.hi, uh, out);
    out.lo += b.lo + ul + tail;
    const hi = out.hi + out.lo;
    out.lo -= hi - out.hi;
    out.hi = hi;
    return out;
  }
  // log(m) with m in [1, 2): y0 = Math.log(m) (~1 ulp); y = y0 + log1p(m e^-y0 - 1)
  const y0 = Math.log(m);
  expCore(-y0, 0, c, false); // |y0| < ln2: expScale stays within [-1, 0]
  const es = Math.pow(2, expScale);
  twoProd(m, c.hi * es, a);
  ddAdd(a.hi, a.lo + m * c.lo * es, -1, 0, a);
  const t = a.hi + a.lo;
  twoSum(y0, t - 0.5 * t * t, b);
  twoProd(E, LN2_HI, a);
  return ddAdd(a.hi, a.lo + E * LN2_MID, b.hi, b.lo, out);
}

/** Correctly rounded natural logarithm. */
export function crLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  if (x === 1) return 0;
  logCore(x, logOut, true);
  // Absolute error of the fast path: 2^-63 of the largest term (E ln2, log F or u) involved.
  const err = FAST_ERROR * (Math.abs(logOut.hi) + 2 * Math.abs(frexpE * LN2_HI) + 0.7);
  if (!roundingIsSafe(logOut.hi, logOut.lo, err)) logCore(x, logOut, false);
  return logOut.hi + logOut.lo;
}

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
  const z = y * LOG10_2LO + IVLN10 * crLog(xr);
  return z + y * LOG10_2HI;
}

// ---------------------------------------------------------------------------------------
// pow

/** Correctly rounded x^y with C99/glibc special cases (pow(x, 0) = 1, pow(1, y) = 1, ...). */
export function crPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return Math.pow(x, y);
  const yIsInteger = Number.isInteger(y);
  if (x < 0 && !yIsInteger) return NaN;
  const negate = x < 0 && Math.abs(y) < 9007199254740992 && Math.abs(y % 2) === 1;
  if (y === 1) return x;
  if (y === 2) return x * x;
  const result = powPositive(Math.abs(x), y);
  return negate ? -result : result;
}

function powPositive(x: number, y: number): number {
  for (const fast of [true, false]) {
    logCore(x, logOut, fast);
    twoProd(y, logOut.hi, a);
    const zh = a.hi + (a.lo + y * logOut.lo);
    const zl = a.lo + y * logOut.lo - (zh - a.hi);
    if (zh > EXP_OVERFLOW + 1e-9) return Infinity;
    if (zh < EXP_UNDERFLOW - 1e-9) return 0;
    // error of z = y log x: log's relative error times |z|
    const logError = fast ? FAST_ERROR * (Math.abs(logOut.hi) + 2 * Math.abs(frexpE * LN2_HI) + 0.7) : 1e-29 * (Math.abs(logOut.hi) + 1);
    const zError = Math.abs(y) * logError;
    expCore(zh, zl, expOut, fast);
    const err = (FAST_ERROR + zError * 1.0000001) * Math.abs(expOut.hi);
    if (!fast || roundingIsSafe(expOut.hi, expOut.lo, err)) return scaleRounded(expOut.hi, expOut.lo, expScale);
  }
  return NaN; // unreachable
}

// ---------------------------------------------------------------------------------------
// tables, built once in double-double from long Taylor series

function buildTables(): void {
  const term: DD = { hi: 1, lo: 0 };
  const sum: DD = { hi: 1, lo: 0 };
  const x: DD = { hi: 0, lo: 0 };
  for (let j = 0; j < 32; j++) {
    twoProd(j, LN2_32_HI, x);
    ddAdd(x.hi, x.lo, j * LN2_32_MID, j * LN2_32_LO, x);
    term.hi = 1; term.lo = 0;
    sum.hi = 1; sum.lo = 0;
    for (let n = 1; n <= 40; n++) {
      ddMul(term.hi, term.lo, x.hi, x.lo, term);
      ddDiv(term.hi, term.lo, n, 0, term);
      ddAdd(sum.hi, sum.lo, term.hi, term.lo, sum);
    }
    POW2_HI[j] = sum.hi;
    POW2_LO[j] = sum.lo;
  }
  // log(1 + j/128) = 2 atanh(s), s = j/(256 + j): odd series in s, s^2 <= 1/9
  const s2: DD = { hi: 0, lo: 0 };
  const power: DD = { hi: 0, lo: 0 };
  for (let j = 0; j <= 128; j++) {
    ddDiv(j, 0, 256 + j, 0, x);
    ddMul(x.hi, x.lo, x.hi, x.lo, s2);
    power.hi = x.hi; power.lo = x.lo;
    sum.hi = x.hi; sum.lo = x.lo;
    for (let n = 3; n <= 81; n += 2) {
      ddMul(power.hi, power.lo, s2.hi, s2.lo, power);
      ddDiv(power.hi, power.lo, n, 0, term);
      ddAdd(sum.hi, sum.lo, term.hi, term.lo, sum);
    }
    LOGF_HI[j] = 2 * sum.hi;
    LOGF_LO[j] = 2 * sum.lo;
  }
}
