import { storedPoints } from '../network/cell-geometry.ts';
import type { CellTemplate, NetworkData } from '../network/index.ts';
import { ionReversal } from '../spec/index.ts';
import type { SectionCable } from './cable.ts';
import { fillCable } from './cable.ts';
import { CompileError } from './errors.ts';
import type { GroupBuilder } from './groups.ts';
import { nodeAt, type TemplateLayout, templateLayout } from './layout.ts';
import type { DetectorTable, NodeTable } from './model.ts';

// Compartmental cells -> nodes (NEURON layout), density mechanisms per segment, the cell
// rule's point processes, and spike detectors.

export interface CellNodes {
  nodeStart: Int32Array;
  nodes: NodeTable;
  detectors: DetectorTable;
  layouts: TemplateLayout[];
  /** Global node of (cell, section, x). */
  nodeOf(cell: number, section: number, x: number): number;
  /** The point process with its own voltage (vref) on (cell, section): connections target it. */
  vrefTarget(cell: number, section: number): [group: number, instance: number] | undefined;
  /** The reversal potential the node's section sets for an ion (cellParams `ions`, or the default of a mechanism that uses it) [mV]. */
  sectionE(node: number, ion: string): number | undefined;
  /** The concentrations the node's section sets for an ion (cellParams `ions` i, o) [mM]. */
  sectionConcentrations(node: number, ion: string): { i?: number; o?: number } | undefined;
}

