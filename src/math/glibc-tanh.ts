import { fma } from './fma.ts';

// glibc 2.36's tanh (sysdeps/ieee754/dbl-64/s_tanh.c, plain arithmetic) on its expm1
// (s_expm1.c, fdlibm's algorithm) as x86-64 runs it on CPUs with FMA: tanh calls the __expm1_fma
// variant, whose fused operations are read from Debian 12's libm.so.6 disassembly (the
// polynomial, t = 3 - r1 hfx, 6 - x t and the final corrections). Checked against the C library
// in test/math.

const LN2_HI = 6.9314718036912381649e-1; // 0x3fe62e42fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef35793c76
const INVLN2 = 1.442695040888963387; // 0x3ff71547652b82fe
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;
const O_THRESHOLD = 7.09782712893383973096e2;
const HUGE = 1e300;
const TINY = 1e-300;

const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer); // [low, high] on little-endian hosts

function highWord(x: number): number {
  word[0] = x;
  return halves[1];
}

function withHighWord(x: number, high: number): number {
  word[0] = x;
  halves[1] = high;
  return word[0];
}

/** exp(x) - 1 with glibc's result bits. */
export function glibcExpm1(x: number): number {
  const negative = highWord(x) >>> 31 === 1;
  const hx = highWord(x) & 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) return Number.isNaN(x) ? x + x : negative ? -1 : x;
      if (x > O_THRESHOLD) return HUGE * HUGE;
    }
    if (negative) return TINY - 1;
  }
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2 / 2: x = k ln2 + r
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      [hi, lo, k] = negative ? [x + LN2_HI, -LN2_LO, -1] : [x - LN2_HI, LN2_LO, 1];
    } else {
      k = Math.trunc(INVLN2 * x + (negative ? -0.5 : 0.5));
      hi = fma(-k, LN2_HI, x); // k ln2_hi is exact: fused or not, the same
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    const t = HUGE + x;
    return x - (t - (HUGE + x));
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs;
  const h4 = h2 * h2;
  const r1 = fma(h4, fma(hxs, Q5, Q4), fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1)));
  let t = fma(-r1, hfx, 3);
  let e = hxs * ((r1 - t) / fma(-x, t, 6));
  if (k === 0) return x - fma(e, x, -hxs);
  e = fma(e - c, x, -c);
  e -= hxs;
  // the halving and doubling are exact: fused or not, the same
  if (k === -1) return fma(x - e, 0.5, -0.5);
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : fma(x - e, 2, 1);
  if (k <= -2 || k > 56) {
    const y = 1 - (e - x);
    return withHighWord(y, (highWord(y) + (k << 20)) >>> 0) - 1;
  }
  let y: number;
  if (k < 20) {
    t = withHighWord(1, 0x3ff00000 - (0x200000 >> k)); // 1 - 2^-k
    y = t - (e - x);
  } else {
    t = withHighWord(1, (0x3ff - k) << 20); // 2^-k
    y = x - (e + t);
    y += 1;
  }
  return withHighWord(y, (highWord(y) + (k << 20)) >>> 0);
}

/** tanh(x) with glibc's result bits. */
export function glibcTanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  const negative = jx >>> 31 === 1;
  if (ix >= 0x7ff00000) return negative ? 1 / x - 1 : 1 / x + 1; // +-1, or NaN
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (x === 0) return x;
    if (ix < 0x3c800000) return x * (1 + x); // |x| < 2^-55
    if (ix >= 0x3ff00000) {
      const t = glibcExpm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = glibcExpm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else z = 1 - TINY;
  return negative ? -z : z;
}
