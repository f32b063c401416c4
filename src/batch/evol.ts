import { hashStr, Random123Stream, uint32ToDouble } from '../rng/index.ts';

// NetPyNE's evolutionary optimisation, evolAlgorithm 'custom' (netpyne/batch/evol.py on
// inspyred's EvolutionaryComputation): candidates drawn uniformly within the params' bounds;
// then per generation tournament selection (tournament_size, num_selected), uniform crossover
// of consecutive pairs (crossover_rate, ux_bias; an odd last parent is dropped, as inspyred's
// crossover decorator does), NetPyNE's nonuniform bounds mutation of every gene (towards the
// upper or lower bound by 1 - r^mutation_strength of the distance) and generational
// replacement keeping num_elites of the old population. The draws are a Random123 stream of
// the batch's seed (not Python's Mersenne Twister), so a seed gives the same search everywhere.

export interface EvolCfg {
  popSize: number;
  numElites: number;
  maxGenerations: number;
  maximize: boolean;
  mutationStrength: number;
  tournamentSize: number;
  numSelected: number;
  uxBias: number;
  crossoverRate: number;
  /** The fitness of a job that failed or gave no rates. */
  defaultFitness: number;
}

export interface Individual {
  candidate: number[];
  fitness: number;
}

export class Evolution {
  private readonly stream: Random123Stream;

  constructor(
    private readonly cfg: EvolCfg,
    private readonly lower: number[],
    private readonly upper: number[],
    seed: number,
  ) {
    this.stream = new Random123Stream(hashStr('evol'), seed >>> 0, Math.floor(seed / 2 ** 32) >>> 0);
  }

  private random(): number {
    return uint32ToDouble(this.stream.nextUint32());
  }

  /** Whether a is fitter than b. */
  better(a: Individual, b: Individual): boolean {
    return this.cfg.maximize ? a.fitness > b.fitness : a.fitness < b.fitness;
  }

  /** Best first (a stable sort: ties keep their order). */
  ranked(population: Individual[]): Individual[] {
    return [...population].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  /** Generation 0: pop_size candidates uniform within the bounds. */
  initial(): number[][] {
    return Array.from({ length: this.cfg.popSize }, () => this.lower.map((lo, i) => lo + (this.upper[i] - lo) * this.random()));
  }

  /** The next generation's candidates from the evaluated population. */
  offspring(population: Individual[]): number[][] {
    const parents = Array.from({ length: this.cfg.numSelected }, () => this.tournament(population).candidate.slice());
    return this.crossover(parents).map((c) => this.mutate(c));
  }

  /** Generational replacement: the offspring and the population's num_elites best, the best len(population) of them. */
  replace(population: Individual[], offspring: Individual[]): Individual[] {
    const elites = this.ranked(population).slice(0, this.cfg.numElites);
    return this.ranked([...offspring, ...elites]).slice(0, population.length);
  }

  private tournament(population: Individual[]): Individual {
    const size = Math.min(this.cfg.tournamentSize, population.length);
    const pool = population.map((_, i) => i);
    let best: Individual | undefined;
    for (let k = 0; k < size; k++) {
      const j = k + Math.floor(this.random() * (pool.length - k));
      [pool[k], pool[j]] = [pool[j], pool[k]];
      const x = population[pool[k]];
      if (!best || this.better(x, best)) best = x;
    }
    return best!;
  }

  private crossover(parents: number[][]): number[][] {
    const children: number[][] = [];
    for (let p = 0; p + 1 < parents.length; p += 2) {
      const [mom, dad] = [parents[p], parents[p + 1]];
      if (this.random() < this.cfg.crossoverRate) {
        const bro = dad.slice();
        const sis = mom.slice();
        for (let i = 0; i < mom.length; i++) {
          if (this.random() < this.cfg.uxBias) {
            bro[i] = mom[i];
            sis[i] = dad[i];
          }
        }
        children.push(bro, sis);
      } else children.push(mom, dad);
    }
    return children;
  }

  private mutate(candidate: number[]): number[] {
    return candidate.map((c, i) => {
      const [lo, hi] = [this.lower[i], this.upper[i]];
      const towardsUpper = this.random() <= 0.5;
      const step = 1 - this.random() ** this.cfg.mutationStrength;
      return towardsUpper ? c + (hi - c) * step : c - (c - lo) * step;
    });
  }
}

/**
 * The fitness of a job from its population rates [Hz] (NetPyNE's fitnessFunc, declared in JSON
 * by evolCfg.fitnessFuncArgs): with `pops` ({pop: {target, width, min}}) and `maxFitness`, the
 * mean over pops of min(exp(|target - rate| / width), maxFitness), or maxFitness where the rate
 * is not above min (NetPyNE's examples/evolutionary); with `target` ({pop: rate}), the mean
 * |rate - target|. Null rates: the default fitness.
 */
export function rateFitness(args: FitnessArgs, rates: Record<string, number> | null, defaultFitness: number): number {
  if (!rates) return defaultFitness;
  if ('pops' in args) {
    const fits = Object.entries(args.pops).map(([pop, p]) => {
      const r = rates[pop];
      if (!(r > p.min)) return args.maxFitness;
      return Math.min(Math.exp(Math.abs(p.target - r) / p.width), args.maxFitness);
    });
    return fits.reduce((a, b) => a + b, 0) / fits.length;
  }
  const errors = Object.entries(args.target).map(([pop, t]) => (Number.isFinite(rates[pop]) ? Math.abs(rates[pop] - t) : defaultFitness));
  return errors.reduce((a, b) => a + b, 0) / errors.length;
}

export type FitnessArgs = { pops: Record<string, { target: number; width: number; min: number }>; maxFitness: number } | { target: Record<string, number> };

/** inspyred's file_observer statistics line: generation, size, worst, best, median, average, std. */
export function statsLine(generation: number, population: Individual[], maximize: boolean): string {
  const f = population.map((p) => p.fitness).sort((a, b) => a - b);
  const [worst, best] = maximize ? [f[0], f[f.length - 1]] : [f[f.length - 1], f[0]];
  const median = f.length % 2 ? f[(f.length - 1) / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
  const mean = f.reduce((a, b) => a + b, 0) / f.length;
  const std = Math.sqrt(f.reduce((a, b) => a + (b - mean) ** 2, 0) / f.length);
  return `${generation}, ${population.length}, ${worst}, ${best}, ${median}, ${mean}, ${std}\n`;
}
