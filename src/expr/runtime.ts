import { glibcExp, glibcLog, glibcLog10, glibcPow } from '../math/libm.ts';
import { ExprRuntimeError } from './errors.ts';

// Python 3 float semantics for the operators JavaScript spells differently.
// Python raises on division by zero; numpy functions (remainder, log, sqrt) return nan/inf.
// exp, log, log10 and ** use the glibc-matching versions in math/libm.ts, as numpy and Python call glibc.

export function pyDiv(a: number, b: number): number {
  if (b === 0) throw new ExprRuntimeError('division by zero');
  return a / b;
}

/** Python's floor of the true quotient (float // float). */
export function pyFloorDiv(a: number, b: number): number {
  if (b === 0) throw new ExprRuntimeError('float floor division by zero');
  // CPython's float_divmod, step for step.
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1.0;
  if (div !== 0) {
    let floorDiv = Math.floor(div);
    if (div - floorDiv > 0.5) floorDiv += 1.0;
    return floorDiv;
  }
  return a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
}

/** Python's a % b: the result takes the sign of b. */
export function pyMod(a: number, b: number): number {
  if (b === 0) throw new ExprRuntimeError('modulo by zero');
  return pyModNoCheck(a, b);
}

/** numpy.remainder: Python-style modulo that returns nan instead of raising. */
export function npRemainder(a: number, b: number): number {
  return b === 0 ? NaN : pyModNoCheck(a, b);
}

function pyModNoCheck(a: number, b: number): number {
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** Python float ** float: 0 ** negative raises; a negative base with a fractional exponent is complex (nan here). */
export function pyPow(a: number, b: number): number {
  if (a === 0 && b < 0) throw new ExprRuntimeError('0.0 cannot be raised to a negative power');
  return glibcPow(a, b);
}

/** Python round(x) and round(x, n): round half to even on the exact binary value. */
export function pyRound(x: number, ndigits?: number): number {
  if (!Number.isFinite(x)) {
    if (ndigits === undefined) throw new ExprRuntimeError(`cannot round ${x} to an integer`);
    return x;
  }
  if (ndigits === undefined || ndigits === 0) {
    const floor = Math.floor(x);
    const diff = x - floor;
    if (diff < 0.5) return floor;
    if (diff > 0.5) return floor + 1;
    return floor % 2 === 0 ? floor : floor + 1;
  }
  if (!Number.isInteger(ndigits)) throw new ExprRuntimeError('round(): ndigits must be an integer');
  if (ndigits < 0 || ndigits > 100) {
    const scale = Math.pow(10, -ndigits);
    return pyRound(x / scale) * scale;
  }
  // toFixed rounds the exact binary value correctly but breaks exact ties away from zero;
  // Python breaks them to even. An exact tie has the decimal tail 5000… in the exact expansion.
  const exact = Math.abs(x).toFixed(Math.min(100, ndigits + 60));
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + ndigits);
  const rounded = Number(x.toFixed(ndigits));
  if (/^50*$/.test(tail)) {
    const kept = exact.slice(0, dot + 1 + ndigits).replace('.', '');
    const lastDigit = Number(kept[kept.length - 1]);
    if (lastDigit % 2 === 0) return Number((Math.sign(x) < 0 ? '-' : '') + exact.slice(0, dot + 1 + ndigits));
  }
  return rounded;
}

/** Python int(x): truncation toward zero; raises for nan and infinities. */
export function pyInt(x: number): number {
  if (!Number.isFinite(x)) throw new ExprRuntimeError(`cannot convert ${x} to integer`);
  return Math.trunc(x);
}

/** The runtime object handed to compiled expressions. */
export const runtime = { pyDiv, pyFloorDiv, pyMod, npRemainder, pyPow, pyRound, pyInt, glibcExp, glibcLog, glibcPow, glibcLog10 };
export type Runtime = typeof runtime;
