import type { NetworkData } from '../network/index.ts';
import type { CellSelector, TraceSpec } from '../spec/index.ts';
import type { ArtificialCells } from './artificial.ts';
import type { CellNodes } from './cells.ts';
import { CompileError } from './errors.ts';
import type { SynapseResult } from './inputs.ts';
import { ION_PRESENT, type IonTable, type MechGroup, type Probe } from './model.ts';

// simConfig.recordCells x recordTraces -> probes (NetPyNE cell.recordTraces): a trace whose
// section, mechanism, synMech or stim a cell lacks is not recorded for that cell. Artificial
// cells (IntFire) record a trace given by `var` alone from their own object (pointCell.py).

/** What a trace none of the recorded cells can record is told (NetPyNE records nothing for it, silently). */
export const UNRECORDED_TRACE = 'no recorded cell has its section, mechanism, synapse or stimulus: nothing is recorded for it (NetPyNE skips it silently)';

export function selectRecordedCells(d: NetworkData, selectors: ReadonlyArray<CellSelector | 'all' | 'allCells'>): number[] {
  const chosen = new Set<number>();
  const popIndex = new Map(d.pops.map((p, i) => [p.label, i]));
  for (const sel of selectors) {
    if (sel === 'all' || sel === 'allCells') {
      for (let c = 0; c < d.cells.count; c++) chosen.add(c);
    } else if (typeof sel === 'number') {
      const c = d.cells.gid.indexOf(sel);
      if (c >= 0) chosen.add(c);
    } else if (typeof sel === 'string') {
      const p = popIndex.get(sel);
      if (p === undefined)
        throw new CompileError('simConfig.recordCells', sel, `no population '${sel}' (populations: ${d.pops.map((x) => x.label).join(', ')})`);
      for (let k = 0; k < d.pops[p].cellCount; k++) chosen.add(d.pops[p].firstCell + k);
    } else {
      // [pop, index]: cells of pop by index; an undefined pop selects nothing (sim/utils.py getCellsList)
      const [label, which] = sel;
      const p = popIndex.get(label);
      if (p === undefined) continue;
      for (const k of Array.isArray(which) ? which : [which]) if (k < d.pops[p].cellCount) chosen.add(d.pops[p].firstCell + k);
    }
  }
  return [...chosen].sort((a, b) => a - b);
}

