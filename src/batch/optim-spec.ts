import { type Diagnostics, isPlainObject, joinPath } from '../spec/index.ts';
import type { FitnessArgs } from './evol.ts';
import { checkSearchKeys, parseFitness } from './evol-spec.ts';

// batch.optimCfg of method 'optuna' (NetPyNE's netpyne/batch/optuna_parallel.py): maxiters
// trials (default 1000) or until maxtime seconds, direction 'minimize' (default) or 'maximize',
// maxFitness the value of a failed trial (default 1000), the fitness declared by
// fitnessFuncArgs as for 'evol'; trialsPerRound (spikegpu's) trials are suggested together and
// run at once (default: what the runner runs at once). time_sleep and maxiter_wait are accepted
// without effect (jobs end with an exit status).

export interface OptimSpec {
  maxiters: number;
  /** [s] */
  maxtime?: number;
  maximize: boolean;
  maxFitness: number;
  trialsPerRound?: number;
  fitnessFuncArgs: FitnessArgs;
}

const KEYS = ['maxiters', 'maxtime', 'direction', 'maxFitness', 'fitnessFuncArgs', 'trialsPerRound', 'time_sleep', 'maxiter_wait'];

export function parseOptimCfg(raw: unknown, diagnostics: Diagnostics): OptimSpec | undefined {
  const path = 'batch.optimCfg';
  if (!isPlainObject(raw)) {
    diagnostics.error(path, raw, "expected an object (method 'optuna': fitnessFuncArgs, maxiters, direction, ...)");
    return undefined;
  }
  checkSearchKeys(raw, path, KEYS, diagnostics);
  const whole = (key: string, fallback: number | undefined, max: number) => {
    const v = raw[key] ?? fallback;
    if (v === undefined) return undefined;
    if (!(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max))
      diagnostics.error(joinPath(path, key), v, `expected a whole number from 1 to ${max}`);
    return Number(v);
  };
  const maxiters = whole('maxiters', 1000, 1_000_000) ?? 1000;
  const trialsPerRound = whole('trialsPerRound', undefined, 100_000);
  const maxtime = raw.maxtime ?? undefined;
  if (maxtime !== undefined && maxtime !== null && !(typeof maxtime === 'number' && maxtime > 0))
    diagnostics.error(joinPath(path, 'maxtime'), maxtime, 'expected seconds, or null');
  const direction = raw.direction ?? 'minimize';
  if (direction !== 'minimize' && direction !== 'maximize') diagnostics.error(joinPath(path, 'direction'), direction, "expected 'minimize' or 'maximize'");
  const maxFitness = raw.maxFitness ?? 1000;
  if (typeof maxFitness !== 'number' || !Number.isFinite(maxFitness)) diagnostics.error(joinPath(path, 'maxFitness'), maxFitness, 'expected a number');
  const fitnessFuncArgs = parseFitness(raw.fitnessFuncArgs, joinPath(path, 'fitnessFuncArgs'), diagnostics);
  if (!fitnessFuncArgs) return undefined;
  return {
    maxiters,
    ...(typeof maxtime === 'number' ? { maxtime } : {}),
    maximize: direction === 'maximize',
    maxFitness: maxFitness as number,
    ...(trialsPerRound ? { trialsPerRound } : {}),
    fitnessFuncArgs,
  };
}
