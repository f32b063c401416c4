import type { CompiledModel } from '../../compile/index.ts';
import { walk } from '../../expr/ast.ts';
import { type LoweredMechanism, liveFields, type Stmt } from '../../mech/index.ts';
import { assignedNames, readNames } from '../../nmodl/stmt-names.ts';
import type { GpuLayout } from './layout.ts';

// Whether the WebGPU backend may integrate whole chunks of steps per dispatch (DESIGN §5a), and
// the tables of that path: the cell types (cells with the same node tree, the same mechanism
// instances on the same nodes, the detector on the same node) and one row per cell, which
// shaders/templates/epoch.wgsl reads:
//   [cell, first node, threshold bits, probe begin, probe end, instance of each slot ...,
//    scale bits of each slot ... (point processes: 1e2/area)]
// then the probes as (local id, record slot) pairs (local ids: the type's nodes' v first, then
// the slots' held fields in order), then per ring target the workgroup whose cell it feeds.
// Event flags: per workgroup of 64 cells and ring slot, one word after the ring's targets, set
// with every event into one of its cells, so a workgroup reads its cells' inputs only at steps
// that have any (a load with one index for the whole workgroup, where per-cell loads are costly). A chunk holds at most the minimum NetCon delay in steps + 1
// steps: a spike at boundary m reaches boundary m + delay >= the chunk's end, so no cell needs
// another's spikes within its chunk and the spikes are delivered once per chunk.

/** Fewest steps per chunk for which the path is worth its kernels (below: the per-step path). */
const MIN_CHUNK_STEPS = 4;
/** Most nodes and instances of a cell type held in registers. */
const MAX_TYPE_NODES = 64;
const MAX_TYPE_SLOTS = 128;
/** Most cell types (one kernel each). */
const MAX_TYPES = 16;
/** Largest input ring the path grows to hold a whole chunk of train events [bytes]. */
const MAX_RING_BYTES = 64 * 2 ** 20;
/** Words of a row before its instances (then the instances, then their scales). */
export const ROW_HEADER = 5;
/** Threshold of a cell without a detector: +inf (f32 bits), never exceeded. */
const NO_DETECTOR = 0x7f800000;

/** One mechanism instance of a cell type: its group and node (relative to the cell's first). */
export interface EpochSlot {
  group: number;
  node: number;
}

export interface CellType {
  /** Parent of each node relative to the first (-1: root). */
  shape: number[];
  /** Node of the detector, relative (-1: none). */
  detector: number;
  /** Instances per cell: groups in order, each group's instances last-added first (the CPU's contribution order). */
  slots: EpochSlot[];
  /** Cells of the type, in cell order. */
  cells: number[];
  /** Offset of the type's first row in the table [words]. */
  rows: number;
  /** Its first workgroup among all types' (event flags). */
  workgroupBase: number;
}

export interface EpochPlan {
  /** Steps per chunk. */
  chunkSteps: number;
  /** Input ring depth (boundaries): the layout's, or deeper to hold a chunk. */
  ringSlots: number;
  types: CellType[];
  /**
   * Per group (field order): the fields held in registers for the chunk, those whose values carry
   * from step to step or block to block, or that probes read; and the fields the per-step blocks
   * use only as temporaries (every block assigns them before reading them), declared per block.
   */
  held: string[][];
  temporaries: string[][];
  table: Uint32Array;
  /** Offset in the table of the workgroup of each ring target [words] (NO_WORKGROUP: none). */
  targetWorkgroups: number;
  /** Workgroups of 64 cells over all types (event flags per ring slot each). */
  workgroups: number;
}

/** Invocations per workgroup of the fused kernels (shaders/templates/epoch.wgsl). */
export const WORKGROUP = 64;
const NO_WORKGROUP = 0xffffffff;

