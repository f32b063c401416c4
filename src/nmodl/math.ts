// The C math functions mechanism code may call, in one table for every target: the NMODL front
// end checks calls against it (arity), the JavaScript renderer calls `js` (f32: its result
// rounded to f32) or, in f64 code, NEURON's C library where the engine's functions differ from
// glibc's (`libm`: mech/neuron-libm.ts), and the WGSL renderer calls `wgsl`.

export interface MathFunction {
  arity: number;
  /** The engine's function (f32 code, and f64 code where `libm` is false). */
  js: string;
  /** f64 code calls NEURON's C library (hoc_Exp, glibc's log and pow, reproduced bit for bit). */
  libm: boolean;
  wgsl: string;
}

const f = (arity: number, js: string, wgsl: string, libm = false): MathFunction => ({ arity, js, libm, wgsl });

/** By C name (a name table: names come from mod files). */
export const MOD_MATH: ReadonlyMap<string, MathFunction> = new Map([
  ['exp', f(1, 'Math.exp', 'exp', true)],
  ['log', f(1, 'Math.log', 'log', true)],
  ['pow', f(2, 'Math.pow', 'pow', true)],
  // exact in IEEE arithmetic on every target
  ['fabs', f(1, 'Math.abs', 'abs')],
  ['sqrt', f(1, 'Math.sqrt', 'sqrt')],
  ['floor', f(1, 'Math.floor', 'floor')],
  ['ceil', f(1, 'Math.ceil', 'ceil')],
]);
