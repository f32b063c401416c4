import type { RunOutput } from '../backend/types.ts';
import type { CompiledModel, DetectorTable, IonTable, MechGroup, NetConTable, NodeTable, Probe, ProbeTarget, TrainTable } from '../compile/index.ts';
import type { LoweredMechanism } from '../mech/index.ts';

// The gpu runner's model (runCfg.type 'gpu'): the variants of a batch stacked into one model,
// their cells one after another, so that one WebGPU run integrates them all. Nothing connects
// two variants: every NetCon, detector, train and probe keeps its variant's cells, and each
// variant's own order among its NetCons and train events (so events reach a target in the order
// they would alone). Merged cell c has gid c; the run's spikes and samples are split back by
// variant with their own gids (splitRun). Variants must share what is one value per run (dt,
// duration, celsius, recordStep, the tables switched on) and their mechanisms, group by group.

export interface Variant {
  model: CompiledModel;
  mechanisms: LoweredMechanism[];
}

export interface Stacked {
  model: CompiledModel;
  mechanisms: LoweredMechanism[];
  /** Per variant: its first merged cell, first probe and first stim source; one past the last at the end. */
  cellStart: number[];
  probeStart: number[];
  stimStart: number[];
}

/** Why the variants cannot run together, or null. */
export function stackProblem(variants: Variant[]): string | null {
  const [a] = variants;
  const fingerprint = (v: Variant) => JSON.stringify(v.mechanisms);
  const base = fingerprint(a);
  for (let i = 1; i < variants.length; i++) {
    const b = variants[i].model;
    for (const key of ['dt', 'steps', 'celsius', 'recordStep', 'recordEvery'] as const)
      if (b[key] !== a.model[key]) return `variant ${i} has ${key} ${b[key]}, variant 0 ${a.model[key]} (one value per WebGPU run)`;
    if (b.tablesOn.join() !== a.model.tablesOn.join()) return `variant ${i} switches other tables on (${b.tablesOn.join(', ') || 'none'})`;
    if (b.groups.map((g) => g.mech).join() !== a.model.groups.map((g) => g.mech).join())
      return `variant ${i} has other mechanisms (${b.groups.map((g) => g.mech).join(', ')}) than variant 0 (${a.model.groups.map((g) => g.mech).join(', ')})`;
    if (b.ions.map((x) => `${x.ion}:${x.ci0}:${x.co0}`).join() !== a.model.ions.map((x) => `${x.ion}:${x.ci0}:${x.co0}`).join())
      return `variant ${i} has other ions or initial concentrations`;
    if (fingerprint(variants[i]) !== base) return `variant ${i}'s mechanisms differ from variant 0's (GLOBAL parameters or tables)`;
  }
  return null;
}

export function stackModels(variants: Variant[]): Stacked {
  const problem = stackProblem(variants);
  if (problem) throw new Error(problem);
  const cellStart = offsets(variants.map((v) => v.model.cellCount));
  const nodeStart = offsets(variants.map((v) => v.model.nodes.count));
  const probeStart = offsets(variants.map((v) => v.model.probes.length));
  const stimStart = offsets(variants.map((v) => v.model.sourceCount - v.model.cellCount));
  const groupStart = variants[0].model.groups.map((_, g) => offsets(variants.map((v) => v.model.groups[g].count)));
  const cells = cellStart.at(-1)!;
  const first = variants[0].model;
  /** A variant's source index in the merged model: cells first, then every variant's stims. */
  const source = (v: number, s: number) => (s < variants[v].model.cellCount ? cellStart[v] + s : cells + stimStart[v] + s - variants[v].model.cellCount);
  const model: CompiledModel = {
    ...first,
    cellCount: cells,
    gid: Int32Array.from({ length: cells }, (_, c) => c),
    nodeStart: concatStarts(variants.map((v) => v.model.nodeStart)),
    nodes: stackNodes(
      variants.map((v) => v.model.nodes),
      nodeStart,
    ),
    groups: first.groups.map((g, k) =>
      stackGroup(
        variants.map((v) => v.model.groups[k]),
        cellStart,
        nodeStart,
        g,
      ),
    ),
    sourceCount: cells + stimStart.at(-1)!,
    netcons: stackNetcons(variants, source, groupStart),
    detectors: stackDetectors(
      variants.map((v) => v.model.detectors),
      cellStart,
      nodeStart,
      groupStart,
    ),
    trains: stackTrains(variants, source),
    probes: variants.flatMap((v, i) => v.model.probes.map((p) => stackProbe(p, cellStart[i] + v.model.gid.indexOf(p.gid), nodeStart[i], groupStart, i))),
    ions: first.ions.map((ion, k) =>
      stackIon(
        variants.map((v) => v.model.ions[k]),
        ion,
      ),
    ),
    unrecordedTraces: [...new Set(variants.flatMap((v) => v.model.unrecordedTraces))],
  };
  return { model, mechanisms: variants[0].mechanisms, cellStart, probeStart, stimStart };
}

