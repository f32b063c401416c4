import type { CompiledModel, IonTable, MechGroup, NetConTable, Probe, ProbeTarget } from '../../compile/index.ts';
import type { LoweredMechanism } from '../../mech/index.ts';

// The network's cells split into contiguous ranges of about equal work for a threaded run
// (threaded.ts). Each range is a model of its own: its cells' nodes, mechanism instances,
// detectors, probes and ions, the NetCons that end on them (still indexed by the network's
// sources), and every fixed train. Cells keep the network's indices, so spikes are exchanged as
// (boundary, cell). Within an epoch shorter than the shortest delay of a cell's NetCon no spike
// reaches another partition, so the partitions run the epoch independently.

export interface Partition {
  model: CompiledModel;
  /** Cells first .. end-1 of the network. */
  first: number;
  end: number;
  /** The network's index of each of the model's probes. */
  probes: number[];
  /** Per group: the field values its tables are built from (the network's first instance). */
  tableFields: Array<Record<string, number>>;
}

export interface Partitioning {
  parts: Partition[];
  /** Steps per epoch: no cell's spike reaches a NetCon's target sooner than that. */
  epochSteps: number;
}

/** Splits the model into `count` partitions, or says why it cannot run threaded. */
export function partitionModel(model: CompiledModel, mechanisms: LoweredMechanism[], count: number): Partitioning | { reason: string } {
  const problem = unpartitionable(model, mechanisms);
  if (problem) return { reason: problem };
  const epochSteps = shortestDelaySteps(model);
  const bounds = cellRanges(model, Math.min(count, model.cellCount));
  const parts = bounds.slice(1).map((end, i) => partition(model, bounds[i], end));
  return { parts, epochSteps };
}

/** Why the model cannot run threaded, or undefined. */
export function unpartitionable(model: CompiledModel, mechanisms: LoweredMechanism[]): string | undefined {
  if (model.cellCount < 2) return 'the network has one cell';
  const artificial = model.groups.findIndex((g, i) => g.count > 0 && mechanisms[i].def.kind === 'artificial');
  if (artificial >= 0)
    return `artificial cells (${mechanisms[artificial].def.name}) send spikes while events are delivered; threaded runs exchange only threshold-detector spikes`;
  const det = model.detectors.cell;
  for (let k = 1; k < det.length; k++) if (det[k] <= det[k - 1]) return 'spike detectors are not one per cell in cell order';
  if (model.steps * model.netcons.count >= 2 ** 53) return 'too many steps x NetCons to order exchanged events exactly';
  if (shortestDelaySteps(model) < 1) return 'a NetCon from a cell has a delay under 2 steps (no epoch without exchange)';
  return undefined;
}

/** Steps per epoch: below the shortest delay of a NetCon from a cell, in whole steps less one (rounding of t). */
function shortestDelaySteps(model: CompiledModel): number {
  const nc = model.netcons;
  let shortest = Infinity;
  for (let k = 0; k < nc.start[model.cellCount]; k++) shortest = Math.min(shortest, nc.delay[k]);
  if (shortest === Infinity) return Math.max(1, model.steps);
  return Math.min(Math.max(1, model.steps), Math.floor(shortest / model.dt) - 1);
}

/** Boundaries of `count` contiguous cell ranges of about equal work (nodes, instances, incoming NetCons). */
function cellRanges(model: CompiledModel, count: number): number[] {
  const work = new Float64Array(model.cellCount);
  for (let c = 0; c < model.cellCount; c++) work[c] = 1 + model.nodeStart[c + 1] - model.nodeStart[c];
  for (const g of model.groups) for (let i = 0; i < g.count; i++) work[g.cell[i]] += 1;
  const nc = model.netcons;
  for (let k = 0; k < nc.count; k++) work[model.groups[nc.group[k]].cell[nc.instance[k]]] += 1;
  let total = 0;
  for (const w of work) total += w;
  const bounds = [0];
  let sum = 0;
  for (let c = 0; c < model.cellCount && bounds.length < count; c++) {
    sum += work[c];
    if (sum >= (total * bounds.length) / count && model.cellCount - (c + 1) >= count - bounds.length) bounds.push(c + 1);
  }
  bounds.push(model.cellCount);
  return bounds;
}

