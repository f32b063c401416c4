import { glibcExp, glibcLog, glibcPow } from '../math/libm.ts';

// NEURON's libg++ distributions (src/gnu/*.cpp), operation for operation. `U()` is one
// generator pick, a double in (0, 1). The comparison operators and the order in which
// picks are consumed are part of the contract: they decide which stream values a model sees.

export type Pick = () => number;

export interface Distribution {
  /** One sample (libg++ operator()). */
  sample(U: Pick): number;
}

export class Uniform implements Distribution {
  private readonly low: number;
  private readonly delta: number;
  constructor(low: number, high: number) {
    this.low = low < high ? low : high;
    this.delta = (low < high ? high : low) - this.low;
  }
  sample(U: Pick): number {
    return this.low + this.delta * U();
  }
}

export class DiscreteUniform implements Distribution {
  private readonly low: number;
  private readonly delta: number;
  /** Arguments are truncated to integers (hoc passes them through C `long`). */
  constructor(low: number, high: number) {
    const lo = Math.trunc(low);
    const hi = Math.trunc(high);
    this.low = lo < hi ? lo : hi;
    this.delta = (lo < hi ? hi : lo) - this.low + 1;
  }
  sample(U: Pick): number {
    return this.low + Math.floor(this.delta * U());
  }
}

/** Marsaglia's polar method; the second value of each accepted pair is cached for the next sample. */
export class Normal implements Distribution {
  private readonly mean: number;
  private readonly stdDev: number;
  private haveCached = false;
  private cached = 0;
  /** `variance`, not standard deviation: NEURON's normal(mean, variance). */
  constructor(mean: number, variance: number, stdDev = Math.sqrt(variance)) {
    this.mean = mean;
    this.stdDev = stdDev;
  }
  sample(U: Pick): number {
    if (this.haveCached) {
      this.haveCached = false;
      return this.cached * this.stdDev + this.mean;
    }
    for (;;) {
      const v1 = 2 * U() - 1;
      const v2 = 2 * U() - 1;
      const w = v1 * v1 + v2 * v2;
      if (w <= 1) {
        const y = Math.sqrt((-2 * glibcLog(w)) / w);
        this.cached = v2 * y;
        this.haveCached = true;
        return v1 * y * this.stdDev + this.mean;
      }
    }
  }
}

/** exp of a Normal whose parameters make the lognormal have the given mean and variance. */
export class LogNormal implements Distribution {
  private readonly normal: Normal;
  constructor(mean: number, variance: number) {
    const m2 = mean * mean;
    const mu = glibcLog(m2 / Math.sqrt(variance + m2));
    const sd = Math.sqrt(glibcLog((variance + m2) / m2));
    this.normal = new Normal(mu, variance, sd);
  }
  sample(U: Pick): number {
    return glibcPow(Math.E, this.normal.sample(U)); // libg++ uses pow(M_E, x), not exp(x)
  }
}

export class NegativeExpntl implements Distribution {
  constructor(private readonly mean: number) {}
  sample(U: Pick): number {
    return -this.mean * glibcLog(U());
  }
}

export class Erlang implements Distribution {
  private readonly k: number;
  private readonly a: number;
  constructor(mean: number, variance: number) {
    const k = Math.trunc((mean * mean) / variance + 0.5);
    this.k = k > 0 ? k : 1;
    this.a = this.k / mean;
  }
  sample(U: Pick): number {
    let prod = 1.0;
    for (let i = 0; i < this.k; i++) prod *= U();
    return -glibcLog(prod) / this.a;
  }
}

export class Geometric implements Distribution {
  constructor(private readonly mean: number) {}
  sample(U: Pick): number {
    let samples = 1;
    while (U() < this.mean) samples++;
    return samples;
  }
}

/** libg++'s "HyperGeometric": a two-branch hyperexponential with the given mean and variance. */
export class HyperGeometric implements Distribution {
  private readonly mean: number;
  private readonly p: number;
  constructor(mean: number, variance: number) {
    this.mean = mean;
    const z = variance / (mean * mean);
    this.p = 0.5 * (1.0 - Math.sqrt((z - 1.0) / (z + 1.0)));
  }
  sample(U: Pick): number {
    const d = U() > this.p ? 1.0 - this.p : this.p;
    return (-this.mean * glibcLog(U())) / (2.0 * d);
  }
}

export class Poisson implements Distribution {
  constructor(private readonly mean: number) {}
  sample(U: Pick): number {
    const bound = glibcExp(-1.0 * this.mean);
    let count = 0;
    for (let product = 1.0; product >= bound; product *= U()) count++;
    return count - 1;
  }
}

export class Binomial implements Distribution {
  private readonly n: number;
  constructor(
    n: number,
    private readonly p: number,
  ) {
    this.n = Math.trunc(n);
  }
  sample(U: Pick): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) if (U() < this.p) s++;
    return s;
  }
}

export class Weibull implements Distribution {
  private readonly beta: number;
  private readonly invAlpha: number;
  constructor(alpha: number, beta: number) {
    this.beta = beta;
    this.invAlpha = 1.0 / alpha;
  }
  sample(U: Pick): number {
    return glibcPow(this.beta * -glibcLog(1 - U()), this.invAlpha);
  }
}