/** The plan, or why the model takes the per-step path. */
export function epochPlan(model: CompiledModel, mechanisms: LoweredMechanism[], layout: GpuLayout): EpochPlan | { reason: string } {
  const reason = modelLimit(model, mechanisms, layout);
  if (reason) return { reason };
  const detectorOf = detectorsByCell(model);
  const chunk = chunkSteps(model, layout, detectorOf);
  if (chunk.steps < MIN_CHUNK_STEPS) return { reason: `the minimum NetCon delay is ${chunk.steps - 1} steps (the path needs ${MIN_CHUNK_STEPS - 1})` };
  const fields = mechanisms.map((m, g) => stepFields(m, model, g));
  const held = fields.map((f) => f.held);
  const { types, typeOf, instances, why } = cellTypes(model, detectorOf);
  if (why) return { reason: why };
  // rows, then the probe pairs (at an even word)
  const rowWords = types.reduce((sum, t) => sum + t.cells.length * (ROW_HEADER + 2 * t.slots.length), 0);
  const table: number[] = new Array(rowWords).fill(0);
  if (table.length % 2) table.push(0);
  const probesOf = probesByCell(model, held, types, typeOf, instances);
  let at = 0;
  for (const t of types) {
    t.rows = at;
    for (const c of t.cells) {
      const n0 = model.nodeStart[c];
      const det = model.detectors;
      const d = detectorOf[c];
      const row = [c, n0, d < 0 ? NO_DETECTOR : f32Bits(det.threshold[d]), table.length / 2];
      for (const [id, slot] of probesOf.get(c) ?? []) table.push(id, slot);
      row.push(table.length / 2, ...instances[c], ...instances[c].map((k, s) => f32Bits(model.groups[t.slots[s].group].scale[k])));
      for (let w = 0; w < row.length; w++) table[at + w] = row[w];
      at += row.length;
    }
  }
  const targetWorkgroups = table.length;
  // one at a time: a spread of a model's ring targets (one per synapse unmerged) overflows the call stack
  for (const w of ringWorkgroups(layout, types, instances)) table.push(w);
  return {
    chunkSteps: chunk.steps,
    ringSlots: chunk.ringSlots,
    types,
    held,
    temporaries: fields.map((f) => f.temporaries),
    table: Uint32Array.from(table),
    targetWorkgroups,
    workgroups: types.reduce((n, t) => n + Math.ceil(t.cells.length / WORKGROUP), 0),
  };
}

/** Per ring target, the workgroup of the cell it feeds (types in order, 64 cells each). */
function ringWorkgroups(layout: GpuLayout, types: CellType[], instances: number[][]): Uint32Array {
  const out = new Uint32Array(layout.ringStride).fill(NO_WORKGROUP);
  let base = 0;
  for (const t of types) {
    t.workgroupBase = base;
    t.cells.forEach((c, i) => {
      t.slots.forEach((slot, s) => {
        const g = slot.group;
        if (layout.ringBase[g] < 0) return;
        const first = layout.ringBase[g] + instances[c][s] * layout.ringWidth[g];
        out.fill(base + Math.floor(i / WORKGROUP), first, first + layout.ringWidth[g]);
      });
    });
    base += Math.ceil(t.cells.length / WORKGROUP);
  }
  return out;
}

/** Why no chunk of this model can run fused, or null. */
function modelLimit(model: CompiledModel, mechanisms: LoweredMechanism[], layout: GpuLayout): string | null {
  if (model.ions.length > 0) return 'segment ions';
  if (layout.hasVref) return 'a spike detector on a point process variable';
  for (const [g, m] of mechanisms.entries()) {
    if (model.groups[g].count === 0) continue;
    const name = m.def.name;
    if (m.def.kind === 'artificial') return `artificial cells (${name})`;
    const handlers = [m.initEvent.stmts, ...m.watches.map((w) => w.handler.stmts)];
    if (handlers.some((b) => hasKind(b, ['send', 'move', 'abort']))) return `self-events (${name})`;
    const blocks = [m.receive.stmts, m.breakpoint.stmts, m.state.stmts];
    if (blocks.some((b) => assignedNames(b).has('v'))) return `a mechanism that sets v (${name})`;
    if (blocks.some((b) => hasKind(b, ['newton', 'send', 'move', 'event', 'abort']))) return `a Newton solve or events sent from a mechanism (${name})`;
    const fieldSet = new Set(m.fields);
    if (m.functions.some((f) => [...readNames(f.body), ...assignedNames(f.body)].some((x) => fieldSet.has(x)))) return `a FUNCTION that reads fields (${name})`;
  }
  return null;
}

