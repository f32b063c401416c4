// Names callable from string functions. The math set is what NetPyNE's eval globals provide
// (numpy sin cos tan exp log log10 sqrt arctan2 remainder ceil, Python's abs min max pow
// round int float) plus the usual companions (floor, arcsin, ...). The random set is
// NEURON's h.Random() distributions, which NetPyNE rewrites to `rand.<name>(...)`: each call
// creates a fresh distribution object on the site's stream and returns one draw.
// Names a user writes are looked up in these Maps only; renderers emit the callee text stored
// here, never the name from the source.

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
  /** JavaScript callee: the RandomSource method. */
  js: string;
  /** WGSL callee in shaders/lib/random.wgsl (first argument the stream), or null when not implemented there. */
  wgsl: string | null;
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
const random = (method: keyof RandomSource, wgsl: string | null, ...params: string[]): RandomFunction => ({
  kind: 'random',
  args: params.length,
  params,
  js: `rand.${method}`,
  wgsl,
});

export const FUNCTIONS: ReadonlyMap<string, FunctionInfo> = new Map(
  Object.entries({
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

    uniform: random('uniform', 'rng_uniform', 'low', 'high'),
    discunif: random('discunif', 'rng_discunif', 'low', 'high'),
    normal: random('normal', 'rng_normal', 'mean', 'variance'),
    lognormal: random('lognormal', null, 'mean', 'variance'),
    negexp: random('negexp', 'rng_negexp', 'mean'),
    erlang: random('erlang', null, 'mean', 'variance'),
    geometric: random('geometric', null, 'mean'),
    hypergeo: random('hypergeo', null, 'mean', 'variance'),
    poisson: random('poisson', null, 'mean'),
    binomial: random('binomial', null, 'N', 'p'),
    weibull: random('weibull', null, 'alpha', 'beta'),
  }),
);

export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
  ['inf', Infinity],
]);

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
