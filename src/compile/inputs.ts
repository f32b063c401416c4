import { stableOrderBy } from '../network/columns.ts';
import { modifiedSynMechParams, type NetworkData } from '../network/index.ts';
import { type Catalog, joinPath, SYNMECH_RESERVED_KEYS } from '../spec/index.ts';
import { type ArtificialCells, TRAIN_MODELS } from './artificial.ts';
import type { CellNodes } from './cells.ts';
import { CompileError } from './errors.ts';
import type { GroupBuilder } from './groups.ts';
import type { NetConTable } from './model.ts';

// Synapses and stimuli: one synMech instance per connection (NetPyNE's oneSynPerNetcon), one
// NetCon per connection from its source, clamp stimuli as point processes (the spike trains of
// NetStim stimuli and NetStim/VecStim populations are trains.ts).

const STIM_KEYS = new Set(['label', 'source', 'sec', 'loc', 'type']);

export interface SynapseResult {
  netcons: NetConTable;
  /** Mechanism instance of each connection row: [group, instance]. */
  group: Int32Array;
  instance: Int32Array;
}

/**
 * Connections that share a synapse (NetPyNE's oneSynPerNetcon false) share its instance.
 * `merge`: connections whose synMech is mergeable (linear) and lands on the same node of the
 * same cell with the same parameters share one instance (their NetCons keep their own weights
 * and delays). synMechs named in recordTraces are never merged, so each recorded synapse is its own.
 */
export function compileSynapses(d: NetworkData, cellNodes: CellNodes, artificial: ArtificialCells, groups: GroupBuilder, merge: boolean): SynapseResult {
  const { conns, cells } = d;
  const connLabels = Object.keys(d.netParams.connParams);
  const synMechs = Object.entries(d.netParams.synMechParams).map(([label, p]) => ({
    label,
    mod: p.mod,
    values: Object.entries(p).filter(([k]) => !SYNMECH_RESERVED_KEYS.includes(k)),
  }));
  const recorded = new Set(Object.values(d.simConfig.recordTraces).map((t) => (t as { synMech?: string }).synMech));
  const shared = new Map<string, [number, number]>();
  const source = new Int32Array(conns.count);
  const group = new Int32Array(conns.count);
  const instance = new Int32Array(conns.count);
  // the connection that first targeted each synapse (oneSynPerNetcon false: several share one)
  const owner = new Int32Array(conns.synapse.reduce((m, id) => Math.max(m, id + 1), 0)).fill(-1);
  for (let i = 0; i < conns.count; i++) {
    const c = conns.post[i];
    source[i] = conns.pre[i] >= 0 ? conns.pre[i] : cells.count + conns.stim[i];
    if (cells.template[c] < 0) {
      // NetPyNE's PointCell.addConn: the NetCon targets the cell itself; synMech is ignored.
      if (artificial.group[c] < 0)
        throw new CompileError(
          `${joinPath('netParams.connParams', connLabels[conns.rule[i]])} (connection ${i}, to gid ${cells.gid[c]})`,
          d.pointCells.model[cells.row[c]],
          `connections into ${[...TRAIN_MODELS].join('/')} populations are not supported by the simulator (their spike trains are fixed before the run)`,
        );
      [group[i], instance[i]] = [artificial.group[c], artificial.instance[c]];
      continue;
    }
    // NetPyNE: a connection onto a section with a vref point process targets that point process.
    const vref = cellNodes.vrefTarget(c, conns.sec[i]);
    if (vref) {
      [group[i], instance[i]] = vref;
      continue;
    }
    const first = owner[conns.synapse[i]];
    if (first >= 0) {
      [group[i], instance[i]] = [group[first], instance[first]];
      continue;
    }
    owner[conns.synapse[i]] = i;
    const sm = synMechs[conns.synMech[i]];
    const node = cellNodes.nodeOf(c, conns.sec[i], conns.loc[i]);
    const drawn = conns.synMechRow[i] >= 0 ? d.synMechValues.get(conns.synMech[i]) : undefined;
    const values = sm.values.map(([k, v]): [string, number] => {
      if (typeof v === 'number') return [k, v];
      const value = drawn?.get(k)?.[conns.synMechRow[i]];
      if (value === undefined) throw new CompileError(`netParams.synMechParams.${sm.label}.${k}`, v, 'expected a number or a string function');
      return [k, value];
    });
    values.push(...modifiedSynMechParams(d, i)); // set by Network.modifySynMechs, over the synMech's own values
    const synMechPath = `netParams.synMechParams.${sm.label}`;
    const mergeable = merge && !recorded.has(sm.label) && groups.mechanism(sm.mod, synMechPath).def.mergeable === true;
    const key = mergeable ? `${sm.mod}|${node}|${values.map(([k, v]) => `${k}=${v}`).join(',')}` : '';
    const existing = mergeable ? shared.get(key) : undefined;
    if (existing) {
      [group[i], instance[i]] = existing;
    } else {
      [group[i], instance[i]] = groups.add(sm.mod, synMechPath, node, c, 1e2 / cellNodes.nodes.area[node], values);
      if (mergeable) shared.set(key, [group[i], instance[i]]);
    }
  }
  const sourceCount = cells.count + d.stims.count;
  const { order, starts } = stableOrderBy(source, conns.count, sourceCount);
  const netcons = {
    count: conns.count,
    start: starts,
    group: Int32Array.from(order, (i) => group[i]),
    instance: Int32Array.from(order, (i) => instance[i]),
    weight: Float64Array.from(order, (i) => conns.weight[i]),
    delay: Float64Array.from(order, (i) => conns.delay[i]),
    weightIndex: Uint8Array.from(order, (i) => conns.weightIndex[i]),
  };
  return { netcons, group, instance };
}

/** IClamp, VClamp, SEClamp, AlphaSynapse stimuli as point processes on their section. */
export function compileClamps(d: NetworkData, cellNodes: CellNodes, groups: GroupBuilder): void {
  const { stims, templates, cells } = d;
  for (let r = 0; r < stims.count; r++) {
    const p = stims.params[r];
    if (p.type === 'NetStim') continue;
    const c = stims.cell[r];
    const template = templates[cells.template[c]];
    const s = template.sectionIndex.get(p.sec as string)!;
    const node = cellNodes.nodeOf(c, s, p.loc as number);
    const values: Array<[string, number]> = [];
    for (const [k, v] of Object.entries(p)) {
      if (STIM_KEYS.has(k)) continue;
      const path = `netParams.stimSourceParams.${p.source}.${k}`;
      const size = arrayParamSize(groups.registry, p.type as string, k);
      if (size === 0 && typeof v === 'number') values.push([k, v]);
      // NetPyNE writes list values element-wise into NEURON's array parameters (VClamp amp, dur).
      else if (size > 0 && Array.isArray(v) && v.length <= size && v.every((x) => typeof x === 'number'))
        v.forEach((x, j) => values.push([`${k}${j}`, x as number]));
      else throw new CompileError(path, v, size > 0 ? `expected a list of at most ${size} numbers` : 'expected a number');
    }
    groups.add(p.type as string, `netParams.stimSourceParams.${p.source}`, node, c, 1e2 / cellNodes.nodes.area[node], values);
  }
}

/** Length of a stimulus's array parameter (VClamp dur[3]), 0 for a scalar one. */
function arrayParamSize(catalog: Catalog, mech: string, param: string): number {
  const p = catalog.get(mech)?.params[param]?.default;
  return Array.isArray(p) ? p.length : 0;
}
