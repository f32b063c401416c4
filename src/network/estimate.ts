import {
  type Catalog,
  type ConnParams,
  joinPath,
  type NetParamsData,
  type PointCellParams,
  type SimConfigData,
  type StimSourceParams,
  type StimTargetParams,
} from '../spec/index.ts';
import { clampCount, connFuncOf } from './conn-rules.ts';
import { estimatePops, formatCount, type LimitProblem, matchingCells, type PopEstimate } from './estimate-cells.ts';

// What a model will need, from its spec alone, before anything is allocated: cells,
// compartments, connections, stimuli, steps, recorded samples and spikes, and the host memory
// they take (BYTES). Counts are NetPyNE's where numbers decide them (numCells, convergence,
// divergence, connList, fullConn), expectations where chance does (a constant probability,
// NetStim trains), and upper bounds where a string function does: those connections are listed
// apart (`functionConnections`), not counted in the bytes, and checked while the network is
// built (see buildNetwork's maxConnections).

export type Quantity = 'cells' | 'compartments' | 'connections' | 'stimuli' | 'steps' | 'recorded samples' | 'train spikes' | 'spikes';

/** One thing that grows the model: its count, where the spec sets it, and its memory. */
export interface Contributor {
  quantity: Quantity;
  path: string;
  count: number;
  /** What the count is made of, e.g. 'convergence 1e6 × 1,200 cells'. */
  detail: string;
  /** [bytes] for creating the network, and for compiling and running it too */
  networkBytes: number;
  runBytes: number;
}

export interface ResourceEstimate {
  cells: number;
  /** Nodes of the cable equations (NEURON's nseg + 1 per section, and a root per cell). */
  compartments: number;
  /** Synapses (NetCons), NetStim synapses included; without `functionConnections`. */
  connections: number;
  /** Upper bounds of connections a string function decides (probability, convergence, divergence). */
  functionConnections: Contributor[];
  stimuli: number;
  steps: number;
  recordedSamples: number;
  /** Spikes of NetStim / VecStim trains, fixed before the run. */
  trainSpikes: number;
  /** Spikes expected to be recorded (cells at ASSUMED_RATE_HZ, plus the trains of artificial cells). */
  spikes: number;
  /** [bytes] host memory to create the network (`spikegpu create`), and to create and simulate it (`run`) */
  networkBytes: number;
  totalBytes: number;
  /** Largest first (by totalBytes). */
  contributors: Contributor[];
  /** Values that are out of bounds by themselves (see limits.ts). */
  problems: LimitProblem[];
  /** The largest gid + 1 (NetPyNE's gid counter, which moves by the unscaled numCells). */
  gidEnd: number;
  pops: PopEstimate[];
}

/**
 * Host memory per item [bytes], measured with process.memoryUsage (heapUsed + arrayBuffers) on
 * Node 20, 64-bit, on single-section hh cells with Exp2Syn synapses (tut2's), and rounded up
 * for the transient copies made while building: network = the Network object (network/),
 * run = the compiled model (compile/) and the CPU backend's state (backend/cpu/).
 */
export const BYTES = {
  /** CellTable 64 + positions 48 + gid index, pop gid lists (measured 129 retained) */
  cell: { network: 200, run: 0 },
  /** positions drawn per unscaled numCells (pop.py draws 3 per cell before scaling) */
  placedCell: { network: 24, run: 0 },
  /** artificial cells: their params and NEURON parameters as objects */
  pointCell: { network: 600, run: 100 },
  /** a node: compile's node tables (44 B) and mechanism fields (hh: 15 × 8 B), again in the backend with V, RHS, D (measured 170 + 154) */
  compartment: { network: 0, run: 350 },
  /** ConnBuilder's 12 columns (57 B, grown by 1.5x, old and new alive while growing) + byPost (measured 70 retained);
   * run: NetCon (25 B) + an unmerged synMech instance in compile and in the backend (measured 124 + 102) */
  connection: { network: 150, run: 250 },
  /** a stimulus row: its NetPyNE record (an object) and stream ids */
  stimulus: { network: 300, run: 50 },
  /** TimeGrid's t per boundary */
  step: { network: 0, run: 8 },
  /** a recorded sample: the backend's Float64Array, simData's Array.from copy and its slice */
  sample: { network: 0, run: 24 },
  /** a fixed-train spike: compile's generated times, merge (indices, sort order) and TrainTable source + time */
  trainSpike: { network: 0, run: 64 },
  /** a VecStim cell's spike, drawn while the network is built (as a list, then a Float64Array), then as trainSpike */
  vecStimSpike: { network: 16, run: 64 },
  /** a recorded spike: spkt and spkid */
  spike: { network: 0, run: 16 },
};

