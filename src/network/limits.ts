import { type CellParams, joinPath, type NetParamsData, type SectionParams, type SimConfigData } from '../spec/index.ts';
import { BYTES, type Contributor, netStimSpikes, type Quantity, type ResourceEstimate } from './estimate.ts';
import { formatCount, type LimitProblem } from './estimate-cells.ts';
import type { NetworkData } from './types.ts';

// The bounds a model must stay within, checked on the estimate (estimate.ts) before anything is
// allocated. Each refusal is one line: the spec path, the value and the bound.

/** Counts index Int32Arrays (gids, cells, nodes, connections, train spikes) and JS arrays: at most 2^31 - 1. */
export const MAX_INDEX = 2 ** 31 - 1;
/** NEURON refuses nseg above 32767. */
export const MAX_NSEG = 32767;
/** Steps are counted in 32-bit integers (the GPU's step counter) and the time grid holds steps + 2 times. */
export const MAX_STEPS = MAX_INDEX - 2;

export interface ResourceLimits {
  /** [bytes] Host memory the model may need; default defaultMemoryLimit(). */
  maxMemoryBytes?: number;
}

const GiB = 2 ** 30;

/**
 * The memory limit when none is given: 2 GiB, or less where the browser says the device has
 * less (navigator.deviceMemory). Node entry points pass the machine's memory (spikegpu/node's
 * machineMemoryBytes, the CLI's --max-memory).
 */
export function defaultMemoryLimit(): number {
  const deviceMemory = (globalThis as { navigator?: { deviceMemory?: number } }).navigator?.deviceMemory; // [GiB]
  return typeof deviceMemory === 'number' && deviceMemory > 0 ? Math.min(2, deviceMemory) * GiB : 2 * GiB;
}

/** 1536 -> '1.5 KiB', 2e10 -> '18.6 GiB'. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'unboundedly many bytes';
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === units.length - 1 && v >= 1024) return `${bytes.toExponential(1).replace('e+', 'e')} bytes`;
  return u === 0 ? `${Math.round(v)} bytes` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/**
 * Every bound the estimated model breaks: values out of range by themselves (nseg, dt, counts
 * beyond 32-bit indices), then its memory against the limit. `scope: 'network'` counts only
 * what creating the network needs.
 */
export function resourceProblems(
  estimate: ResourceEstimate,
  net: NetParamsData,
  cfg: SimConfigData,
  scope: 'all' | 'network',
  limits: ResourceLimits = {},
): LimitProblem[] {
  const over = (quantity: Quantity, total: number, bound: number, what: string): LimitProblem[] => {
    if (total <= bound) return [];
    const top = largest(estimate.contributors, quantity);
    const message = `${what}: ${formatCount(total)}${top ? ` (largest: ${top.detail})` : ''}, more than the limit of ${formatCount(bound)}`;
    return [{ path: top?.path ?? 'netParams', value: undefined, message }];
  };
  // in order of cause: a count out of bounds makes the counts built on it out of bounds too
  const stages: Array<() => LimitProblem[]> = [
    () => [...estimate.problems, ...popProblems(estimate), ...nsegProblems(net)],
    () => over('cells', estimate.gidEnd, MAX_INDEX, 'the gids of the populations run past 32-bit integers'),
    () => over('cells', estimate.cells, MAX_INDEX, 'the model has too many cells'),
    () => (scope === 'all' ? timeProblems(cfg, estimate.steps) : []),
    () => [
      ...over('compartments', estimate.compartments, MAX_INDEX, 'the model has too many compartments'),
      ...over('connections', estimate.connections, MAX_INDEX, 'the model has too many connections'),
      ...over('train spikes', estimate.trainSpikes, MAX_INDEX, 'the NetStim and VecStim trains have too many spikes'),
    ],
  ];
  for (const stage of stages) {
    const problems = stage();
    if (problems.length > 0) return problems;
  }
  const needed = scope === 'network' ? estimate.networkBytes : estimate.totalBytes;
  const memory = memoryProblem(estimate, needed, scope, limits.maxMemoryBytes ?? defaultMemoryLimit());
  return memory ? [memory] : [];
}

/** The refusal when `needed` bytes exceed the limit, naming the three largest contributors. */
export function memoryProblem(estimate: ResourceEstimate, needed: number, scope: 'all' | 'network', limit: number): LimitProblem | null {
  if (needed <= limit) return null;
  const bytesOf = (c: Contributor) => c.networkBytes + (scope === 'all' ? c.runBytes : 0);
  const top = [...estimate.contributors].sort((a, b) => bytesOf(b) - bytesOf(a)).slice(0, 3);
  const parts = top.map((c) => `${c.quantity}: ${formatCount(c.count)} from ${c.path} (${c.detail}), ${formatBytes(bytesOf(c))}`);
  return {
    path: top[0]?.path ?? 'netParams',
    value: undefined,
    message: `the model needs about ${formatBytes(needed)} to ${scope === 'network' ? 'create' : 'create and simulate'} (${parts.join('; ')}), more than the memory limit of ${formatBytes(limit)} (maxMemoryBytes, spikegpu --max-memory)`,
  };
}

/**
 * Memory of simulating a built network: the spec's estimate, plus the connections string
 * functions made (not in the estimate's bytes), counted for the network and for the run.
 */
export function simulationBytes(estimate: ResourceEstimate, connections: number): number {
  const unestimated = Math.max(0, connections - estimate.connections);
  return estimate.totalBytes + unestimated * (BYTES.connection.network + BYTES.connection.run);
}

/**
 * The most connections a network may get while it is built: the estimated ones, plus what the
 * memory left after the estimate pays for (string functions decide the rest).
 */