function partition(model: CompiledModel, first: number, end: number): Partition {
  const n0 = model.nodeStart[first];
  const n1 = model.nodeStart[end];
  const nodes = model.nodes;
  const slice = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => a.slice(n0, n1) as T;
  const parent = slice(nodes.parent).map((p) => (p >= 0 ? p - n0 : -1));
  const nodeStart = model.nodeStart.map((s) => Math.min(Math.max(s, n0), n1) - n0);
  const instanceMaps = model.groups.map((g) => instanceMap(g, first, end));
  const groups = model.groups.map((g, i) => subGroup(g, instanceMaps[i], n0));
  const inRange = (node: number) => node >= n0 && node < n1;
  const probes = model.probes.flatMap((p, i) => (localTarget(p.target, instanceMaps, inRange) ? [i] : []));
  return {
    first,
    end,
    probes,
    tableFields: model.groups.map((g) => Object.fromEntries(Object.entries(g.fields).flatMap(([f, v]) => (g.count > 0 ? [[f, v[0]]] : [])))),
    model: {
      ...model,
      nodeStart,
      nodes: { count: n1 - n0, parent, area: slice(nodes.area), cm: slice(nodes.cm), a: slice(nodes.a), b: slice(nodes.b), vInit: slice(nodes.vInit) },
      groups,
      netcons: localNetcons(model.netcons, instanceMaps),
      detectors: localDetectors(model, first, end, n0, instanceMaps),
      probes: probes.map((i) => localProbe(model.probes[i], instanceMaps, n0)),
      ions: model.ions.map((t): IonTable => ({ ...t, e: slice(t.e), ci: slice(t.ci), co: slice(t.co), style: slice(t.style) })),
      unrecordedTraces: [],
    },
  };
}

/** Per instance of g: its index in the partition, or -1. */
function instanceMap(g: MechGroup, first: number, end: number): Int32Array {
  const map = new Int32Array(g.count).fill(-1);
  let n = 0;
  for (let i = 0; i < g.count; i++) if (g.cell[i] >= first && g.cell[i] < end) map[i] = n++;
  return map;
}

function subGroup(g: MechGroup, map: Int32Array, n0: number): MechGroup {
  const kept: number[] = [];
  for (let i = 0; i < g.count; i++) if (map[i] >= 0) kept.push(i);
  const pick = <T extends Float64Array | Int32Array>(a: T, shift = 0): T => {
    const out = new (a.constructor as new (n: number) => T)(kept.length);
    for (let j = 0; j < kept.length; j++) out[j] = a[kept[j]] - shift;
    return out;
  };
  return {
    mech: g.mech,
    count: kept.length,
    node: pick(g.node, n0),
    cell: pick(g.cell),
    fields: Object.fromEntries(Object.entries(g.fields).map(([f, v]) => [f, pick(v)])),
    scale: pick(g.scale),
  };
}

/** The NetCons ending in the partition, CSR by the network's sources. */
function localNetcons(nc: NetConTable, maps: Int32Array[]): NetConTable {
  const sources = nc.start.length - 1;
  const kept: number[] = [];
  const start = new Int32Array(sources + 1);
  for (let s = 0; s < sources; s++) {
    for (let k = nc.start[s]; k < nc.start[s + 1]; k++) if (maps[nc.group[k]][nc.instance[k]] >= 0) kept.push(k);
    start[s + 1] = kept.length;
  }
  const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(kept.length);
    for (let j = 0; j < kept.length; j++) out[j] = a[kept[j]];
    return out;
  };
  const instance = pick(nc.instance).map((x, j) => maps[nc.group[kept[j]]][x]);
  return { count: kept.length, start, group: pick(nc.group), instance, weight: pick(nc.weight), delay: pick(nc.delay), weightIndex: pick(nc.weightIndex) };
}

function localDetectors(model: CompiledModel, first: number, end: number, n0: number, maps: Int32Array[]): CompiledModel['detectors'] {
  const det = model.detectors;
  const kept: number[] = [];
  for (let k = 0; k < det.count; k++) if (det.cell[k] >= first && det.cell[k] < end) kept.push(k);
  return {
    count: kept.length,
    cell: Int32Array.from(kept, (k) => det.cell[k]),
    node: Int32Array.from(kept, (k) => det.node[k] - n0),
    threshold: Float64Array.from(kept, (k) => det.threshold[k]),
    group: Int32Array.from(kept, (k) => det.group[k]),
    instance: Int32Array.from(kept, (k) => (det.group[k] < 0 ? -1 : maps[det.group[k]][det.instance[k]])),
    field: kept.map((k) => det.field[k]),
  };
}

function localTarget(t: ProbeTarget, maps: Int32Array[], inRange: (node: number) => boolean): boolean {
  return t.kind === 'field' ? maps[t.group][t.instance] >= 0 : inRange(t.node);
}

function localProbe(p: Probe, maps: Int32Array[], n0: number): Probe {
  const t = p.target;
  const target: ProbeTarget = t.kind === 'field' ? { ...t, instance: maps[t.group][t.instance] } : { ...t, node: t.node - n0 };
  return { ...p, target };
}
