import { deepOrdered } from '../../spec/index.ts';
import type { CellTemplate, NetworkData, PointProcessTemplate, SectionTemplate, VaryingParam } from '../types.ts';

// Per-cell modifications are stored by giving the modified cells their own template: a copy of
// the template they used, with their rows of the per-cell columns, that the modification then
// edits. Every cell keeps exactly the values it had; compile reads templates as it always did.

/**
 * The template that cells `subset` (indices of cells using template t, ascending) can be edited
 * in without touching the others: template t itself when they are all of its cells, else a new
 * template that they move to.
 */
export function templateForCells(d: NetworkData, t: number, subset: ArrayLike<number>): CellTemplate {
  const template = d.templates[t];
  if (subset.length === template.cells.length) return template;
  const moving = new Set(Array.from(subset));
  const keepRows: number[] = [];
  const moveRows: number[] = [];
  template.cells.forEach((c, row) => (moving.has(c) ? moveRows : keepRows).push(row));
  const moved: CellTemplate = {
    ...template,
    ...cloneStructure(template),
    index: d.templates.length,
    cells: Int32Array.from(moveRows, (r) => template.cells[r]),
    varying: template.varying.map((v) => selectRows(v, moveRows)),
  };
  template.cells = Int32Array.from(keepRows, (r) => template.cells[r]);
  template.varying = template.varying.map((v) => selectRows(v, keepRows));
  d.templates.push(moved);
  template.cells.forEach((c, row) => (d.cells.row[c] = row));
  moved.cells.forEach((c, row) => {
    d.cells.template[c] = moved.index;
    d.cells.row[c] = row;
  });
  return moved;
}

function selectRows(column: VaryingParam, rows: number[]): VaryingParam {
  const values = new Float64Array(rows.length * column.width);
  rows.forEach((r, k) => values.set(column.values.subarray(r * column.width, (r + 1) * column.width), k * column.width));
  return { ...column, values };
}

function cloneStructure(t: CellTemplate): Omit<CellTemplate, 'index' | 'cells' | 'varying'> {
  return {
    ruleLabels: [...t.ruleLabels],
    sections: t.sections.map(cloneSection),
    sectionIndex: new Map(t.sectionIndex),
    secLists: new Map([...t.secLists].map(([k, v]) => [k, [...v]])),
    spikeGen: { ...t.spikeGen },
  };
}

function cloneSection(s: SectionTemplate): SectionTemplate {
  return {
    ...s,
    pt3d: s.pt3d ? s.pt3d.map((p) => [...p]) : null,
    topol: { ...s.topol },
    mechs: new Map([...s.mechs].map(([m, params]) => [m, new Map([...params].map(([p, v]) => [p, Float64Array.from(v)]))])),
    ions: new Map(s.ions),
    ionConcentrations: new Map([...s.ionConcentrations].map(([ion, c]) => [ion, { ...c }])),
    pointps: new Map([...s.pointps].map(([label, pp]) => [label, clonePointProcess(pp)])),
    weightNorm: s.weightNorm ? [...s.weightNorm] : undefined,
    spec: deepOrdered(s.spec),
  };
}

function clonePointProcess(pp: PointProcessTemplate): PointProcessTemplate {
  return { ...pp, synList: pp.synList ? [...pp.synList] : undefined, params: new Map(pp.params) };
}
