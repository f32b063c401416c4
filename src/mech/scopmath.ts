// NEURON's scopmath solvers, ported operation for operation so results match bit for bit in
// double precision (src/scopmath/newton_thread.c, crout_thread.c, simeq.c in NEURON 8.2):
//   newton: Newton's method with a central-difference Jacobian (derivimplicit),
//   simeq:  Gaussian elimination with partial pivoting (LINEAR blocks).
// `R` rounds each arithmetic result (identity in f64, Math.fround to emulate f32).

const ROUNDOFF = 1e-20;
const ZERO = 1e-8;
const STEP = 1e-6;
const CONVERGE = 1e-6;
const MAXCHANGE = 0.05;
const MAXITERS = 50;

export type Round = (x: number) => number;
/** Fills the Newton function values of instance k at membrane potential v [mV]. */
export type Evaluate = (k: number, v: number) => void;

/** Scratch arrays for an n-variable Newton solve (allocated once per mechanism group). */
export class NewtonSpace {
  readonly deltaX: Float64Array;
  readonly jacobian: Float64Array[];
  readonly perm: Int32Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly rowmax: Float64Array;
  readonly value: Float64Array;
  /** The states before the solve (nocmodl's _savstate). */
  readonly save: Float64Array;

  constructor(readonly n: number) {
    this.save = new Float64Array(n);
    this.deltaX = new Float64Array(n);
    this.jacobian = Array.from({ length: n }, () => new Float64Array(n));
    this.perm = new Int32Array(n);
    this.high = new Float64Array(n);
    this.low = new Float64Array(n);
    this.rowmax = new Float64Array(n);
    this.value = new Float64Array(n);
  }
}

/**
 * Solves value(x) = 0 for the n variables x[i][k] (field arrays of instance k); `evaluate(k, v)`
 * fills ns.value from the current x (v: the membrane potential the block reads). Throws where NEURON aborts the run. In f32 the residual
 * cannot reach NEURON's 1e-8 (the state's rounding divided by dt is ~1e-4), so f32 stops on
 * the relative change alone and keeps the last iterate after MAXITERS, as the GPU does.
 */
export function newton(
  ns: NewtonSpace,
  x: Array<Float64Array | Float32Array>,
  k: number,
  v: number,
  evaluate: Evaluate,
  R: Round,
  f32: boolean,
  where: string,
): void {
  const { n, value, deltaX, jacobian, perm } = ns;
  let count = 0;
  let change = 1.0;
  while (count++ < MAXITERS) {
    if (change > MAXCHANGE) {
      buildJacobian(ns, x, k, v, evaluate, R);
      for (let i = 0; i < n; i++) value[i] = -value[i];
      if (!crout(ns, R)) throw new Error(`${where}: singular Jacobian in the derivimplicit Newton iteration (NEURON aborts the run)`);
    }
    solve(n, jacobian, value, perm, deltaX, R);
    change = 0.0;
    for (let i = 0; i < n; i++) {
      const xi = x[i][k];
      if (Math.abs(xi) > ZERO) {
        const temp = Math.abs(R(deltaX[i] / xi));
        if (temp > change) change = temp;
      }
      x[i][k] = R(xi + deltaX[i]);
    }
    evaluate(k, v);
    let maxDev = 0.0;
    for (let i = 0; i < n; i++) {
      value[i] = -value[i];
      if (Math.abs(value[i]) > maxDev) maxDev = Math.abs(value[i]);
    }
    if (change <= CONVERGE && (f32 || maxDev <= ZERO)) return;
    if (count === MAXITERS && !f32)
      throw new Error(`${where}: the derivimplicit Newton iteration did not converge in ${MAXITERS} iterations (NEURON aborts the run)`);
  }
}

/** Central differences with an increment of 2% of the variable (at least STEP); x is restored as NEURON does it. */
function buildJacobian(ns: NewtonSpace, x: Array<Float64Array | Float32Array>, k: number, v: number, evaluate: Evaluate, R: Round): void {
  const { n, value, high, low, jacobian } = ns;
  for (let j = 0; j < n; j++) {
    const scaled = Math.abs(R(0.02 * x[j][k]));
    const increment = scaled > STEP ? scaled : STEP;
    x[j][k] = R(x[j][k] + increment);
    evaluate(k, v);
    for (let i = 0; i < n; i++) high[i] = value[i];
    x[j][k] = R(x[j][k] - R(2.0 * increment));
    evaluate(k, v);
    for (let i = 0; i < n; i++) {
      low[i] = value[i];
      jacobian[i][j] = R(R(high[i] - low[i]) / R(2.0 * increment));
    }
    x[j][k] = R(x[j][k] + increment);
    evaluate(k, v);
  }
}