/** The mean rate assumed for cells of a model when estimating recorded spikes [Hz]. */
export const ASSUMED_RATE_HZ = 50;

/** `catalog`: the mechanisms the model may use (which models are artificial cells). */
export function estimateResources(net: NetParamsData, cfg: SimConfigData, catalog: Catalog): ResourceEstimate {
  const problems: LimitProblem[] = [];
  const pops = estimatePops(net, problems, catalog);
  const contributors: Contributor[] = [];
  const functionConnections: Contributor[] = [];
  const add = (quantity: Quantity, path: string, count: number, detail: string, cost: { network: number; run: number }) => {
    const c = { quantity, path, count, detail, networkBytes: count * cost.network, runBytes: count * cost.run };
    contributors.push(c);
    return c;
  };
  const duration = cfg.duration; // [ms]
  let trainSpikes = 0;
  let artificialSpikes = 0;
  for (const pop of pops) {
    add('cells', pop.path, pop.cells, pop.detail, pop.model ? BYTES.pointCell : BYTES.cell);
    if (pop.placed > pop.cells) add('cells', pop.path, pop.placed, `${formatCount(pop.placed)} positions drawn before scaling`, BYTES.placedCell);
    if (pop.nodesPerCell > 0)
      add('compartments', pop.path, pop.cells * pop.nodesPerCell, `${pop.nodesPerCell} per cell × ${formatCount(pop.cells)} cells`, BYTES.compartment);
    const perCell = pop.model ? pointCellSpikes(pop.model, (net.popParams[pop.label] ?? {}) as PopParams, duration) : 0;
    if (perCell > 0) {
      const cost = pop.model === 'VecStim' ? BYTES.vecStimSpike : BYTES.trainSpike;
      add('train spikes', pop.path, perCell * pop.cells, `${formatCount(perCell)} per ${pop.model} cell × ${formatCount(pop.cells)} cells`, cost);
      trainSpikes += perCell * pop.cells;
      artificialSpikes += perCell * pop.cells;
    }
  }
  for (const [label, rule] of Object.entries(net.connParams as Record<string, ConnParams>)) {
    const path = joinPath('netParams.connParams', label);
    const pre = matchingCells(rule.preConds, pops, net);
    const post = matchingCells(rule.postConds, pops, net);
    if (pre === 0 || post === 0) continue;
    const conns = ruleConnections(rule, pre, post);
    const c = { quantity: 'connections' as const, path, count: conns.count, detail: conns.detail };
    if (conns.fromFunction) functionConnections.push({ ...c, networkBytes: c.count * BYTES.connection.network, runBytes: c.count * BYTES.connection.run });
    else add('connections', path, c.count, c.detail, BYTES.connection);
  }
  const stimCounts = estimateStims(net, pops, duration, add);
  trainSpikes += stimCounts.trainSpikes;
  const steps = Math.round(duration / cfg.dt);
  add('steps', 'simConfig.duration', steps, `duration ${duration} ms / dt ${cfg.dt} ms`, BYTES.step);
  const recordedSamples = estimateSamples(cfg, pops, steps, add);
  const compartmentCells = pops.reduce((s, p) => s + (p.model ? 0 : p.cells), 0);
  const spikes = (compartmentCells * duration * ASSUMED_RATE_HZ) / 1e3 + artificialSpikes;
  add('spikes', 'simConfig.duration', spikes, `${formatCount(compartmentCells)} cells at ${ASSUMED_RATE_HZ} Hz for ${duration} ms`, BYTES.spike);
  contributors.sort((a, b) => b.networkBytes + b.runBytes - (a.networkBytes + a.runBytes));
  const networkBytes = contributors.reduce((s, c) => s + c.networkBytes, 0);
  return {
    cells: pops.reduce((s, p) => s + p.cells, 0),
    compartments: pops.reduce((s, p) => s + p.cells * p.nodesPerCell, 0),
    connections: contributors.reduce((s, c) => s + (c.quantity === 'connections' ? c.count : 0), 0),
    functionConnections,
    stimuli: stimCounts.stimuli,
    steps,
    recordedSamples,
    trainSpikes,
    spikes,
    networkBytes,
    totalBytes: networkBytes + contributors.reduce((s, c) => s + c.runBytes, 0),
    contributors,
    problems,
    gidEnd: pops.reduce((s, p) => s + p.gidStride, 0),
    pops,
  };
}

type PopParams = NetParamsData['popParams'][string];
type Add = (quantity: Quantity, path: string, count: number, detail: string, cost: { network: number; run: number }) => Contributor;