export function connectionBudget(estimate: ResourceEstimate, limits: ResourceLimits = {}): number {
  const spare = (limits.maxMemoryBytes ?? defaultMemoryLimit()) - estimate.networkBytes;
  return Math.min(MAX_INDEX, estimate.connections + Math.max(0, Math.floor(spare / BYTES.connection.network)));
}

function popProblems(estimate: ResourceEstimate): LimitProblem[] {
  return estimate.pops
    .filter((pop) => !(pop.placed * 3 <= MAX_INDEX))
    .map((pop) => ({ path: pop.path, value: undefined, message: `${pop.detail}: more than the limit of ${formatCount(MAX_INDEX / 3)} cells per population` }));
}

function largest(contributors: Contributor[], quantity: Quantity): Contributor | undefined {
  return contributors.filter((c) => c.quantity === quantity).sort((a, b) => b.count - a.count)[0];
}

function nsegProblems(net: NetParamsData): LimitProblem[] {
  const out: LimitProblem[] = [];
  for (const [label, rule] of Object.entries(net.cellParams as Record<string, CellParams>)) {
    for (const [name, sec] of Object.entries((rule.secs ?? {}) as Record<string, SectionParams>)) {
      const nseg = sec.geom?.nseg;
      if (typeof nseg === 'number' && nseg > MAX_NSEG)
        out.push({
          path: `${joinPath(joinPath(joinPath('netParams.cellParams', label), 'secs'), name)}.geom.nseg`,
          value: nseg,
          message: `expected at most ${MAX_NSEG} segments (NEURON's limit)`,
        });
    }
  }
  return out;
}

/** The time grid: t must advance by dt/2 at the end of the run, and the steps fit 32-bit counters. */
function timeProblems(cfg: SimConfigData, steps: number): LimitProblem[] {
  const { duration, dt } = cfg;
  if (!(duration + dt / 2 > duration))
    return [{ path: 'simConfig.dt', value: dt, message: `too small for time to advance at t = ${duration} ms in double precision` }];
  if (!(steps <= MAX_STEPS))
    return [
      {
        path: 'simConfig.dt',
        value: dt,
        message: `duration ${duration} ms / dt ${dt} ms = ${formatCount(steps)} steps, more than the limit of ${formatCount(MAX_STEPS)}`,
      },
    ];
  return [];
}

/** One line for `spikegpu validate`: the counts and the memory, e.g. '40 cells, 120 compartments, ... about 1.2 MiB to create and simulate'. */
export function describeEstimate(estimate: ResourceEstimate, scope: 'all' | 'network'): string {
  const e = estimate;
  const upTo = e.functionConnections.reduce((s, c) => s + c.count, 0);
  const conns = `${formatCount(Math.round(e.connections))} connections${upTo > 0 ? ` (+ up to ${formatCount(upTo)} decided by string functions)` : ''}`;
  const run = scope === 'all' ? `, ${formatCount(e.steps)} steps, ${formatCount(e.recordedSamples)} recorded samples` : '';
  const bytes = scope === 'all' ? e.totalBytes : e.networkBytes;
  return `${formatCount(e.cells)} cells, ${formatCount(e.compartments)} compartments, ${conns}${run}; about ${formatBytes(bytes)} to ${scope === 'all' ? 'create and simulate' : 'create'}`;
}

/** The longest array of numbers spikegpu makes: V8 stops the process beyond about 1.3e8 doubles in one array. */
export const MAX_ARRAY_LENGTH = 1e8;

/** The longest train, one array of spike times. */
export const MAX_TRAIN_SPIKES = MAX_ARRAY_LENGTH;

/**
 * The spikes of the created network's NetStim trains, rates drawn by string functions included
 * (the estimate before creation counts only numbers written in the spec): a problem when one
 * train or all of them are beyond their bounds, else the spikes the estimate did not count.
 */
export function builtTrainProblem(d: NetworkData, estimate: ResourceEstimate, duration: number): LimitProblem | number {
  let total = 0;
  let most = 0;
  let path = 'netParams.stimSourceParams';
  const count = (interval: number, number: number, start: number, noise: number, at: string) => {
    const n = netStimSpikes(interval, number, start, noise, duration);
    total += n;
    if (n > most) [most, path] = [n, at];
  };
  for (let r = 0; r < d.stims.count; r++) {
    const p = d.stims.params[r];
    if (p.type !== 'NetStim') continue;
    const interval = typeof p.interval === 'number' ? p.interval : 1e3 / (p.rate as number);
    count(interval, p.number as number, p.start as number, p.noise as number, joinPath(joinPath('netParams.stimSourceParams', String(p.source)), 'rate'));
  }
  for (let r = 0; r < d.pointCells.cells.length; r++) {
    if (d.pointCells.model[r] !== 'NetStim') continue;
    const m = d.pointCells.mechParams[r];
    count(m.interval, m.number, m.start, m.noise, joinPath('netParams.popParams', d.pops[d.cells.pop[d.pointCells.cells[r]]]?.label ?? ''));
  }
  if (most > MAX_TRAIN_SPIKES)
    return {
      path,
      value: undefined,
      message: `a NetStim train has ${formatCount(most)} spikes in the run, more than the limit of ${formatCount(MAX_TRAIN_SPIKES)} per train`,
    };
  if (total > MAX_INDEX)
    return {
      path,
      value: undefined,
      message: `the NetStim trains have too many spikes: ${formatCount(total)}, more than the limit of ${formatCount(MAX_INDEX)}`,
    };
  return Math.max(0, total - estimate.trainSpikes);
}