/** The stacked run's output of each variant, with its own gids, probes and stims (one pass over the spikes). */
export function splitRun(run: RunOutput, stacked: Stacked, variants: Variant[]): RunOutput[] {
  const variantOfCell = ownerTable(stacked.cellStart);
  const variantOfStim = ownerTable(stacked.stimStart);
  const outs: RunOutput[] = variants.map((_, i) => ({
    spikes: { time: [], gid: [] },
    samples: run.samples.slice(stacked.probeStart[i], stacked.probeStart[i + 1]),
    sampleTimes: run.sampleTimes,
    sampleCount: run.sampleCount,
    stimSpikes: { time: [], stim: [] },
  }));
  run.spikes.gid.forEach((c, k) => {
    const i = variantOfCell[c];
    outs[i].spikes.time.push(run.spikes.time[k]);
    outs[i].spikes.gid.push(variants[i].model.gid[c - stacked.cellStart[i]]);
  });
  run.stimSpikes.stim.forEach((s, k) => {
    const i = variantOfStim[s];
    outs[i].stimSpikes.time.push(run.stimSpikes.time[k]);
    outs[i].stimSpikes.stim.push(s - stacked.stimStart[i]);
  });
  return outs;
}

/** Per entry, the variant whose range [start[i], start[i + 1]) holds it. */
function ownerTable(start: number[]): Int32Array {
  const owner = new Int32Array(start.at(-1)!);
  for (let i = 0; i + 1 < start.length; i++) owner.fill(i, start[i], start[i + 1]);
  return owner;
}

/** [0, n0, n0 + n1, ...]. */
function offsets(counts: number[]): number[] {
  const out = [0];
  for (const n of counts) out.push(out.at(-1)! + n);
  return out;
}

function concat<T extends Int32Array | Float64Array | Uint8Array>(
  parts: T[],
  make: (n: number) => T,
  shift: (part: number, x: number) => number = (_, x) => x,
): T {
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  parts.forEach((p, i) => {
    for (let k = 0; k < p.length; k++) out[at + k] = shift(i, p[k]);
    at += p.length;
  });
  return out;
}

const i32 = (n: number) => new Int32Array(n);
const f64 = (n: number) => new Float64Array(n);

/** The f64 column `key` of every part, joined. */
function joined<T, K extends keyof T>(parts: T[], key: K): Float64Array {
  return concat(
    parts.map((p) => p[key] as Float64Array),
    f64,
  );
}

/** CSR starts (length n + 1 each) joined: each variant's shifted by the entries before it. */
function concatStarts(starts: Int32Array[]): Int32Array {
  const out = new Int32Array(starts.reduce((n, s) => n + s.length - 1, 0) + 1);
  let at = 0;
  let base = 0;
  for (const s of starts) {
    for (let k = 0; k < s.length - 1; k++) out[at + k] = base + s[k];
    at += s.length - 1;
    base += s[s.length - 1];
  }
  out[at] = base;
  return out;
}

function stackNodes(parts: NodeTable[], nodeStart: number[]): NodeTable {
  return {
    count: nodeStart.at(-1)!,
    parent: concat(
      parts.map((p) => p.parent),
      i32,
      (i, x) => (x < 0 ? x : x + nodeStart[i]),
    ),
    area: joined(parts, 'area'),
    cm: joined(parts, 'cm'),
    a: joined(parts, 'a'),
    b: joined(parts, 'b'),
    vInit: joined(parts, 'vInit'),
  };
}