/** Whether statements (at any depth) include one of `kinds`. */
function hasKind(stmts: Stmt[], kinds: string[]): boolean {
  return stmts.some(
    (s) =>
      kinds.includes(s.kind) ||
      (s.kind === 'if' && (hasKind(s.then, kinds) || hasKind(s.otherwise, kinds))) ||
      (s.kind === 'while' && hasKind(s.body, kinds)) ||
      (s.kind === 'simeq' && hasKind(s.body, kinds)),
  );
}

/** Steps per chunk (minimum delay of a detector's NetCon + 1, at most 1000) and the ring depth that holds them. */
function chunkSteps(model: CompiledModel, layout: GpuLayout, detectorOf: Int32Array): { steps: number; ringSlots: number } {
  const o = layout.offsets;
  let min = 1000;
  for (let c = 0; c < model.cellCount; c++) {
    if (detectorOf[c] < 0) continue;
    for (let k = layout.topo[o.ncStart + c]; k < layout.topo[o.ncStart + c + 1]; k++) min = Math.min(min, layout.topo[o.nc + 4 * k + 1] + 1);
  }
  // train events of a whole chunk are in the ring at once
  if (min <= layout.ringSlots) return { steps: min, ringSlots: layout.ringSlots };
  const widest = Math.max(layout.ringSlots, Math.floor(MAX_RING_BYTES / (4 * Math.max(1, layout.ringStride))));
  const steps = Math.min(min, widest);
  return { steps, ringSlots: Math.max(layout.ringSlots, steps) };
}

/** Per cell, its detector (or -1). */
function detectorsByCell(model: CompiledModel): Int32Array {
  const byCell = new Int32Array(model.cellCount).fill(-1);
  for (let k = 0; k < model.detectors.count; k++) byCell[model.detectors.cell[k]] = k;
  return byCell;
}

/**
 * The fields group g's per-step blocks read or assign (table outputs included) and those probes
 * record, not its constants: held where live (liveFields: read before assigned somewhere,
 * observed by a probe, read by FUNCTIONs or tables), temporaries otherwise.
 */
function stepFields(m: LoweredMechanism, model: CompiledModel, g: number): { held: string[]; temporaries: string[] } {
  const used = new Set<string>();
  for (const b of [m.receive, m.breakpoint, m.state, ...m.watches.map((w) => w.handler)]) {
    readNames(b.stmts, used);
    assignedNames(b.stmts, used);
  }
  for (const w of m.watches)
    for (const e of [w.left, w.right])
      walk(e, (n) => {
        if (n.kind === 'name') used.add(n.name);
      });
  for (const t of m.tables) t.outputs.forEach((o) => used.add(o));
  const probed = new Set<string>();
  for (const p of model.probes) if (p.target.kind === 'field' && p.target.group === g) probed.add(p.target.field);
  const live = liveFields(m, probed);
  const all = Object.keys(model.groups[g].fields).filter((f) => used.has(f) || probed.has(f));
  return { held: all.filter((f) => live.has(f)), temporaries: all.filter((f) => !live.has(f)) };
}

