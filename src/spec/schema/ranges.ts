// The values a numeric parameter may take, once for every place that checks one: the literal
// validator (validate/*.ts) checks numbers in the spec against these ranges, and the network
// stage checks every value a string function gives against the same range while it builds
// (network/drawn-values.ts). Each range says why: where NetPyNE / NEURON silently accept a value
// that is harmless and well defined (a probability above 1 always connects, a NetStim with a
// negative start never starts), spikegpu accepts it too; where the value has no physical meaning
// (a negative diameter, a decay time <= 0, a negative delay, NaN) it is refused.

/** A closed or half-open interval of finite numbers, optionally integers only. */
export interface ValueRange {
  readonly min: number;
  /** Whether `min` itself is excluded (a length > 0). */
  readonly minExclusive: boolean;
  readonly max: number;
  readonly integer: boolean;
  /** What a value must be, for messages: 'a location in [0, 1]'. */
  readonly expected: string;
  /** NetPyNE's / NEURON's behaviour outside the range, and why the range is what it is. */
  readonly why: string;
}

/** The largest finite number: ranges are finite, so Infinity and NaN are always out of range. */
const BIG = Number.MAX_VALUE;

export function range(min: number, minExclusive: boolean, max: number, expected: string, why: string, integer = false): ValueRange {
  return { min, minExclusive, max, integer, expected, why };
}

/** Any finite number. */
export const FINITE = range(-BIG, false, BIG, 'a finite number', 'NaN and Infinity have no meaning as a parameter (NEURON would compute NaN from them)');
const positive = (expected: string, why: string) => range(0, true, BIG, expected, why);
const nonNegative = (expected: string, why: string) => range(0, false, BIG, expected, why);
const finite = (why: string) => range(-BIG, false, BIG, 'a finite number', why);

const TIME_CONSTANT = positive('a time constant > 0 ms', 'a decay time <= 0 divides by zero or makes the state grow without bound');
const DURATION = nonNegative('a duration >= 0 ms', 'a negative duration has no meaning (NEURON would never switch the stimulus on)');
const LOCATION = range(0, false, 1, 'a location in [0, 1]', 'a position along the section (NEURON refuses others: 0 <= x <= 1)');
const NOISE = range(0, false, 1, 'a number in [0, 1]', 'the random fraction of each interval (NEURON clamps others to [0, 1]; refused, as for literals)');
const INTERVAL = positive('an interval > 0 ms', 'an interval <= 0 has no meaning (NEURON replaces it by 0.01 ms: 100 kHz)');
const RATE = positive('a rate > 0 Hz', 'NetPyNE sets interval = 1000/rate: 0 divides by zero, a negative rate has no meaning');
const REVERSAL = finite('a reversal potential may be any number [mV]');

/** Connection (connParams) and NetStim-target (stimTargetParams) parameters. */
export const CONN_RANGES = {
  probability: nonNegative(
    'a probability >= 0',
    'NetPyNE connects a pair when probability >= a uniform draw: above 1 every pair connects (kept); below 0 or NaN it never would (refused: a function that may fall below 0 is written max(0, ...))',
  ),
  convergence: nonNegative(
    'a number of cells >= 0',
    'NetPyNE rounds it and clamps it to [0, candidates - 1]: more than the candidates connects all (kept); negative is refused as for literals; NaN crashes NetPyNE (int(round(nan)))',
  ),
  divergence: nonNegative('a number of cells >= 0', 'as convergence'),
  weight: finite('any sign: negative weights inhibit artificial cells, and NEURON takes them for synapses too'),
  delay: nonNegative('a delay >= 0 ms (NEURON refuses negative delays)', 'NEURON refuses a negative NetCon delay'),
  loc: LOCATION,
  synsPerConn: range(1, false, BIG, 'a positive integer', 'NetPyNE uses it as a count (range(synsPerConn)): fractions crash it', true),
} as const satisfies Record<string, ValueRange>;

/** Population parameters (popParams). */
export const POP_RANGES = {
  density: nonNegative('a density >= 0 cells/mm3', 'a negative density has no meaning (NetPyNE would take it as a negative acceptance probability)'),
} as const satisfies Record<string, ValueRange>;

