// Double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi)/2, about 106 bits.
// Error-free transformations (Knuth's TwoSum, Dekker's TwoProduct with Veltkamp splitting)
// need no FMA, so they run the same in every JavaScript engine and in any order.

/** Scratch result slots, reused to keep hot paths allocation-free. */
export interface DD {
  hi: number;
  lo: number;
}

const SPLITTER = 134217729; // 2^27 + 1

/** a + b = out.hi + out.lo exactly. */
export function twoSum(a: number, b: number, out: DD): DD {
  const s = a + b;
  const bb = s - a;
  out.hi = s;
  out.lo = (a - (s - bb)) + (b - bb);
  return out;
}

/** a * b = out.hi + out.lo exactly (no overflow for |a|,|b| < 2^996). */
export function twoProd(a: number, b: number, out: DD): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  out.hi = p;
  out.lo = ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo;
  return out;
}

const tmp: DD = { hi: 0, lo: 0 };

/** (ah + al) + (bh + bl), relative error about 2^-104. */
export function ddAdd(ah: number, al: number, bh: number, bl: number, out: DD): DD {
  twoSum(ah, bh, tmp);
  const sh = tmp.hi;
  let sl = tmp.lo;
  twoSum(al, bl, tmp);
  const th = tmp.hi;
  const tl = tmp.lo;
  sl += th;
  let h = sh + sl;
  sl = sl - (h - sh);
  sl += tl;
  const hi = h + sl;
  out.lo = sl - (hi - h);
  out.hi = hi;
  return out;
}

/** (ah + al) * (bh + bl), relative error about 2^-104. */
export function ddMul(ah: number, al: number, bh: number, bl: number, out: DD): DD {
  twoProd(ah, bh, tmp);
  const ph = tmp.hi;
  const pl = tmp.lo + (ah * bl + al * bh);
  const hi = ph + pl;
  out.lo = pl - (hi - ph);
  out.hi = hi;
  return out;
}

const q: DD = { hi: 0, lo: 0 };
const r: DD = { hi: 0, lo: 0 };

/** (ah + al) / (bh + bl) by two correction steps (QD library form), relative error about 2^-104. */
export function ddDiv(ah: number, al: number, bh: number, bl: number, out: DD): DD {
  const q1 = ah / bh;
  ddMul(bh, bl, q1, 0, q);
  ddAdd(ah, al, -q.hi, -q.lo, r);
  const q2 = r.hi / bh;
  ddMul(bh, bl, q2, 0, q);
  ddAdd(r.hi, r.lo, -q.hi, -q.lo, r);
  const q3 = r.hi / bh;
  twoSum(q1, q2, q);
  return ddAdd(q.hi, q.lo, q3, 0, out);
}
