// The C math functions mechanism code may call, in one table for every target: the NMODL front
// end checks calls against it (arity), the JavaScript renderer calls `js` (f32: its result
// rounded to f32) or, in f64 code, NEURON's C library where the engine's functions differ from
// glibc's (`libm`: mech/neuron-libm.ts), and the WGSL renderer calls `wgsl`.

export interface MathFunction {
  arity: number;
  /** The engine's function (f32 code, and f64 code where `libm` is false). */
  js: string;
  /** f64 code calls NEURON's C library (hoc_Exp, glibc's log, log10, pow and tanh, reproduced bit for bit). */
  libm: boolean;
  /** WGSL with the arguments in place of $0, $1. */
  wgsl: string;
}

const f = (arity: number, js: string, wgsl: string, libm = false): MathFunction => ({ arity, js, libm, wgsl });

/** By C name (a name table: names come from mod files). */
export const MOD_MATH: ReadonlyMap<string, MathFunction> = new Map([
  ['exp', f(1, 'Math.exp', 'exp($0)', true)],
  ['log', f(1, 'Math.log', 'log($0)', true)],
  ['log10', f(1, 'Math.log10', '(log($0) * 0.4342944819032518)', true)],
  ['pow', f(2, 'Math.pow', 'pow($0, $1)', true)],
  // WGSL's tanh may be computed from sinh/cosh, which overflow to NaN for large |x| on some
  // drivers (llvmpipe is fine); in f32 tanh is +-1 from |x| = 9.1 on
  ['tanh', f(1, 'Math.tanh', 'tanh(clamp($0, -20.0, 20.0))', true)],
  // exact in IEEE arithmetic on every target
  ['fabs', f(1, 'Math.abs', 'abs($0)')],
  ['sqrt', f(1, 'Math.sqrt', 'sqrt($0)')],
  ['floor', f(1, 'Math.floor', 'floor($0)')],
  ['ceil', f(1, 'Math.ceil', 'ceil($0)')],
]);