/** Synapses a connectivity rule makes between `pre` and `post` matching cells (conn.py), per synMech and synsPerConn. */
function ruleConnections(rule: ConnParams, pre: number, post: number): { count: number; detail: string; fromFunction: boolean } {
  const synMechs = Array.isArray(rule.synMech) ? rule.synMech.length : 1;
  const syns = Array.isArray(rule.synsPerConn)
    ? rule.synsPerConn.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 1), 0) / rule.synsPerConn.length
    : typeof rule.synsPerConn === 'number'
      ? rule.synsPerConn
      : 1;
  const perConn = synMechs * syns;
  const times = perConn !== 1 ? ` × ${formatCount(perConn)} synapses each` : '';
  const made = (n: number, detail: string, fromFunction = false) => ({ count: n * perConn, detail: detail + times, fromFunction });
  const cells = (n: number) => `${formatCount(n)} cells`;
  switch (connFuncOf(rule)) {
    case 'fullConn':
      return made(pre * post, `fullConn ${cells(pre)} × ${cells(post)}`);
    case 'probConn': {
      const p = rule.probability;
      if (typeof p !== 'number') return made(pre * post, `probability ${JSON.stringify(p)}: at most ${cells(pre)} × ${cells(post)}`, true);
      return made(pre * post * Math.min(1, Math.max(0, p)), `probability ${p} × ${cells(pre)} × ${cells(post)}`);
    }
    case 'convConn': {
      const c = rule.convergence;
      if (typeof c !== 'number') return made(clampCount(pre, pre) * post, `convergence ${JSON.stringify(c)}: at most ${cells(pre - 1)} × ${cells(post)}`, true);
      return made(clampCount(c, pre) * post, `convergence ${formatCount(c)} × ${cells(post)}`);
    }
    case 'divConn': {
      const d = rule.divergence;
      if (typeof d !== 'number') return made(clampCount(post, post) * pre, `divergence ${JSON.stringify(d)}: at most ${cells(post - 1)} × ${cells(pre)}`, true);
      return made(clampCount(d, post) * pre, `divergence ${formatCount(d)} × ${cells(pre)}`);
    }
    case 'fromListConn': {
      const n = Array.isArray(rule.connList) ? rule.connList.length : 0;
      return made(n, `connList of ${formatCount(n)}`);
    }
  }
}