/** Cells with nodes grouped by type (zero-node cells belong to none), or why there are too many kinds. */
function cellTypes(model: CompiledModel, detectorOf: Int32Array): { types: CellType[]; typeOf: Int32Array; instances: number[][]; why?: string } {
  // per cell, its instances: groups in order, each group's last-added first
  const slotsOf: EpochSlot[][] = Array.from({ length: model.cellCount }, () => []);
  const instances: number[][] = Array.from({ length: model.cellCount }, () => []);
  model.groups.forEach((grp, g) => {
    for (let k = grp.count - 1; k >= 0; k--) {
      slotsOf[grp.cell[k]].push({ group: g, node: grp.node[k] - model.nodeStart[grp.cell[k]] });
      instances[grp.cell[k]].push(k);
    }
  });
  const byKey = new Map<string, CellType>();
  const typeOf = new Int32Array(model.cellCount).fill(-1);
  const types: CellType[] = [];
  for (let c = 0; c < model.cellCount; c++) {
    const n0 = model.nodeStart[c];
    const n1 = model.nodeStart[c + 1];
    if (n1 === n0) continue;
    const shape = Array.from(model.nodes.parent.subarray(n0, n1), (p) => (p < 0 ? -1 : p - n0));
    const d = detectorOf[c];
    const detector = d < 0 ? -1 : model.detectors.node[d] - n0;
    const slots = slotsOf[c];
    if (shape.length > MAX_TYPE_NODES || slots.length > MAX_TYPE_SLOTS)
      return {
        types,
        typeOf,
        instances,
        why: `a cell of ${shape.length} nodes and ${slots.length} mechanism instances (the path holds ${MAX_TYPE_NODES} and ${MAX_TYPE_SLOTS})`,
      };
    const key = `${shape.join(',')}|${detector}|${slots.map((s) => `${s.group}:${s.node}`).join(',')}`;
    let t = byKey.get(key);
    if (!t) {
      if (types.length === MAX_TYPES) return { types, typeOf, instances, why: `more than ${MAX_TYPES} kinds of cell (node tree and mechanism instances)` };
      t = { shape, detector, slots, cells: [], rows: 0, workgroupBase: 0 };
      byKey.set(key, t);
      types.push(t);
    }
    typeOf[c] = types.indexOf(t);
    t.cells.push(c);
  }
  return { types, typeOf, instances };
}

/** Per cell: its probes as (local id, record slot). */
function probesByCell(
  model: CompiledModel,
  held: string[][],
  types: CellType[],
  typeOf: Int32Array,
  instances: number[][],
): Map<number, Array<[number, number]>> {
  const out = new Map<number, Array<[number, number]>>();
  const nodeCell = new Int32Array(model.nodes.count);
  for (let c = 0; c < model.cellCount; c++) for (let i = model.nodeStart[c]; i < model.nodeStart[c + 1]; i++) nodeCell[i] = c;
  model.probes.forEach((p, slot) => {
    const t = p.target;
    let c: number;
    let id: number;
    if (t.kind === 'node') {
      c = nodeCell[t.node];
      id = t.node - model.nodeStart[c];
    } else if (t.kind === 'field') {
      c = model.groups[t.group].cell[t.instance];
      const type = types[typeOf[c]];
      const s = type.slots.findIndex((x, j) => x.group === t.group && instances[c][j] === t.instance);
      id = localId(type, held, s, held[t.group].indexOf(t.field));
    } else throw new Error('epoch plan: an ion probe in a model without segment ions');
    if (!out.has(c)) out.set(c, []);
    out.get(c)!.push([id, slot]);
  });
  return out;
}

/** The local id of slot s's held field f in a type (after the nodes' v). */
export function localId(type: CellType, held: string[][], s: number, f: number): number {
  let id = type.shape.length;
  for (let j = 0; j < s; j++) id += held[type.slots[j].group].length;
  return id + f;
}

const bits = new DataView(new ArrayBuffer(4));
function f32Bits(x: number): number {
  bits.setFloat32(0, x, true);
  return bits.getUint32(0, true);
}

/**
 * `layout.topo` for the fused path: each NetCon's last word (its delay bits, which only the
 * inboxes of artificial cells read, and the fused path has none) becomes the row of event flags
 * of its target's workgroup (epoch-events.wgsl: flag of slot s at row + s), so delivery finds it
 * in the NetCon it has read. `ringSlots`: the fused ring's depth.
 */
export function topoWithFlagRows(layout: GpuLayout, plan: EpochPlan): Uint32Array {
  const topo = layout.topo.slice();
  const flags = plan.ringSlots * layout.ringStride;
  const workgroupOf = plan.table.subarray(plan.targetWorkgroups);
  for (let q = layout.offsets.nc; q < topo.length; q += 4) {
    const to = topo[q];
    if (to >= workgroupOf.length) continue; // an inbox target or NOWHERE: no flags
    if (workgroupOf[to] === NO_WORKGROUP) throw new Error(`webgpu backend: NetCon target ${to} feeds no cell of the fused kernels`);
    topo[q + 3] = flags + workgroupOf[to] * plan.ringSlots;
  }
  return topo;
}
