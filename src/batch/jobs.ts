import { hashStr, Random123Stream, uint32ToDouble } from '../rng/index.ts';
import { deepOrdered, isPlainObject } from '../spec/index.ts';
import type { BatchSpec } from './spec.ts';

// The jobs of a batch, named and ordered as NetPyNE's grid names them (netpyne/batch/grid.py):
// the product of the ungrouped params' values (the last param varying fastest), each combined
// with every index of the grouped params, which vary together and whose index comes first:
// <batchLabel>_<i>_<j>... 'list' takes the k-th value of every param: <batchLabel>_<k>.

export interface BatchJob {
  /** <batchLabel>_<i>_<j>...: NetPyNE's simLabel, the stem of the job's files. */
  label: string;
  indices: number[];
  /** cfg attribute (dotted) -> value, in the params' order. */
  values: Array<[string, unknown]>;
}

export function batchJobs(batch: BatchSpec): BatchJob[] {
  if (batch.method === 'random') return randomJobs(batch);
  const grouped = batch.method === 'list' ? batch.params : batch.params.filter((p) => p.group);
  const free = batch.method === 'list' ? [] : batch.params.filter((p) => !p.group);
  const groupIndices = grouped.length > 0 ? grouped[0].values.map((_, k) => k) : [null];
  const jobs: BatchJob[] = [];
  for (const g of groupIndices) {
    for (const combo of product(free.map((p) => p.values.length))) {
      const indices = [...(g === null ? [] : [g]), ...combo];
      const values: Array<[string, unknown]> = [
        ...(g === null ? [] : grouped.map((p): [string, unknown] => [p.label, p.values[g]])),
        ...free.map((p, i): [string, unknown] => [p.label, p.values[combo[i]]]),
      ];
      jobs.push({ label: [batch.batchLabel, ...indices].join('_'), indices, values });
    }
  }
  return jobs;
}

/**
 * Method 'random' (batchtools' random search): num_samples jobs <batchLabel>_<k>, each param
 * drawn uniformly within its [lower, upper] bounds from a Random123 stream of the batch's seed.
 */
function randomJobs(batch: BatchSpec): BatchJob[] {
  const stream = new Random123Stream(hashStr('random'), batch.seed >>> 0, Math.floor(batch.seed / 2 ** 32) >>> 0);
  return Array.from({ length: batch.numSamples }, (_, k) => ({
    label: `${batch.batchLabel}_${k}`,
    indices: [k],
    values: batch.params.map((p): [string, unknown] => {
      const [lo, hi] = p.values as [number, number];
      return [p.label, lo + (hi - lo) * uint32ToDouble(stream.nextUint32())];
    }),
  }));
}

/** Every index combination of lists of these lengths, the last varying fastest (itertools.product). */
function* product(lengths: number[]): Generator<number[]> {
  const at = lengths.map(() => 0);
  if (lengths.some((n) => n === 0)) return;
  while (true) {
    yield [...at];
    let k = lengths.length - 1;
    while (k >= 0 && ++at[k] === lengths[k]) at[k--] = 0;
    if (k < 0) return;
  }
}

/**
 * Sets a cfg attribute at a dotted path (NetPyNE's setCfgNestedParam): 'foo.bar' sets
 * cfg.foo.bar, creating dicts on the way; a number after a dot indexes a list ('xn.0'). Returns
 * why not, where the path crosses something that is neither.
 */
export function setCfgPath(cfg: Record<string, unknown>, path: string, value: unknown): string | undefined {
  const keys = path.split('.');
  let at: unknown = cfg;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const last = i === keys.length - 1;
    const here = keys.slice(0, i).join('.') || 'cfg';
    if (Array.isArray(at)) {
      const k = Number(key);
      if (!/^\d+$/.test(key) || k >= at.length) return `${here} is a list of ${at.length}: no item ${key}`;
      if (last) at[k] = deepOrdered(value);
      else at = at[k];
    } else if (isPlainObject(at) || (i === 0 && typeof at === 'object' && at !== null)) {
      const dict = at as Record<string, unknown>;
      if (last) dict[key] = deepOrdered(value);
      else {
        if (dict[key] === undefined) dict[key] = {};
        at = dict[key];
      }
    } else return `${here} is ${JSON.stringify(at)}, not a dict or list`;
  }
  return undefined;
}
