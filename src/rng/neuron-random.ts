import { ExprRuntimeError, type RandomSource } from '../expr/index.ts';
import {
  Binomial,
  DiscreteUniform,
  type Distribution,
  Erlang,
  Geometric,
  HyperGeometric,
  LogNormal,
  NegativeExpntl,
  Normal,
  Poisson,
  Uniform,
  Weibull,
} from './distributions.ts';
import { Random123Stream } from './stream.ts';

/**
 * NEURON's `h.Random()` in Random123 mode. Each distribution method replaces the current
 * distribution object and returns one sample; `repick()` / `setrand()` continue the current
 * object (keeping Normal's cached second value). So the NetPyNE idioms
 * `r.uniform(0, 1); vec.setrand(r)` and `r.negexp(1); ns.noiseFromRandom(r)` discard draw 0.
 */
export class NeuronRandom implements RandomSource {
  stream: Random123Stream;
  /** A fresh h.Random() samples Normal(0, 1) until a distribution method is called. */
  private distribution: Distribution = new Normal(0, 1);
  private readonly pick = (): number => this.stream.nextDouble();

  constructor(id1 = 0, id2 = 0, id3 = 0, globalIndex = 0) {
    this.stream = new Random123Stream(id1, id2, id3, globalIndex);
  }

  /** r.Random123(id1, id2, id3): new generator at draw 0; the distribution object is kept. */
  Random123(id1: number, id2 = 0, id3 = 0): this {
    this.stream = new Random123Stream(id1, id2, id3, this.stream.globalIndex);
    return this;
  }

  /** One more sample from the current distribution (r.repick()). */
  repick(): number {
    return this.distribution.sample(this.pick);
  }

  /** vec.setrand(r): `n` samples of the current distribution. */
  setrand(n: number, out = new Float64Array(n)): Float64Array {
    for (let i = 0; i < n; i++) out[i] = this.distribution.sample(this.pick);
    return out;
  }

  private use(distribution: Distribution): number {
    this.distribution = distribution;
    return distribution.sample(this.pick);
  }

  uniform(low: number, high: number): number {
    return this.use(new Uniform(low, high));
  }
  discunif(low: number, high: number): number {
    return this.use(new DiscreteUniform(low, high));
  }
  normal(mean: number, variance: number): number {
    return this.use(new Normal(mean, variance));
  }
  lognormal(mean: number, variance: number): number {
    return this.use(new LogNormal(mean, variance));
  }
  negexp(mean: number): number {
    return this.use(new NegativeExpntl(mean));
  }
  erlang(mean: number, variance: number): number {
    return this.use(new Erlang(mean, variance));
  }
  geometric(mean: number): number {
    if (!(mean >= 0 && mean <= 1)) throw new ExprRuntimeError(`geometric(mean): mean must be in [0, 1] (NEURON chkarg), got ${mean}`);
    return this.use(new Geometric(mean));
  }
  hypergeo(mean: number, variance: number): number {
    return this.use(new HyperGeometric(mean, variance));
  }
  poisson(mean: number): number {
    // libg++ multiplies uniforms until they fall below exp(-mean): beyond ~745 that bound is 0 and it never stops
    if (!(mean >= 0 && mean < 700)) throw new ExprRuntimeError(`poisson(mean): mean must be in [0, 700), got ${mean}`);
    return this.use(new Poisson(mean));
  }
  binomial(n: number, p: number): number {
    if (!(n >= 0)) throw new ExprRuntimeError(`binomial(N, p): N must be >= 0 (NEURON chkarg), got ${n}`);
    if (!(p >= 0 && p <= 1)) throw new ExprRuntimeError(`binomial(N, p): p must be in [0, 1] (NEURON chkarg), got ${p}`);
    return this.use(new Binomial(n, p));
  }
  weibull(alpha: number, beta: number): number {
    return this.use(new Weibull(alpha, beta));
  }
}