/** Crout LU factorisation with implicit equilibration and partial pivoting; false when singular. */
function crout(ns: NewtonSpace, R: Round): boolean {
  const { n, jacobian: a, perm, rowmax } = ns;
  for (let i = 0; i < n; i++) {
    perm[i] = i;
    let k = 0;
    for (let j = 1; j < n; j++) if (Math.abs(a[i][j]) > Math.abs(a[i][k])) k = j;
    rowmax[i] = a[i][k];
  }
  let saveI = 0;
  for (let r = 0; r < n; r++) {
    for (let i = r; i < n; i++) {
      let sum = 0.0;
      const irow = perm[i];
      for (let k = 0; k < r; k++) sum = R(sum + R(a[irow][k] * a[perm[k]][r]));
      a[irow][r] = R(a[irow][r] - sum);
    }
    let pivot = perm[r];
    let equil1 = Math.abs(R(a[pivot][r] / rowmax[pivot]));
    for (let i = r + 1; i < n; i++) {
      const irow = perm[i];
      const equil2 = Math.abs(R(a[irow][r] / rowmax[irow]));
      if (equil2 > equil1) {
        pivot = irow;
        saveI = i;
        equil1 = equil2;
      }
    }
    if (pivot !== perm[r]) {
      perm[saveI] = perm[r];
      perm[r] = pivot;
    }
    if (Math.abs(a[pivot][r]) < ROUNDOFF) return false;
    for (let j = r + 1; j < n; j++) {
      let sum = 0.0;
      for (let k = 0; k < r; k++) sum = R(sum + R(a[pivot][k] * a[perm[k]][j]));
      a[pivot][j] = R(R(a[pivot][j] - sum) / a[pivot][r]);
    }
  }
  return true;
}

/** Forward and back substitution with the factors of crout (nrn_scopmath_solve_thread, no index). */
function solve(n: number, a: Float64Array[], b: Float64Array, perm: Int32Array, p: Float64Array, R: Round): void {
  for (let i = 0; i < n; i++) {
    const pivot = perm[i];
    let sum = 0.0;
    for (let j = 0; j < i; j++) sum = R(sum + R(a[pivot][j] * p[j]));
    p[i] = R(R(b[pivot] - sum) / a[pivot][i]);
  }
  for (let i = n - 1; i >= 0; i--) {
    const pivot = perm[i];
    let sum = 0.0;
    for (let j = i + 1; j < n; j++) sum = R(sum + R(a[pivot][j] * p[j]));
    p[i] = R(p[i] - sum);
  }
}

/**
 * simeq: solves the n x (n + 1) augmented system `coef` (rows of length n + 1, destroyed) into
 * `soln`; false when the matrix is singular.
 */
export function simeq(n: number, coef: Float64Array[], soln: Float64Array, perm: Int32Array, R: Round): boolean {
  for (let i = 0; i < n; i++) perm[i] = i;
  let isave = 0;
  for (let j = 0; j < n; j++) {
    let ipivot = perm[j];
    for (let i = j + 1; i < n; i++) {
      const jrow = perm[i];
      if (Math.abs(coef[ipivot][j]) < Math.abs(coef[jrow][j])) {
        ipivot = jrow;
        isave = i;
      }
    }
    if (Math.abs(coef[ipivot][j]) < ROUNDOFF) return false;
    if (ipivot !== perm[j]) {
      perm[isave] = perm[j];
      perm[j] = ipivot;
    }
    for (let kcol = j + 1; kcol <= n; kcol++) coef[ipivot][kcol] = R(coef[ipivot][kcol] / coef[ipivot][j]);
    for (let i = j + 1; i < n; i++) {
      const jrow = perm[i];
      for (let kcol = j + 1; kcol <= n; kcol++) coef[jrow][kcol] = R(coef[jrow][kcol] - R(coef[ipivot][kcol] * coef[jrow][j]));
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const jrow = perm[i];
    soln[i] = coef[jrow][n];
    for (let j = i + 1; j < n; j++) soln[i] = R(soln[i] - R(coef[jrow][j] * soln[j]));
  }
  return true;
}