export function compileProbes(
  d: NetworkData,
  recorded: number[],
  cellNodes: CellNodes,
  artificial: ArtificialCells,
  groups: MechGroup[],
  synapses: SynapseResult,
  ions: IonTable[] = [],
  /** Whether a mechanism's parameter is an array (vclmp.mod's dur[3]). */
  isArray: (mech: string, name: string) => boolean = () => false,
): Probe[] {
  const probes: Probe[] = [];
  const traces = Object.entries(d.simConfig.recordTraces) as Array<[string, TraceSpec]>;
  const synMechLabels = Object.keys(d.netParams.synMechParams);
  const instanceAt = instanceIndex();
  for (const c of recorded) {
    const t = d.cells.template[c];
    const gid = d.cells.gid[c];
    if (t < 0) {
      const g = artificial.group[c];
      if (g < 0) continue;
      for (const [trace, spec] of traces) {
        const own = spec.sec === undefined && spec.mech === undefined && spec.synMech === undefined && spec.stim === undefined && spec.pointp === undefined;
        if (own && spec.var in groups[g].fields)
          probes.push({ trace, gid, target: { kind: 'field', group: g, instance: artificial.instance[c], field: spec.var } });
      }
      continue;
    }
    const template = d.templates[t];
    for (const [trace, spec] of traces) {
      const path = `simConfig.recordTraces.${trace}`;
      const field = (g: number, instance: number) => {
        // an array PARAMETER (VClamp's dur: fields dur0, dur1 ...) has no one value to record: NetPyNE's recording fails and skips it
        if (isArray(groups[g].mech, spec.var)) return;
        if (!(spec.var in groups[g].fields))
          throw new CompileError(
            `${path}.var`,
            spec.var,
            `${groups[g].mech} has no variable '${spec.var}' (variables: ${Object.keys(groups[g].fields).join(', ')})`,
          );
        probes.push({ trace, gid, target: { kind: 'field', group: g, instance, field: spec.var } });
      };
      if (spec.stim !== undefined) {
        const rows = Array.from(d.stims.byCell.subarray(d.stims.cellStart[c], d.stims.cellStart[c + 1]));
        const r = rows.find((i) => d.stims.params[i].label === spec.stim || d.stims.params[i].source === spec.stim);
        if (r === undefined) continue;
        const stim = d.stims.params[r];
        const g = groups.findIndex((x) => x.mech === stim.type);
        if (g < 0) throw new CompileError(path, spec, `recording variables of ${String(stim.type)} stimuli is not supported`);
        const node = cellNodes.nodeOf(c, template.sectionIndex.get(stim.sec as string)!, stim.loc as number);
        field(g, instanceAt(groups[g], c, node));
        continue;
      }
      if (spec.synMech !== undefined) {
        const sm = synMechLabels.indexOf(spec.synMech);
        const s = spec.sec !== undefined ? template.sectionIndex.get(spec.sec) : undefined;
        for (let k = d.conns.postStart[c]; k < d.conns.postStart[c + 1]; k++) {
          const i = d.conns.byPost[k];
          if (d.conns.synMech[i] !== sm || (s !== undefined && d.conns.sec[i] !== s) || (spec.loc !== undefined && d.conns.loc[i] !== spec.loc)) continue;
          field(synapses.group[i], synapses.instance[i]);
          break;
        }
        continue;
      }
      const s = template.sectionIndex.get(spec.sec ?? '');
      if (s === undefined) continue;
      const sec = template.sections[s];
      if (spec.pointp !== undefined) {
        const pp = sec.pointps.get(spec.pointp);
        if (!pp) continue;
        const g = groups.findIndex((x) => x.mech === pp.mod);
        field(g, instanceAt(groups[g], c, cellNodes.nodeOf(c, s, pp.loc)));
        continue;
      }
      const node = cellNodes.nodeOf(c, s, spec.loc ?? 0.5);
      if (spec.mech !== undefined) {
        if (!sec.mechs.has(spec.mech)) continue;
        const g = groups.findIndex((x) => x.mech === spec.mech);
        field(g, instanceAt(groups[g], c, node));
      } else if (spec.var === 'v') {
        probes.push({ trace, gid, target: { kind: 'node', node } });
      } else if (ionVariable(ions, spec.var)) {
        // seg._ref_cai: recorded where the segment has the ion (NetPyNE skips the others silently)
        const { ion, role } = ionVariable(ions, spec.var)!;
        if (ions[ion].style[node] & ION_PRESENT) probes.push({ trace, gid, target: { kind: 'ion', ion, role, node } });
      } else {
        throw new CompileError(path, spec, "a section trace records 'v'; give mech, synMech, pointp or stim for other variables");
      }
    }
  }
  return probes;
}

/** (group, cell, node) -> the first instance there; each group's index is built on first use. */
function instanceIndex(): (group: MechGroup, cell: number, node: number) => number {
  const indexes = new Map<MechGroup, Map<string, number>>();
  return (group, cell, node) => {
    let index = indexes.get(group);
    if (!index) {
      index = new Map();
      for (let k = group.count - 1; k >= 0; k--) index.set(`${group.cell[k]}|${group.node[k]}`, k);
      indexes.set(group, index);
    }
    const k = index.get(`${cell}|${node}`);
    if (k === undefined) throw new Error(`no ${group.mech} instance at node ${node} of cell ${cell}`);
    return k;
  };
}

/** Which ion variable a name is (cai: the inside concentration of ca), among the model's segment ions. */
function ionVariable(ions: IonTable[], name: string): { ion: number; role: 'e' | 'i' | 'in' | 'out' } | null {
  for (const [ion, t] of ions.entries()) {
    if (name === `e${t.ion}`) return { ion, role: 'e' };
    if (name === `i${t.ion}`) return { ion, role: 'i' };
    if (name === `${t.ion}i`) return { ion, role: 'in' };
    if (name === `${t.ion}o`) return { ion, role: 'out' };
  }
  return null;
}
