import { hashStr, Random123Stream, uint32ToDouble } from '../rng/index.ts';

// Method 'optuna' (NetPyNE's netpyne/batch/optuna_parallel.py runs Optuna's default sampler,
// TPE, over trial.suggest_uniform(label, min, max)): a Tree-structured Parzen Estimator in the
// manner of Optuna's univariate TPESampler. The first STARTUP trials are uniform; after them,
// the trials are split into the best gamma(n) = min(ceil(0.1 n), 25) and the rest, each param's
// values in both sets become a Parzen estimator (a truncated Gaussian per observation plus a
// prior over the whole range, bandwidths from the neighbouring observations clipped to
// [range / min(100, 1 + n), range]), CANDIDATES values are drawn from the good set's estimator
// and the one with the largest log l(x) - log g(x) is suggested. Draws come from a Random123
// stream of the batch's seed. (Optuna's own weights, its bandwidth "magic clip" details and its
// random state differ, so a seed does not reproduce Optuna's trials.)

export const STARTUP = 10;
const CANDIDATES = 24;

export interface Trial {
  params: number[];
  value: number;
}

export class TpeSampler {
  private readonly stream: Random123Stream;

  constructor(
    private readonly lower: number[],
    private readonly upper: number[],
    seed: number,
    private readonly maximize: boolean,
  ) {
    this.stream = new Random123Stream(hashStr('optuna'), seed >>> 0, Math.floor(seed / 2 ** 32) >>> 0);
  }

  private random(): number {
    return uint32ToDouble(this.stream.nextUint32());
  }

  /** The next trial's params from the finished trials. */
  suggest(trials: Trial[]): number[] {
    if (trials.length < STARTUP) return this.lower.map((lo, i) => lo + (this.upper[i] - lo) * this.random());
    const sorted = [...trials].sort((a, b) => (this.maximize ? b.value - a.value : a.value - b.value));
    const nBelow = Math.min(Math.ceil(0.1 * trials.length), 25);
    const below = sorted.slice(0, nBelow);
    const above = sorted.slice(nBelow);
    return this.lower.map((lo, i) => {
      const hi = this.upper[i];
      if (!(hi > lo)) return lo;
      const good = parzen(
        below.map((t) => t.params[i]),
        lo,
        hi,
      );
      const bad = parzen(
        above.map((t) => t.params[i]),
        lo,
        hi,
      );
      let best = lo;
      let bestScore = -Infinity;
      for (let k = 0; k < CANDIDATES; k++) {
        const x = this.sample(good, lo, hi);
        const score = logDensity(good, x, lo, hi) - logDensity(bad, x, lo, hi);
        if (score > bestScore) {
          bestScore = score;
          best = x;
        }
      }
      return best;
    });
  }

  /** A draw from the estimator: a component by weight, then its Gaussian truncated to [lo, hi]. */
  private sample(e: Parzen, lo: number, hi: number): number {
    const c = Math.min(e.mu.length - 1, Math.floor(this.random() * e.mu.length));
    const [a, b] = [cdf((lo - e.mu[c]) / e.sigma[c]), cdf((hi - e.mu[c]) / e.sigma[c])];
    const u = a + (b - a) * this.random();
    return Math.min(hi, Math.max(lo, e.mu[c] + e.sigma[c] * quantile(u)));
  }
}

interface Parzen {
  mu: number[];
  sigma: number[];
}

/** The observations' estimator with the prior (mean of the range, sigma the range), equal weights. */
function parzen(xs: number[], lo: number, hi: number): Parzen {
  const range = hi - lo;
  const mu = [...xs, (lo + hi) / 2].sort((a, b) => a - b);
  const minSigma = range / Math.min(100, 1 + xs.length);
  const sigma = mu.map((m, k) => {
    const left = m - (k > 0 ? mu[k - 1] : lo);
    const right = (k + 1 < mu.length ? mu[k + 1] : hi) - m;
    return Math.min(range, Math.max(minSigma, left, right));
  });
  const prior = mu.indexOf((lo + hi) / 2);
  sigma[prior] = range;
  return { mu, sigma };
}

function logDensity(e: Parzen, x: number, lo: number, hi: number): number {
  let p = 0;
  for (let k = 0; k < e.mu.length; k++) {
    const s = e.sigma[k];
    const z = (x - e.mu[k]) / s;
    const mass = cdf((hi - e.mu[k]) / s) - cdf((lo - e.mu[k]) / s);
    p += Math.exp(-0.5 * z * z) / (s * Math.sqrt(2 * Math.PI) * Math.max(mass, 1e-300));
  }
  return Math.log(p / e.mu.length);
}

/** The standard normal CDF, from Numerical Recipes' erfc approximation (fractional error < 1.2e-7). */
export function cdf(z: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(z / Math.SQRT2));
  const tau =
    t *
    Math.exp(
      -(z * z) / 2 -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - tau / 2 : tau / 2;
}

/** The standard normal quantile (P. J. Acklam's rational approximation, relative error < 1.2e-9). */
export function quantile(p: number): number {
  const q = Math.min(1 - 1e-16, Math.max(1e-16, p));
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  let x: number;
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    x = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
  } else if (q > 1 - 0.02425) {
    const r = Math.sqrt(-2 * Math.log(1 - q));
    x = -(((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
  } else {
    const r = (q - 0.5) * (q - 0.5);
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * (q - 0.5)) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  return x;
}
