// Fused multiply-add a*b + c with one rounding, as the x86 FMA instructions compute it, from
// plain double operations: glibc's libm on FMA-capable CPUs (every x86-64 since 2013) runs
// code compiled with contraction, so reproducing its results needs the fused operation.
// Valid while a*b is finite and neither overflows nor has a subnormal rounding error
// (|a|, |b| < 2^996, |a*b| > 2^-969 or exactly 0), which holds for the libm uses here.

const SPLITTER = 134217729; // 2^27 + 1
const abs = Math.abs;
const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer); // [low, high] on little-endian hosts

/**
 * a*b + c rounded once to nearest even. Fast path: with ph = round(a*b), c + ph = sh + sl
 * exactly (TwoSum), and a*b + c = sh + sl + (a*b - ph), |a*b - ph| <= |ph| 2^-53. When sh
 * absorbs sl plus or minus a wider bound (8 times that, plus sl's own rounding), sh is the
 * result; otherwise (rarely, when |ph| is small next to |sh|) the exact computation decides.
 */
export function fma(a: number, b: number, c: number): number {
  const ph = a * b;
  const sh = c + ph;
  const sb = sh - c;
  const sl = c - (sh - sb) + (ph - sb);
  const bound = (abs(ph) + abs(sl)) * 8.881784197001252e-16; // 2^-50
  if (sh + (sl + bound) === sh && sh + (sl - bound) === sh) return sh;
  return fmaExact(a, b, c);
}

/**
 * Boldo & Melquiond, "Emulation of FMA and correctly rounded sums: proved algorithms using
 * rounding to odd", IEEE Trans. Computers 57 (2008), algorithm 5: a*b = ph + pl exactly
 * (Dekker); c + ph = sh + sl exactly (TwoSum); v = sl + pl rounded to odd; round(sh + v).
 */
function fmaExact(a: number, b: number, c: number): number {
  const ph = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pl = ah * bh - ph + ah * bl + al * bh + al * bl;
  const sh = c + ph;
  const sb = sh - c;
  const sl = c - (sh - sb) + (ph - sb);
  const v = sl + pl;
  const vb = v - sl;
  const ve = sl - (v - vb) + (pl - vb);
  if (ve !== 0) return sh + roundedToOdd(v, ve);
  return v === 0 ? sh : sh + v; // v = 0: a*b + c = sh exactly, with sh's IEEE sign of zero
}

/**
 * The double with an odd last bit next to v + e (v = round(v + e), e !== 0 its error): v when
 * v is odd, else v's neighbour on e's side.
 */
function roundedToOdd(v: number, e: number): number {
  word[0] = v;
  if ((halves[0] & 1) === 1) return v;
  if (e > 0 === v > 0) {
    halves[0] += 1;
  } else {
    if (halves[0] === 0) halves[1] -= 1;
    halves[0] -= 1;
  }
  return word[0];
}