export function compileCells(d: NetworkData, groups: GroupBuilder, vInit: number): CellNodes {
  const { cells, templates } = d;
  const layouts = templates.map((t) => templateLayout(t, `netParams.cellParams.${t.ruleLabels.join('+')}`));
  const nodeStart = new Int32Array(cells.count + 1);
  for (let c = 0; c < cells.count; c++) nodeStart[c + 1] = nodeStart[c] + (cells.template[c] >= 0 ? layouts[cells.template[c]].nodeCount : 0);
  const n = nodeStart[cells.count];
  const nodes: NodeTable = {
    count: n,
    parent: new Int32Array(n),
    area: new Float64Array(n),
    cm: new Float64Array(n),
    a: new Float64Array(n),
    b: new Float64Array(n),
    vInit: new Float64Array(n).fill(vInit),
  };
  const det = { cell: [] as number[], node: [] as number[], threshold: [] as number[], group: [] as number[], instance: [] as number[], field: [] as string[] };
  const vrefTargets = new Map<string, [number, number]>();
  /** Each node's section's ions (shared per template section). */
  const nodeIons = new Array<ReadonlyMap<string, number> | undefined>(n);
  const nodeConcentrations = new Array<ReadonlyMap<string, { i?: number; o?: number }> | undefined>(n);
  const nodeOf = (c: number, s: number, x: number) => nodeStart[c] + nodeAt(layouts[cells.template[c]], templates[cells.template[c]], s, x);
  const columns = templates.map(varyingLookup);
  const has3d = templates.map((t) => t.sections.some((sec) => sec.pt3d));
  // NetPyNE turns the geom.pt3d points of every cell by a random angle (compartCell.py createPyStruct; not define_shape's).
  if (d.netParams.rotateCellsRandomly === true && templates.some((t) => t.sections.some((sec) => sec.pt3d && !sec.generatedShape)))
    throw new CompileError('netParams.rotateCellsRandomly', true, 'randomly rotated pt3d points are not supported by the simulator yet');
  for (let c = 0; c < cells.count; c++) {
    const t = cells.template[c];
    if (t < 0) continue;
    const template = templates[t];
    const layout = layouts[t];
    const row = cells.row[c];
    const value = columns[t];
    const offset = nodeStart[c];
    const path = `cell gid ${cells.gid[c]}`;
    const points = has3d[t] ? storedPoints(template, cells, c, d.simConfig) : null;
    const cable = template.sections.map((sec, s): SectionCable => {
      const geom = (p: 'L' | 'diam' | 'Ra' | 'cm') => value(row, s, 'geom', '', p, 0) ?? sec[p];
      return { L: geom('L'), diam: geom('diam'), Ra: geom('Ra'), cm: geom('cm'), nseg: sec.nseg, pt3d: points?.[s] ?? null };
    });
    fillCable(layout, cable, nodes, offset);
    for (let k = 0; k < layout.nodeCount; k++) {
      nodes.parent[offset + k] = layout.parent[k] < 0 ? -1 : offset + layout.parent[k];
      nodeIons[offset + k] = template.sections[layout.section[k]].ions;
      nodeConcentrations[offset + k] = template.sections[layout.section[k]].ionConcentrations;
    }
    template.sections.forEach((sec, s) => {
      if (sec.vinit !== undefined) {
        for (let k = 0; k < layout.nodeCount; k++) if (layout.section[k] === s) nodes.vInit[offset + k] = sec.vinit;
      }
      for (const [mech, params] of sec.mechs) {
        for (let j = 0; j < sec.nseg; j++) {
          const values: Array<[string, number]> = [];
          for (const [p, perSeg] of params) values.push([p, value(row, s, 'mech', mech, p, j) ?? perSeg[j]]);
          for (const [name, ion] of Object.entries(groups.mechanism(mech, path).def.ions ?? {})) values.push([name, sec.ions.get(ion) ?? ionReversal(ion)]);
          groups.add(mech, `${path}: secs.${sec.name}.mechs.${mech}`, offset + layout.firstSegment[s] + j, c, 1, values);
        }
      }
      for (const [label, pp] of sec.pointps) {
        const where = `${path}: secs.${sec.name}.pointps.${label}`;
        const node = offset + nodeAt(layout, template, s, pp.loc);
        const values: Array<[string, number]> = [...pp.params].map(([p, v]) => [p, value(row, s, 'pointp', label, p, 0) ?? v]);
        const added = groups.add(pp.mod, where, node, c, 1e2 / nodes.area[node], values);
        if (pp.vref === undefined) continue;
        if (!groups.mechanism(pp.mod, where).fields.includes(pp.vref))
          throw new CompileError(`${where}.vref`, pp.vref, `${pp.mod} has no variable '${pp.vref}'`);
        if (!vrefTargets.has(`${c}|${s}`)) vrefTargets.set(`${c}|${s}`, added);
      }
    });
    // NetPyNE: the NetCon watches the spike section's vref point process if it has one, else v.
    const gen = template.spikeGen;
    const source = gen.vref !== undefined ? vrefTargets.get(`${c}|${gen.section}`)! : [-1, -1];
    det.cell.push(c);
    det.node.push(offset + nodeAt(layout, template, gen.section, gen.loc));
    det.threshold.push(gen.threshold);
    det.group.push(source[0]);
    det.instance.push(source[1]);
    det.field.push(gen.vref ?? '');
  }
  return {
    nodeStart,
    nodes,
    layouts,
    nodeOf,
    vrefTarget: (c, s) => vrefTargets.get(`${c}|${s}`),
    sectionE: (node, ion) => nodeIons[node]?.get(ion),
    sectionConcentrations: (node, ion) => nodeConcentrations[node]?.get(ion),
    detectors: {
      count: det.cell.length,
      cell: Int32Array.from(det.cell),
      node: Int32Array.from(det.node),
      threshold: Float64Array.from(det.threshold),
      group: Int32Array.from(det.group),
      instance: Int32Array.from(det.instance),
      field: det.field,
    },
  };
}

type ValueLookup = (row: number, section: number, kind: 'geom' | 'mech' | 'pointp', owner: string, param: string, seg: number) => number | undefined;

/** Per-cell drawn values of a template, looked up by (section, kind, owner, param). */
function varyingLookup(template: CellTemplate): ValueLookup {
  const map = new Map(template.varying.map((v) => [`${v.section}|${v.kind}|${v.owner ?? ''}|${v.param}`, v]));
  if (map.size === 0) return () => undefined;
  return (row, s, kind, owner, param, seg) => {
    const column = map.get(`${s}|${kind}|${owner}|${param}`);
    return column ? column.values[row * column.width + (column.width > 1 ? seg : 0)] : undefined;
  };
}
