import type { CompiledModel } from '../../compile/index.ts';
import { abortMessages, type LoweredMechanism } from '../../mech/index.ts';
import { TimeGrid } from '../time-grid.ts';
import { UnsupportedOnBackend } from '../types.ts';
import { cellShapes } from './cell-shape.ts';

// CompiledModel -> the flat tables the WebGPU kernels read (shaders/kernels/*.wgsl):
//   nodeData   per node (a, b, cm, parent bits), 16 bytes;
//   contrib    one (rhs, d) slot per instance of a mechanism with a current, gathered per
//              node through a CSR list in the CPU's order (group, then instance);
//   ring       one input target per instance of a linear synapse, ringSlots boundaries deep;
//   topo       u32 tables: contribution CSR, cell node ranges, which cells have the common
//              shape (cell-shape.ts), detectors, NetCons by source
//              cell (target, delay steps, weight bits, delay bits: 16 bytes per synapse);
//   inbox      one target per artificial cell (IntFire), events with their times;
//   trains     NetStim/VecStim spikes scheduled on the host per delivery boundary.
// Delivery boundaries follow the CPU backend: an event at te reaches the first boundary m with
// te <= t_m + dt/2 (t accumulated as NEURON does); a detector spike at boundary n leaves at
// t_n + 1e-10, so each NetCon's offset in boundaries is computed once, from n = 0.

/** detNode entries from VREF up name the node of a vref point process (see shaders/kernels/cell.wgsl). */
const VREF = 0x80000000;
/** NetCon targets from ART up are inbox targets of artificial cells (see shaders/kernels/ring.wgsl). */
const ART = 0x80000000;
/** The target of a NetCon whose receiver does nothing with NetCon events (see ring.wgsl). */
const NOWHERE = 0xffffffff;

export class UnsupportedOnGpu extends UnsupportedOnBackend {
  constructor(what: string) {
    super('webgpu', `${what} is not supported by the webgpu backend yet (use backend 'cpu')`);
    this.name = 'UnsupportedOnGpu';
  }
}

export interface GpuLayout {
  nodeData: Float32Array;
  /** Per group: first contrib slot (-1: no current), first ring target (-1: no input), ring targets per instance. */
  contribBase: Int32Array;
  ringBase: Int32Array;
  ringWidth: Int32Array;
  /** Per group: the field index published for vref detectors, or -1. */
  vrefField: Int32Array;
  /** Whether any detector watches a point process's variable (the detect_vref pass runs). */
  hasVref: boolean;
  /** Per group: first inbox target (artificial cells), or -1; inbox targets per slot. */
  artBase: Int32Array;
  arts: number;
  contribCount: number;
  ringStride: number;
  ringSlots: number;
  /** The ring's layout (shaders/kernels/ring.wgsl): target t's input of slot s at s ringSlotStride + t ringTargetStride. */
  ringSlotStride: number;
  ringTargetStride: number;
  /** Words after the ring's targets: the fused path's event flags (epoch-plan.ts), none on the per-step path. */
  ringFlags: number;
  topo: Uint32Array;
  offsets: {
    contribStart: number;
    contribIndex: number;
    nodeStart: number;
    shaped: number;
    detNode: number;
    detThreshold: number;
    ncStart: number;
    nc: number;
  };
  /** The most common cell shape (parents relative to the cell's first node), solved by straight-line code. */
  shape: number[];
  /** Train events (target, weight bits, time bits, boundary) sorted by boundary; boundary m's are trainStart[m] .. trainStart[m+1]. */
  trainEvents: Uint32Array;
  trainStart: Int32Array;
  maxTrainEventsPerStep: number;
  /** Spikes of NetStim/VecStim populations, which the host records: boundary, time, gid. */
  trainSpikes: { boundary: number[]; time: number[]; gid: number[] };
  /** Spikes of NetStim stimuli within the run (for recordStim), by stim row. */
  stimSpikes: { time: number[]; stim: number[] };
  /** Per mechanism group: each ion variable it uses -> the offset of its array in the `ions` buffer (ionsBuffer). */
  ionOffsets: Array<Map<string, number>>;
  /** Probes by source: -1 = V, ION_SOURCE = the ions buffer, else a group index; entries (index in the source, record slot). */
  probeSources: Map<number, number[]>;
  grid: Float64Array;
  /** Samples NetPyNE's event-timed recording keeps (TimeGrid.recordedSamples). */
  sampleCount: number;
}