/** Section geometry (cellParams secs.<sec>.geom). */
export const GEOM_RANGES = {
  L: positive('a number > 0 (length [um])', 'a section of length <= 0 has no physical meaning'),
  diam: positive('a number > 0 (diameter [um])', 'a diameter <= 0 has no physical meaning'),
  Ra: positive('a number > 0 (axial resistivity [ohm cm])', 'an axial resistivity <= 0 has no physical meaning'),
  cm: nonNegative('a number >= 0 (capacitance [uF/cm2])', 'a membrane without capacitance (0) is NEURON-legal; a negative one has no physical meaning'),
  nseg: range(1, false, BIG, 'a positive integer (number of segments)', 'NEURON needs a whole number of segments >= 1', true),
} as const satisfies Record<string, ValueRange>;

/**
 * Parameters of the built-in mechanisms (catalog.ts), by mechanism: synapses, stimuli and
 * artificial cells (with NetPyNE's own `rate`). A parameter not listed takes any finite number;
 * so do the membrane mechanisms' (hh, pas): NEURON integrates a negative conductance, and
 * NetPyNE's own subConn_CellularPops example draws negative pas g (normal(3.57e-5, 1e-8) has
 * a standard deviation of 1e-4).
 */
export const MECHANISM_RANGES: Readonly<Record<string, Readonly<Record<string, ValueRange>>>> = {
  ExpSyn: { tau: TIME_CONSTANT, e: REVERSAL },
  Exp2Syn: {
    tau1: nonNegative(
      'a rise time >= 0 ms',
      'NEURON takes a rise time below 1e-9*tau2 (0 included) as 1e-9*tau2, a single exponential; a negative one has no meaning',
    ),
    tau2: TIME_CONSTANT,
    e: REVERSAL,
  },
  AlphaSynapse: { tau: TIME_CONSTANT, e: REVERSAL },
  IClamp: {
    del: nonNegative('a start time >= 0 ms', 'the simulation starts at 0'),
    dur: DURATION,
    amp: finite('a current of either sign [nA]'),
  },
  SEClamp: {
    rs: positive('a series resistance > 0 MOhm', 'the clamp current is (vc - v)/rs'),
    dur1: DURATION,
    dur2: DURATION,
    dur3: DURATION,
  },
  VClamp: { dur: DURATION, rstim: positive('a resistance > 0 MOhm', 'the clamp current divides by rstim'), tau1: DURATION, tau2: DURATION },
  NetStim: {
    interval: INTERVAL,
    rate: RATE,
    number: nonNegative('a number of spikes >= 0', 'a negative count has no meaning (0 means no spikes)'),
    start: finite('a negative start is NEURON-legal and well defined: the NetStim never starts'),
    noise: NOISE,
  },
  VecStim: { interval: INTERVAL, rate: RATE, noise: NOISE },
  IntFire1: { tau: TIME_CONSTANT, refrac: nonNegative('a refractory period >= 0 ms', 'a negative refractory period has no meaning') },
  IntFire2: { taum: TIME_CONSTANT, taus: TIME_CONSTANT },
  IntFire4: { taue: TIME_CONSTANT, taui1: TIME_CONSTANT, taui2: TIME_CONSTANT, taum: TIME_CONSTANT },
};

/** The range of a mechanism's parameter (by its canonical name), FINITE when none is listed. */
export function mechanismRange(mechanism: string, param: string): ValueRange {
  const ranges = Object.hasOwn(MECHANISM_RANGES, mechanism) ? MECHANISM_RANGES[mechanism] : undefined;
  return ranges && Object.hasOwn(ranges, param) ? ranges[param] : FINITE;
}

/** Whether v lies in the range (false for NaN and Infinity): a few comparisons, no allocation. */
export function inRange(r: ValueRange, v: number): boolean {
  return (r.minExclusive ? v > r.min : v >= r.min) && v <= r.max && (!r.integer || Number.isInteger(v));
}
