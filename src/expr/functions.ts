// Names callable from string functions. The math set is what NetPyNE's eval globals provide
// (numpy sin cos tan exp log log10 sqrt arctan2 remainder ceil, Python's abs min max pow
// round int float) plus the usual companions (floor, arcsin, ...). The random set is
// NEURON's h.Random() distributions, which NetPyNE rewrites to `rand.<name>(...)`: each call
// creates a fresh distribution object on the site's stream and returns one draw.

export interface MathFunction {
  kind: 'math';
  minArgs: number;
  maxArgs: number;
  /** JavaScript callee (Math.* or a runtime helper). */
  js: string;
  /** WGSL callee, or null when the function is not available in WGSL. */
  wgsl: string | null;
}

export interface RandomFunction {
  kind: 'random';
  args: number;
  /** Parameter names, for messages. */
  params: string[];
}

export type FunctionInfo = MathFunction | RandomFunction;

const math = (minArgs: number, maxArgs: number, js: string, wgsl: string | null): MathFunction => ({
  kind: 'math',
  minArgs,
  maxArgs,
  js,
  wgsl,
});
const unary = (js: string, wgsl: string | null) => math(1, 1, js, wgsl);
const random = (...params: string[]): RandomFunction => ({ kind: 'random', args: params.length, params });

export const FUNCTIONS: Readonly<Record<string, FunctionInfo>> = {
  sin: unary('Math.sin', 'sin'),
  cos: unary('Math.cos', 'cos'),
  tan: unary('Math.tan', 'tan'),
  arcsin: unary('Math.asin', 'asin'),
  arccos: unary('Math.acos', 'acos'),
  arctan: unary('Math.atan', 'atan'),
  asin: unary('Math.asin', 'asin'),
  acos: unary('Math.acos', 'acos'),
  atan: unary('Math.atan', 'atan'),
  sinh: unary('Math.sinh', 'sinh'),
  cosh: unary('Math.cosh', 'cosh'),
  tanh: unary('Math.tanh', 'tanh'),
  exp: unary('rt.glibcExp', 'exp'),
  log: unary('rt.glibcLog', 'log'),
  log10: unary('rt.glibcLog10', 'py_log10'),
  sqrt: unary('Math.sqrt', 'sqrt'),
  abs: unary('Math.abs', 'abs'),
  floor: unary('Math.floor', 'floor'),
  ceil: unary('Math.ceil', 'ceil'),
  int: unary('rt.pyInt', 'trunc'),
  float: unary('', ''),
  round: math(1, 2, 'rt.pyRound', 'py_round'),
  arctan2: math(2, 2, 'Math.atan2', 'atan2'),
  atan2: math(2, 2, 'Math.atan2', 'atan2'),
  pow: math(2, 2, 'rt.pyPow', 'py_pow'),
  remainder: math(2, 2, 'rt.npRemainder', 'py_mod'),
  min: math(2, Infinity, 'Math.min', 'min'),
  max: math(2, Infinity, 'Math.max', 'max'),

  uniform: random('low', 'high'),
  discunif: random('low', 'high'),
  normal: random('mean', 'variance'),
  lognormal: random('mean', 'variance'),
  negexp: random('mean'),
  erlang: random('mean', 'variance'),
  geometric: random('mean'),
  hypergeo: random('mean', 'variance'),
  poisson: random('mean'),
  binomial: random('N', 'p'),
  weibull: random('alpha', 'beta'),
};

export const CONSTANTS: Readonly<Record<string, number>> = {
  pi: Math.PI,
  e: Math.E,
  inf: Infinity,
};

/** Random functions that have a WGSL implementation in shaders/lib/random.wgsl. */
export const WGSL_RANDOM = new Set(['uniform', 'discunif', 'normal', 'negexp']);

/**
 * The draws a string function can make: NEURON's h.Random() methods. Each call creates a
 * fresh distribution on the underlying stream and returns one value (NEURON semantics).
 */
export interface RandomSource {
  uniform(low: number, high: number): number;
  discunif(low: number, high: number): number;
  normal(mean: number, variance: number): number;
  lognormal(mean: number, variance: number): number;
  negexp(mean: number): number;
  erlang(mean: number, variance: number): number;
  geometric(mean: number): number;
  hypergeo(mean: number, variance: number): number;
  poisson(mean: number): number;
  binomial(n: number, p: number): number;
  weibull(alpha: number, beta: number): number;
}