export function gpuLayout(model: CompiledModel, mechanisms: LoweredMechanism[]): GpuLayout {
  mechanisms.forEach((m, g) => {
    const limit = model.groups[g].count > 0 ? gpuLimit(m) : null;
    if (limit) throw new UnsupportedOnGpu(limit);
    const nodes = model.groups[g].node;
    if (writesIonCurrent(m) && m.def.kind === 'point' && new Set(nodes).size < nodes.length)
      throw new UnsupportedOnGpu(
        `${m.def.name} (a point process writing an ion current, two of them on one node: they would add into the segment's current at once)`,
      );
  });
  const n = model.nodes.count;
  const time = new TimeGrid(model.dt, model.steps);
  const grid = time.t;
  const nodeData = new Float32Array(4 * n);
  const parentBits = new Int32Array(nodeData.buffer);
  for (let i = 0; i < n; i++) {
    nodeData[4 * i] = model.nodes.a[i];
    nodeData[4 * i + 1] = model.nodes.b[i];
    nodeData[4 * i + 2] = model.nodes.cm[i];
    parentBits[4 * i + 3] = model.nodes.parent[i];
  }
  const contribBase = new Int32Array(model.groups.length).fill(-1);
  const ringBase = new Int32Array(model.groups.length).fill(-1);
  const ringWidth = new Int32Array(model.groups.length).fill(1);
  const artBase = new Int32Array(model.groups.length).fill(-1);
  let contribCount = 0;
  let ringStride = 0;
  let arts = 0;
  const artificialCell = new Uint8Array(model.cellCount);
  model.groups.forEach((g, i) => {
    const def = mechanisms[i].def;
    if (def.kind === 'artificial') {
      artBase[i] = arts;
      arts += g.count;
      for (let k = 0; k < g.count; k++) artificialCell[g.cell[k]] = 1;
    }
    if (def.currents) {
      contribBase[i] = contribCount;
      contribCount += g.count;
    }
    if (def.linearReceive) {
      ringBase[i] = ringStride;
      ringWidth[i] = def.receiveArgs?.length ?? 1;
      ringStride += g.count * ringWidth[i];
    }
  });
  // Contribution lists per node, in the CPU's order: group, then instance last-added first.
  const perNode: number[][] = Array.from({ length: n }, () => []);
  model.groups.forEach((g, i) => {
    if (contribBase[i] < 0) return;
    for (let k = g.count - 1; k >= 0; k--) perNode[g.node[k]].push(contribBase[i] + k);
  });
  const det = model.detectors;
  const detOfCell = new Int32Array(model.cellCount).fill(-1);
  const vrefField = new Int32Array(model.groups.length).fill(-1);
  for (let k = 0; k < det.count; k++) {
    detOfCell[det.cell[k]] = k;
    const g = det.group[k];
    if (g < 0) continue;
    const field = Object.keys(model.groups[g].fields).indexOf(det.field[k]);
    if (vrefField[g] >= 0 && vrefField[g] !== field) throw new UnsupportedOnGpu(`vref detectors on different variables of ${mechanisms[g].def.name}`);
    vrefField[g] = field;
  }
  const nc = model.netcons;
  const target = (k: number): number => {
    const g = nc.group[k];
    if (artBase[g] >= 0) return ART + artBase[g] + nc.instance[k];
    if (ringBase[g] < 0 && mechanisms[g].receive.stmts.length === 0) return NOWHERE;
    if (ringBase[g] < 0)
      throw new Error(`webgpu layout: a NetCon into ${mechanisms[g].def.name}, which takes no events on the GPU (gpuLimit should have said why)`);
    if (nc.weightIndex[k] >= ringWidth[g])
      throw new Error(`NetCon ${k}: weight index ${nc.weightIndex[k]} beyond ${mechanisms[g].def.name}'s ${ringWidth[g]} weights`);
    return ringBase[g] + nc.instance[k] * ringWidth[g] + nc.weightIndex[k];
  };
  const delaySteps = new Uint32Array(nc.count);
  // a delay beyond the run delivers nothing in it: one boundary past the run stands for all of them
  for (let k = 0; k < nc.count; k++) delaySteps[k] = Math.min(time.boundary(1e-10 + nc.delay[k]), model.steps + 2);
  let ringSlots = 2;
  for (let k = 0; k < nc.count; k++) ringSlots = Math.max(ringSlots, delaySteps[k] + 2);
  // topo: contribution CSR, node ranges, detectors, NetCons of cells.
  const parts: number[][] = [];
  const offsets = {} as GpuLayout['offsets'];
  let at = 0;
  const push = (name: keyof GpuLayout['offsets'], values: number[]) => {
    offsets[name] = at;
    parts.push(values);
    at += values.length;
  };
  const contribStart = [0];
  for (const list of perNode) contribStart.push(contribStart[contribStart.length - 1] + list.length);
  push('contribStart', contribStart);
  push('contribIndex', perNode.flat());
  push('nodeStart', Array.from(model.nodeStart));
  const shapes = cellShapes(model.nodeStart, model.nodes.parent, model.cellCount);
  push('shaped', Array.from(shapes.shaped));
  // vref detectors: VREF + the point process's node (its variable is published at V[3n + node])
  push(
    'detNode',
    Array.from(detOfCell, (k) => (k < 0 ? 0xffffffff : det.group[k] >= 0 ? VREF + model.groups[det.group[k]].node[det.instance[k]] : det.node[k])),
  );
  push(
    'detThreshold',
    Array.from(detOfCell, (k) => (k < 0 ? 0 : f32Bits(det.threshold[k]))),
  );
  push('ncStart', Array.from(nc.start.subarray(0, model.cellCount + 1)));
  const ncWords: number[] = [];
  for (let c = 0; c < model.cellCount; c++) {
    for (let k = nc.start[c]; k < nc.start[c + 1]; k++) {
      // an artificial cell's events leave within its NET_RECEIVE: they must reach a later boundary
      if (artificialCell[c] && nc.delay[k] < model.dt)
        throw new UnsupportedOnGpu(`a NetCon from an artificial cell (gid ${model.gid[c]}) with a delay below dt (${nc.delay[k]} ms)`);
      ncWords.push(target(k), delaySteps[k], f32Bits(nc.weight[k]), f32Bits(nc.delay[k]));
    }
  }
  // NetCons start on a 16-byte boundary: the fused path's delivery reads each as one vec4 (epoch-events.wgsl)
  const pad = (4 - (at % 4)) % 4;
  parts.push(new Array(pad).fill(0));
  at += pad;
  push('nc', ncWords);
  const topo = Uint32Array.from(parts.flat());
  const trains = scheduleTrains(model, target, time);
  return {
    nodeData,
    contribBase,
    ringBase,
    ringWidth,
    vrefField,
    hasVref: vrefField.some((f) => f >= 0),
    artBase,
    arts,
    contribCount,
    ringStride,
    ringSlots,
    // per slot: one slot's targets contiguous, as the per-step kernels read them
    ringSlotStride: ringStride,
    ringTargetStride: 1,
    ringFlags: 0,
    topo,
    offsets,
    shape: shapes.shape,
    ...trains,
    probeSources: probeSources(model),
    ionOffsets: mechanisms.map((m) => ionOffsets(model, m)),
    grid,
    sampleCount: time.recordedSamples(model.recordStep, Math.floor(model.steps / model.recordEvery) + 1),
  };
}

