import { type Diagnostics, didYouMean, isPlainObject, joinPath } from '../spec/index.ts';
import type { EvolCfg, FitnessArgs } from './evol.ts';

// batch.evolCfg of method 'evol' (NetPyNE's names, netpyne/batch/evol.py and its
// examples/evolutionary), checked up front. The fitness function, Python in NetPyNE, is
// declared by fitnessFuncArgs (evol.ts rateFitness); NetPyNE's keys that its 'custom' algorithm
// does not read (mutation_rate, crossover: inspyred takes crossover_rate and NetPyNE's mutation
// changes every gene) and the polling ones (time_sleep, maxiter_wait: jobs here end with an exit
// status) are accepted and have no effect.

export interface EvolSpec extends EvolCfg {
  fitnessFuncArgs: FitnessArgs;
}

const KEYS = [
  'evolAlgorithm',
  'fitnessFuncArgs',
  'pop_size',
  'num_elites',
  'max_generations',
  'maximize',
  'mutation_strength',
  'tournament_size',
  'num_selected',
  'ux_bias',
  'crossover_rate',
  'defaultFitness',
  'mutation_rate',
  'crossover',
  'time_sleep',
  'maxiter_wait',
];

export function parseEvolCfg(raw: unknown, diagnostics: Diagnostics): EvolSpec | undefined {
  const path = 'batch.evolCfg';
  if (!isPlainObject(raw)) {
    diagnostics.error(path, raw, "expected an object (method 'evol': evolAlgorithm, fitnessFuncArgs, pop_size, max_generations, ...)");
    return undefined;
  }
  checkSearchKeys(raw, path, KEYS, diagnostics);
  const algorithm = raw.evolAlgorithm ?? 'custom';
  if (algorithm !== 'custom') diagnostics.error(joinPath(path, 'evolAlgorithm'), algorithm, "only NetPyNE's 'custom' algorithm is supported");
  const num = (key: string, fallback: number, ok: (x: number) => boolean, expected: string): number => {
    const v = raw[key] ?? fallback;
    if (typeof v !== 'number' || !ok(v)) diagnostics.error(joinPath(path, key), v, expected);
    return Number(v);
  };
  const whole = (lo: number, hi: number) => (x: number) => Number.isInteger(x) && x >= lo && x <= hi;
  const popSize = num('pop_size', Number.NaN, whole(2, 100_000), 'expected a whole number of candidates per generation, 2 to 100 000');
  const maxGenerations = num('max_generations', Number.NaN, whole(0, 100_000), 'expected a whole number of generations after the first, 0 to 100 000');
  const cfg: EvolCfg = {
    popSize,
    maxGenerations,
    numElites: num('num_elites', 0, whole(0, Math.max(0, popSize - 1)), 'expected a whole number smaller than pop_size'),
    maximize: raw.maximize === undefined ? false : raw.maximize === true,
    mutationStrength: num('mutation_strength', 1, (x) => x > 0 && x <= 1000, 'expected a positive number'),
    tournamentSize: num('tournament_size', 2, whole(1, 100_000), 'expected a whole number, 1 or more'),
    // by default pop_size (whose own problem is then reported once)
    numSelected: raw.num_selected === undefined ? popSize : num('num_selected', popSize, whole(2, 1_000_000), 'expected a whole number of parents, 2 or more'),
    uxBias: num('ux_bias', 0.5, (x) => x >= 0 && x <= 1, 'expected a probability, 0 to 1'),
    crossoverRate: num('crossover_rate', 1, (x) => x >= 0 && x <= 1, 'expected a probability, 0 to 1'),
    defaultFitness: num('defaultFitness', 1000, Number.isFinite, 'expected a number'),
  };
  if (raw.maximize !== undefined && typeof raw.maximize !== 'boolean') diagnostics.error(joinPath(path, 'maximize'), raw.maximize, 'expected true or false');
  const fitnessFuncArgs = parseFitness(raw.fitnessFuncArgs, joinPath(path, 'fitnessFuncArgs'), diagnostics);
  return fitnessFuncArgs ? { ...cfg, fitnessFuncArgs } : undefined;
}

/** The keys of evolCfg or optimCfg: NetPyNE's Python fitnessFunc refused, unknown keys named. */
export function checkSearchKeys(raw: Record<string, unknown>, path: string, keys: string[], diagnostics: Diagnostics): void {
  for (const key of Object.keys(raw))
    if (key === 'fitnessFunc')
      diagnostics.error(
        joinPath(path, key),
        raw[key],
        'a Python function cannot run here: declare the fitness with fitnessFuncArgs ({pops, maxFitness} or {target})',
      );
    else if (!keys.includes(key)) diagnostics.error(joinPath(path, key), raw[key], `unknown key${didYouMean(key, keys)}`);
}

export function parseFitness(raw: unknown, path: string, diagnostics: Diagnostics): FitnessArgs | undefined {
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (isPlainObject(raw) && isPlainObject(raw.pops)) {
    const pops: Record<string, { target: number; width: number; min: number }> = {};
    for (const [pop, p] of Object.entries(raw.pops)) {
      if (!isPlainObject(p) || !finite(p.target) || !(finite(p.width) && (p.width as number) > 0) || !finite(p.min ?? 0))
        diagnostics.error(joinPath(joinPath(path, 'pops'), pop), p, 'expected {target, width > 0, min} in Hz');
      else pops[pop] = { target: p.target as number, width: p.width as number, min: (p.min ?? 0) as number };
    }
    const maxFitness = raw.maxFitness ?? 1000;
    if (!finite(maxFitness)) diagnostics.error(joinPath(path, 'maxFitness'), maxFitness, 'expected a number');
    return { pops, maxFitness: maxFitness as number };
  }
  if (isPlainObject(raw) && isPlainObject(raw.target)) {
    const target: Record<string, number> = {};
    for (const [pop, t] of Object.entries(raw.target)) {
      if (!finite(t)) diagnostics.error(joinPath(joinPath(path, 'target'), pop), t, 'expected a rate in Hz');
      else target[pop] = t as number;
    }
    return { target };
  }
  diagnostics.error(
    path,
    raw,
    "expected {pops: {<pop>: {target, width, min}}, maxFitness} (NetPyNE's examples/evolutionary) or {target: {<pop>: rate}} (mean |rate - target|)",
  );
  return undefined;
}