/** Stimulus rows and their NetStim synapses and trains (stim.py addStims): one NetStim per synapse. */
function estimateStims(net: NetParamsData, pops: PopEstimate[], duration: number, add: Add) {
  let stimuli = 0;
  let trainSpikes = 0;
  const sources = net.stimSourceParams as Record<string, StimSourceParams>;
  const compartmental = pops.filter((p) => p.model === null); // artificial cells get no stimuli (NetPyNE)
  for (const [label, target] of Object.entries(net.stimTargetParams as Record<string, StimTargetParams>)) {
    const source = sources[target.source];
    if (!source) continue;
    const path = joinPath('netParams.stimTargetParams', label);
    let cells = matchingCells(target.conds, compartmental, net, ['cellList']);
    if (Array.isArray(target.conds?.cellList)) cells = Math.min(cells, target.conds.cellList.length);
    if (cells === 0) continue;
    if (source.type !== 'NetStim') {
      add('stimuli', path, cells, `${source.type} on ${formatCount(cells)} cells`, BYTES.stimulus);
      stimuli += cells;
      continue;
    }
    const synMechs = Array.isArray(target.synMech) ? target.synMech.length : 1;
    const syns = typeof target.synsPerConn === 'number' ? target.synsPerConn : 1;
    const netStims = cells * synMechs * syns;
    const each = synMechs * syns !== 1 ? ` × ${formatCount(synMechs * syns)} synapses each` : '';
    add('stimuli', path, netStims, `NetStim on ${formatCount(cells)} cells${each}`, BYTES.stimulus);
    add('connections', path, netStims, `NetStim on ${formatCount(cells)} cells${each}`, BYTES.connection);
    stimuli += netStims;
    const interval = typeof source.interval === 'number' ? source.interval : typeof source.rate === 'number' ? 1e3 / source.rate : NaN;
    const perStim = netStimSpikes(interval, numberOr(source.number, 1e9), numberOr(source.start, 0), numberOr(source.noise, 0), duration);
    if (perStim > 0) {
      add(
        'train spikes',
        joinPath(joinPath('netParams.stimSourceParams', target.source), 'rate'),
        perStim * netStims,
        `${formatCount(perStim)} per NetStim × ${formatCount(netStims)}`,
        BYTES.trainSpike,
      );
      trainSpikes += perStim * netStims;
    }
  }
  return { stimuli, trainSpikes };
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

/**
 * Spikes of one NetStim until `duration` [ms]: its expected count ((duration - start) / interval,
 * the mean of the noisy train), at most `number`; 0 when a string function decides.
 */
export function netStimSpikes(interval: number, number: number, start: number, noise: number, duration: number): number {
  if (!(interval > 0) || noise < 0) return 0;
  return Math.min(Math.max(0, number), Math.floor(Math.max(0, duration - start) / interval) + 1);
}

/** Spikes of one artificial cell's fixed train: NetStim (NetPyNE sets number 1e9 with a rate), VecStim's spkTimes, pulses, spikePattern. */
function pointCellSpikes(model: string, pop: PopParams, duration: number): number {
  const params = (pop.params && typeof pop.params === 'object' ? pop.params : pop) as PointCellParams;
  const rate = Array.isArray(params.rate) ? params.rate[1] : params.rate;
  const interval = typeof params.interval === 'number' ? params.interval : typeof rate === 'number' ? 1e3 / rate : NaN;
  if (model === 'NetStim') {
    const defaults = { interval: 10, number: 10, start: 50 }; // NEURON's NetStim
    return netStimSpikes(
      Number.isNaN(interval) ? defaults.interval : interval,
      numberOr(params.number, typeof rate === 'number' ? 1e9 : defaults.number),
      numberOr(params.start, defaults.start),
      numberOr(params.noise, 0),
      duration,
    );
  }
  if (model !== 'VecStim') return 0;
  const noise = numberOr(params.noise, 0);
  let n = 0;
  if (interval > 0) n += Math.trunc(((1 + 1.5 * noise) * duration) / interval);
  const spk = params.spkTimes;
  if (Array.isArray(spk)) n += Array.isArray(spk[0]) ? Math.max(...(spk as number[][]).map((t) => t.length)) : spk.length;
  for (const pulse of Array.isArray(params.pulses) ? params.pulses : []) {
    const r = Array.isArray(pulse.rate) ? pulse.rate[1] : pulse.rate;
    const i = pulse.interval ?? (typeof r === 'number' ? 1e3 / r : NaN);
    if (i > 0) n += Math.trunc(((1 + 1.5 * (pulse.noise ?? 0)) * (pulse.end - pulse.start)) / i);
  }
  const pattern = params.spikePattern;
  if (pattern) {
    const span = (pattern.stop === -1 || pattern.stop === undefined ? duration : pattern.stop) - (pattern.start ?? 0);
    if (pattern.type === 'rhythmic') n += ((pattern.repeats ?? 1) * (pattern.freq ?? 0) * span) / 1e3;
    else if (pattern.type === 'poisson') n += ((pattern.frequency ?? 0) * span) / 1e3;
    else if (pattern.type === 'evoked') n += pattern.numspikes ?? 1;
    else n += 50; // gauss: 50 draws (inputs.py)
  }
  return Math.max(0, n);
}

/** Samples of recordTraces × recordCells (and the cells plotTraces includes) at recordStep (compile/probes.ts). */
function estimateSamples(cfg: SimConfigData, pops: PopEstimate[], steps: number, add: Add): number {
  const traces = Object.keys(cfg.recordTraces ?? {}).length;
  if (traces === 0) return 0;
  const total = pops.reduce((s, p) => s + p.cells, 0);
  const plotTraces = cfg.analysis?.plotTraces;
  const included = typeof plotTraces === 'object' && Array.isArray(plotTraces.include) ? plotTraces.include : [];
  let cells = 0;
  for (const sel of [...(cfg.recordCells ?? []), ...included] as unknown[]) {
    if (sel === 'all' || sel === 'allCells') cells += total;
    else if (typeof sel === 'number') cells += 1;
    else if (typeof sel === 'string') cells += pops.find((p) => p.label === sel)?.cells ?? 0;
    else if (Array.isArray(sel)) cells += Array.isArray(sel[1]) ? sel[1].length : 1;
  }
  cells = Math.min(cells, total);
  const perTrace = Math.floor(steps / Math.max(1, Math.round(cfg.recordStep / cfg.dt))) + 1;
  const samples = cells * traces * perTrace;
  if (samples > 0)
    add(
      'recorded samples',
      'simConfig.recordTraces',
      samples,
      `${traces} trace${traces === 1 ? '' : 's'} × ${formatCount(cells)} cells × ${formatCount(perTrace)} samples (recordStep ${cfg.recordStep} ms)`,
      BYTES.sample,
    );
  return samples;
}