/** The probe source that is the `ions` buffer. */
export const ION_SOURCE = -2;
/** Each ion array's place among a table's four (shaders/kernels/ions.wgsl). */
const ION_ROLES = { e: 0, i: 1, in: 2, out: 3 } as const;

/** Where a mechanism's ion variables are in the `ions` buffer: table j's e, i, in, out arrays from 4 j n on (shaders/kernels/ions.wgsl). */
function ionOffsets(model: CompiledModel, m: LoweredMechanism): Map<string, number> {
  const n = model.nodes.count;
  const role = ION_ROLES;
  const out = new Map<string, number>();
  for (const [name, v] of Object.entries(m.def.ionVars ?? {})) {
    const j = model.ions.findIndex((t) => t.ion === v.ion);
    if (j < 0) throw new Error(`webgpu backend: ${m.def.name}'s ion ${v.ion} has no segment table`);
    out.set(name, (4 * j + role[v.role]) * n);
  }
  return out;
}

function writesIonCurrent(m: LoweredMechanism): boolean {
  return Object.values(m.def.ionVars ?? {}).some((v) => v.write && v.role === 'i');
}

/** Why the WebGPU backend cannot run mechanism m yet (the CPU backend does), or null. */
export function gpuLimit(m: LoweredMechanism): string | null {
  const name = m.def.name;
  if (abortMessages(m).length > 0) return `${name} (hoc_execerror cannot stop a GPU run)`;
  if (m.def.netconState?.length) return `${name} (state kept per NetCon)`;
  if (m.def.kind !== 'artificial' && m.receive.stmts.length > 0 && !m.def.linearReceive) return `${name} (a NET_RECEIVE that is not linear in its weights)`;
  return null;
}

