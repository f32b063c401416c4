import { type Catalog, type CellParams, joinPath } from '../../spec/index.ts';
import { ModifyError } from '../errors.ts';
import type { Network } from '../network.ts';
import type { NetworkData } from '../types.ts';
import { cellTagReader, cellTagsOf, knownCellTags } from './cell-tags.ts';
import { type Conds, checkConds, conditionsMet, conditionsMetOrThrow } from './conds.ts';
import { asObject, rejectUnknownKeys } from './params.ts';
import { applySectionEdit } from './section-apply.ts';
import { checkSectionEdit } from './section-check.ts';
import { templateForCells } from './template-split.ts';

/** NetPyNE's sim.net.modifyCells params: a cell rule with conds, applied again to the matching cells. */
export interface ModifyCellsParams {
  /** Conditions on cell tags (pop, cellType, cellModel, x.., xnorm.., label, gid, cellsList tags); {} for every cell. */
  conds: Conds;
  /** Section name -> {geom, mechs, ions, pointps, topol, vinit, spikeGenLoc, threshold, weightNorm}. */
  secs: Record<string, Record<string, unknown>>;
  secLists?: Record<string, string[]>;
}

const PATH = 'modifyCells';

/**
 * sim.net.modifyCells (CompartCell.modify): applies `secs` to every compartmental cell whose
 * tags match `conds`, as createPyStruct + createNEURONObj do. The modified cells get a template
 * of their own, so each cell keeps its other values. Artificial cells are left alone (NetPyNE's
 * PointCell has no modify). Returns the number of cells changed.
 */
export function modifyCells(net: Network, params: ModifyCellsParams): number {
  const d = net.data;
  const p = asObject(PATH, params);
  rejectUnknownKeys(PATH, p, ['conds', 'secs', 'secLists'], 'NetPyNE reads conds, secs and secLists of a modifyCells rule');
  if (p.conds === undefined)
    throw new ModifyError(
      joinPath(PATH, 'conds'),
      undefined,
      'is required (CompartCell.modify reads params["conds"] and raises KeyError without it); use {} for every cell',
    );
  if (p.secs === undefined)
    throw new ModifyError(joinPath(PATH, 'secs'), undefined, 'is required (createPyStruct reads params["secs"] and raises KeyError without it)');
  const conds = checkConds(joinPath(PATH, 'conds'), p.conds, knownCellTags(d), 'cells');
  const secs = asObject(joinPath(PATH, 'secs'), p.secs);
  for (const [name, edit] of Object.entries(secs)) asObject(joinPath(joinPath(PATH, 'secs'), name), edit);
  const secLists = p.secLists === undefined ? undefined : checkSecLists(p.secLists);

  const byTemplate = new Map<number, number[]>();
  let pointCells = 0;
  for (let c = 0; c < d.cells.count; c++) {
    const gid = d.cells.gid[c];
    if (d.cells.template[c] < 0) {
      if (quietMatch(conds, d, c)) pointCells++;
      continue;
    }
    if (!conditionsMetOrThrow(joinPath(PATH, 'conds'), conds, cellTagReader(d, c), `cell gid ${gid}`, gid)) continue;
    const t = d.cells.template[c];
    if (!byTemplate.has(t)) byTemplate.set(t, []);
    byTemplate.get(t)!.push(c);
  }
  for (const [t, cells] of byTemplate) checkTemplate(d, t, cells, secs, net.catalog);

  let count = 0;
  for (const [t, cells] of byTemplate) {
    count += cells.length;
    if (Object.keys(secs).length === 0 && !secLists) continue;
    const template = templateForCells(d, t, cells);
    for (const [name, edit] of Object.entries(secs)) applySectionEdit(template, name, edit as Record<string, unknown>, d.cells.gid, net.catalog);
    for (const [name, list] of Object.entries(secLists ?? {})) template.secLists.set(name, [...list]);
  }
  warn(d, secs, secLists, pointCells, count);
  return count;
}

/** Validates the edit for the cells of template t, against the cell rule NetPyNE consults for each cell (cellParams[cellType]). */
function checkTemplate(d: NetworkData, t: number, cells: number[], secs: Record<string, unknown>, catalog: Catalog): void {
  const cellTypes = new Map<unknown, number>();
  for (const c of cells) {
    const cellType = cellTagsOf(d, c).cellType;
    if (!cellTypes.has(cellType)) cellTypes.set(cellType, c);
  }
  for (const [cellType, c] of cellTypes) {
    const rule = typeof cellType === 'string' ? (d.netParams.cellParams[cellType] as CellParams | undefined) : undefined;
    if (!rule) {
      throw new ModifyError(
        joinPath(PATH, 'conds'),
        cellType ?? null,
        `matches cell gid ${d.cells.gid[c]}, whose cellType ${cellType === undefined ? 'is missing' : `'${String(cellType)}' is not a cellParams label`}: NetPyNE 1.1 raises KeyError there (CompartCell.createNEURONObj looks up netParams.cellParams[cellType]); label the cell rule with the cellType`,
      );
    }
    for (const [name, edit] of Object.entries(secs)) {
      checkSectionEdit(joinPath(joinPath(PATH, 'secs'), name), d.templates[t], name, edit as Record<string, unknown>, {
        label: cellType as string,
        section: rule.secs?.[name],
        catalog,
      });
    }
  }
}

function checkSecLists(value: unknown): Record<string, string[]> {
  const path = joinPath(PATH, 'secLists');
  const lists = asObject(path, value);
  for (const [name, list] of Object.entries(lists)) {
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) throw new ModifyError(joinPath(path, name), list, 'expected a list of section names');
  }
  return lists as Record<string, string[]>;
}

/** Whether an artificial cell would match (only to report it; NetPyNE never checks them). */
function quietMatch(conds: Conds, d: NetworkData, c: number): boolean {
  try {
    return conditionsMet(conds, cellTagReader(d, c), d.cells.gid[c]);
  } catch {
    return false;
  }
}

function warn(d: NetworkData, secs: Record<string, unknown>, secLists: unknown, pointCells: number, count: number): void {
  if (pointCells > 0) d.warnings.push(`modifyCells: ${pointCells} artificial cell(s) match conds and are left unchanged (NetPyNE's PointCell has no modify)`);
  if (count === 0) return;
  const noEffect = new Set<string>();
  for (const edit of Object.values(secs) as Array<Record<string, unknown>>) {
    for (const key of ['spikeGenLoc', 'threshold', 'weightNorm']) if (edit[key] !== undefined) noEffect.add(key);
    for (const label of Object.keys((edit.pointps ?? {}) as object)) {
      d.warnings.push(
        `modifyCells: pointps.${label} is created anew with NEURON's defaults for every parameter not given (NetPyNE's CompartCell._addPointProcesses makes a new object); give all parameters to keep the others`,
      );
    }
  }
  if (secLists) noEffect.add('secLists');
  if (noEffect.size > 0) {
    d.warnings.push(
      `modifyCells: ${[...noEffect].join(', ')} only change cell.secs / cell.secLists: NetPyNE sets the spike detector and connection weights when the network is created, so the simulation is unchanged`,
    );
  }
}
