// glibc's float atan2f, sinf and cosf, bit for bit (NEURON's define_shape calls them: C++ picks
// the float overloads of atan2/cos/sin for float arguments).
//
// atan2f is fdlibm's float code (sysdeps/ieee754/flt-32/e_atan2f.c, s_atanf.c), all in float
// arithmetic: every operation is rounded with Math.fround. sinf and cosf (flt-32/s_sinf.c,
// s_cosf.c, s_sincosf.h, sincosf_poly.h) evaluate in double and round once to float; on x86_64
// glibc runs their FMA build, so each a + b*c there is a fused multiply-add (fma below).

import { fma } from './fma.ts';

const f = Math.fround;
const word = new DataView(new ArrayBuffer(4));
const bitsOf = (x: number): number => {
  word.setFloat32(0, x);
  return word.getInt32(0);
};

// The constants as the C source writes them (decimal literals rounded to float: aT[0] is
// 0x3eaaaaab, not the 0x3eaaaaaa its comment says).
const PI_O_2 = f(1.5707963705);
const PI = f(3.141592741);
const PI_LO = f(-8.7422776573e-8);
const ATAN_HI = [4.6364760399e-1, 7.8539812565e-1, 9.8279368877e-1, 1.5707962513].map(f);
const ATAN_LO = [5.012158244e-9, 3.7748947079e-8, 3.447321717e-8, 7.5497894159e-8].map(f);
const AT = [
  3.3333334327e-1, -2.0000000298e-1, 1.4285714924e-1, -1.1111110449e-1, 9.0908870101e-2, -7.6918758452e-2, 6.6610731184e-2, -5.8335702866e-2, 4.9768779427e-2,
  -3.6531571299e-2, 1.6285819933e-2,
].map(f);

/** __atanf for a float x (finite). */
function atanf(x: number): number {
  const hx = bitsOf(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x4c000000) return hx > 0 ? f(ATAN_HI[3] + ATAN_LO[3]) : f(-ATAN_HI[3] - ATAN_LO[3]); // |x| >= 2^25
  let id = -1;
  if (ix < 0x3ee00000) {
    // |x| < 0.4375
    if (ix < 0x31000000) return x; // |x| < 2^-29
  } else {
    x = Math.abs(x);
    if (ix < 0x3f980000) {
      if (ix < 0x3f300000) {
        id = 0;
        x = f(f(f(2 * x) - 1) / f(2 + x));
      } else {
        id = 1;
        x = f(f(x - 1) / f(x + 1));
      }
    } else if (ix < 0x401c0000) {
      id = 2;
      x = f(f(x - 1.5) / f(1 + f(1.5 * x)));
    } else {
      id = 3;
      x = f(-1 / x);
    }
  }
  const z = f(x * x);
  const w = f(z * z);
  const s1 = f(z * f(AT[0] + f(w * f(AT[2] + f(w * f(AT[4] + f(w * f(AT[6] + f(w * f(AT[8] + f(w * AT[10])))))))))));
  const s2 = f(w * f(AT[1] + f(w * f(AT[3] + f(w * f(AT[5] + f(w * f(AT[7] + f(w * AT[9])))))))));
  if (id < 0) return f(x - f(x * f(s1 + s2)));
  const r = f(ATAN_HI[id] - f(f(f(x * f(s1 + s2)) - ATAN_LO[id]) - x));
  return hx < 0 ? -r : r;
}

/** glibc atan2f(y, x) for finite float y, x. */
export function atan2f(y: number, x: number): number {
  const hx = bitsOf(x);
  const ix = hx & 0x7fffffff;
  const hy = bitsOf(y);
  const iy = hy & 0x7fffffff;
  if (hx === 0x3f800000) return atanf(y); // x = 1
  const m = ((hy >>> 31) & 1) | ((hx >>> 30) & 2); // 2*sign(x) + sign(y)
  if (iy === 0) return m === 0 || m === 1 ? y : m === 2 ? PI : -PI; // (+tiny rounds away)
  if (ix === 0) return hy < 0 ? -PI_O_2 : PI_O_2;
  const k = (iy - ix) >> 23;
  let z: number;
  if (k > 60) z = f(PI_O_2 + f(0.5 * PI_LO));
  else if (hx < 0 && k < -60) z = 0;
  else z = atanf(Math.abs(f(y / x)));
  switch (m) {
    case 0:
      return z;
    case 1:
      return -z;
    case 2:
      return f(PI - f(z - PI_LO));
    default:
      return f(f(z - PI_LO) - PI);
  }
}

/** 0x<digits>p<exp> with one digit before the point, exactly (JavaScript has no hex float literals). */
const hex = (digits: string, exp: number): number => parseInt(digits, 16) * 2 ** (exp - 4 * (digits.length - 1));
const HPI_INV = hex('145f306dc9c883', 23); // 2/pi * 2^24 (no TOINT_INTRINSICS on x86_64)
const HPI = hex('1921fb54442d18', 0);
const PIO4 = hex('1921fb54442d18', -1);
const C = [hex('1', 0), -hex('1ffffffd0c621c', -2), hex('155553e1068f19', -5), -hex('16c087e89a359d', -10), hex('199343027bf8c3', -16)];
const S = [-hex('1555545995a603', -3), hex('11107605230bc4', -7), -hex('1994eb3774cf24', -13)];
const SIGN = [1, -1, -1, 1];

/** sinf_poly: sine (n even) or cosine (n odd) polynomial; `negate` selects the 2nd table (-cos). */
function poly(x: number, x2: number, n: number, negate: boolean): number {
  if ((n & 1) === 0) {
    const x3 = x * x2;
    const s1 = fma(x2, S[2], S[1]);
    const x7 = x3 * x2;
    const sx = fma(x3, S[0], x);
    return f(fma(x7, s1, sx));
  }
  const g = negate ? -1 : 1;
  const x4 = x2 * x2;
  const c2 = fma(x2, g * C[4], g * C[3]);
  const c1 = fma(x2, g * C[1], g * C[0]);
  const x6 = x4 * x2;
  const c = fma(x4, g * C[2], c1);
  return f(fma(x6, c2, c));
}

/** Top 12 bits of a float with the sign cleared (abstop12): its exponent, for range tests. */
const top12 = (v: number): number => (bitsOf(v) >>> 20) & 0x7ff;
const TOP_PIO4 = top12(f(PIO4));
const TOP_TINY = top12(hex('1', -12));
const TOP_120 = top12(120);

/** sinf (n0 = 0) or cosf (n0 = 1) of a float |y| < 120 (the fast range reduction). */
function sincosf(y: number, n0: number): number {
  const top = top12(y);
  if (top < TOP_PIO4) {
    if (top < TOP_TINY) return n0 === 0 ? y : 1;
    return poly(y, y * y, n0, false);
  }
  if (top >= TOP_120) throw new RangeError(`sinf/cosf: |${y}| >= 120 needs the large range reduction`);
  const n = ((Math.trunc(y * HPI_INV) | 0) + 0x800000) >> 24;
  const x = fma(-n, HPI, y);
  return poly(x * SIGN[n & 3], x * x, n ^ n0, (n & 2) !== 0);
}

/** glibc sinf of a float, |y| < 120. */
export function sinf(y: number): number {
  return sincosf(y, 0);
}

/** glibc cosf of a float, |y| < 120. */
export function cosf(y: number): number {
  return sincosf(y, 1);
}