/** Every train spike's NetCon events, as (target, weight bits) per delivery boundary. */
function scheduleTrains(model: CompiledModel, target: (k: number) => number, time: TimeGrid) {
  const tr = model.trains;
  const nc = model.netcons;
  const events: Array<[number, number, number, number]> = [];
  const trainSpikes = { boundary: [] as number[], time: [] as number[], gid: [] as number[] };
  const stimSpikes = { time: [] as number[], stim: [] as number[] };
  for (let j = 0; j < tr.count; j++) {
    const s = tr.source[j];
    const spikeAt = time.boundary(tr.time[j]);
    if (!time.delivered(spikeAt, tr.time[j])) continue;
    if (s < model.cellCount) {
      trainSpikes.boundary.push(spikeAt);
      trainSpikes.time.push(tr.time[j]);
      trainSpikes.gid.push(model.gid[s]);
    } else {
      stimSpikes.time.push(tr.time[j]);
      stimSpikes.stim.push(s - model.cellCount);
    }
    for (let k = nc.start[s]; k < nc.start[s + 1]; k++) {
      const m = time.boundary(tr.time[j] + nc.delay[k]);
      if (m < model.steps) events.push([m, target(k), f32Bits(nc.weight[k]), f32Bits(tr.time[j] + nc.delay[k])]);
    }
  }
  events.sort((a, b) => a[0] - b[0]);
  const trainStart = new Int32Array(model.steps + 1);
  for (const [m] of events) trainStart[m + 1]++;
  let maxTrainEventsPerStep = 0;
  for (let m = 0; m < model.steps; m++) {
    maxTrainEventsPerStep = Math.max(maxTrainEventsPerStep, trainStart[m + 1]);
    trainStart[m + 1] += trainStart[m];
  }
  const trainEvents = new Uint32Array(4 * events.length);
  events.forEach(([m, t, w, te], i) => trainEvents.set([t, w, te, m], 4 * i));
  return { trainEvents, trainStart, maxTrainEventsPerStep, trainSpikes, stimSpikes };
}

function probeSources(model: CompiledModel): Map<number, number[]> {
  const sources = new Map<number, number[]>();
  model.probes.forEach((p, slot) => {
    const t = p.target;
    const [source, index] =
      t.kind === 'node'
        ? [-1, t.node]
        : t.kind === 'ion'
          ? [ION_SOURCE, (4 * t.ion + ION_ROLES[t.role]) * model.nodes.count + t.node]
          : [t.group, Object.keys(model.groups[t.group].fields).indexOf(t.field) * model.groups[t.group].count + t.instance];
    if (!sources.has(source)) sources.set(source, []);
    sources.get(source)!.push(index, slot);
  });
  return sources;
}

const bits = new DataView(new ArrayBuffer(4));
function f32Bits(x: number): number {
  bits.setFloat32(0, x, true);
  return bits.getUint32(0, true);
}