function stackGroup(parts: MechGroup[], cellStart: number[], nodeStart: number[], first: MechGroup): MechGroup {
  const fields: Record<string, Float64Array> = {};
  for (const name of Object.keys(first.fields))
    fields[name] = concat(
      parts.map((p) => p.fields[name]),
      f64,
    );
  return {
    mech: first.mech,
    count: parts.reduce((n, p) => n + p.count, 0),
    node: concat(
      parts.map((p) => p.node),
      i32,
      (i, x) => x + nodeStart[i],
    ),
    cell: concat(
      parts.map((p) => p.cell),
      i32,
      (i, x) => x + cellStart[i],
    ),
    fields,
    scale: joined(parts, 'scale'),
  };
}

/** NetCons by merged source, each source's list in its variant's order. */
function stackNetcons(variants: Variant[], source: (v: number, s: number) => number, groupStart: number[][]): NetConTable {
  const order: Array<[number, number]> = []; // (variant, its source) in merged source order
  variants.forEach((v, i) => {
    for (let s = 0; s < v.model.cellCount; s++) order.push([i, s]);
  });
  variants.forEach((v, i) => {
    for (let s = v.model.cellCount; s < v.model.sourceCount; s++) order.push([i, s]);
  });
  const count = variants.reduce((n, v) => n + v.model.netcons.count, 0);
  const nc: NetConTable = {
    count,
    start: new Int32Array(order.length + 1),
    group: new Int32Array(count),
    instance: new Int32Array(count),
    weight: new Float64Array(count),
    delay: new Float64Array(count),
    weightIndex: new Uint8Array(count),
  };
  let at = 0;
  order.forEach(([i, s], q) => {
    if (source(i, s) !== q) throw new Error('gpu runner: merged sources out of order');
    nc.start[q] = at;
    const from = variants[i].model.netcons;
    for (let k = from.start[s]; k < from.start[s + 1]; k++, at++) {
      nc.group[at] = from.group[k];
      nc.instance[at] = from.instance[k] + groupStart[from.group[k]][i];
      nc.weight[at] = from.weight[k];
      nc.delay[at] = from.delay[k];
      nc.weightIndex[at] = from.weightIndex[k];
    }
  });
  nc.start[order.length] = at;
  return nc;
}

function stackDetectors(parts: DetectorTable[], cellStart: number[], nodeStart: number[], groupStart: number[][]): DetectorTable {
  const d: DetectorTable = { count: 0, cell: i32(0), node: i32(0), threshold: f64(0), group: i32(0), instance: i32(0), field: [] };
  d.count = parts.reduce((n, p) => n + p.count, 0);
  d.cell = concat(
    parts.map((p) => p.cell),
    i32,
    (i, x) => x + cellStart[i],
  );
  d.node = concat(
    parts.map((p) => p.node),
    i32,
    (i, x) => x + nodeStart[i],
  );
  d.threshold = joined(parts, 'threshold');
  d.group = concat(
    parts.map((p) => p.group),
    i32,
  );
  let at = 0;
  d.instance = new Int32Array(d.count);
  parts.forEach((p, i) => {
    for (let k = 0; k < p.count; k++, at++) d.instance[at] = p.group[k] < 0 ? p.instance[k] : p.instance[k] + groupStart[p.group[k]][i];
  });
  d.field = parts.flatMap((p) => p.field);
  return d;
}

function stackTrains(variants: Variant[], source: (v: number, s: number) => number): TrainTable {
  const count = variants.reduce((n, v) => n + v.model.trains.count, 0);
  const t: TrainTable = { count, source: new Int32Array(count), time: new Float64Array(count) };
  let at = 0;
  variants.forEach((v, i) => {
    const tr = v.model.trains;
    for (let k = 0; k < tr.count; k++, at++) {
      t.source[at] = source(i, tr.source[k]);
      t.time[at] = tr.time[k];
    }
  });
  return t;
}

/** The probe on merged cell `cell` (whose gid is its index). */
function stackProbe(p: Probe, cell: number, node0: number, groupStart: number[][], i: number): Probe {
  const target: ProbeTarget =
    p.target.kind === 'node'
      ? { kind: 'node', node: p.target.node + node0 }
      : p.target.kind === 'field'
        ? { ...p.target, instance: p.target.instance + groupStart[p.target.group][i] }
        : { ...p.target, node: p.target.node + node0 };
  return { trace: p.trace, gid: cell, target };
}

function stackIon(parts: IonTable[], first: IonTable): IonTable {
  return {
    ...first,
    e: joined(parts, 'e'),
    ci: joined(parts, 'ci'),
    co: joined(parts, 'co'),
    style: concat(
      parts.map((p) => p.style),
      (n) => new Uint8Array(n),
    ),
  };
}
