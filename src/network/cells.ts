import { type Catalog, type CellParams, joinPath, type NetParamsData, POP_STRUCTURE_KEYS, type PopParams, type SimConfigData } from '../spec/index.ts';
import { matchingRules } from './cell-rules.ts';
import { diversityFraction, setDiversityRanges } from './diversity.ts';
import { NetworkBuildError } from './errors.ts';
import { createPointCell } from './point-cells.ts';
import { type PopPositions, popPositions } from './positions.ts';
import { realiseTemplateCells } from './realise-cell.ts';
import { buildTemplate, type TemplateBuild } from './template.ts';
import type { CellTable, CellTemplate, PointCellTable, Population } from './types.ts';

export interface CellsResult {
  pops: Population[];
  cells: CellTable;
  templates: CellTemplate[];
  builds: TemplateBuild[];
  pointCells: PointCellTable;
  /** Position of each cell's 'cellParams' stream after its cell parameters (synMech functions continue it). */
  cellStream: Uint32Array;
}

/** Creates every population's cells in popParams order (which fixes gids and random streams). */
export function createCells(net: NetParamsData, cfg: SimConfigData, warnings: string[], catalog: Catalog): CellsResult {
  const popEntries = Object.entries(net.popParams) as Array<[string, PopParams]>;
  setDiversityRanges(net);
  const placed: Array<{ label: string; tags: Record<string, unknown>; positions: PopPositions; firstGid: number; point: PointPopInfo | null }> = [];
  let lastGid = 0;
  let total = 0;
  for (const [label, pop] of popEntries) {
    const tags: Record<string, unknown> = { ...pop, pop: label };
    const point = pointPopInfo(pop, tags, net, catalog);
    const positions = popPositions(label, pop, tags, net, lastGid, cfg.seeds.loc);
    placed.push({ label, tags, positions, firstGid: lastGid, point });
    lastGid += positions.gidStride;
    total += positions.count;
  }
  const cells = emptyCellTable(total);
  const pops: Population[] = [];
  let c = 0;
  for (const { label, tags, positions, firstGid, point } of placed) {
    pops.push({
      label,
      tags,
      kind: point ? 'point' : 'compartment',
      cellModel: point?.model ?? (tags.cellModel as string | undefined),
      firstCell: c,
      cellCount: positions.count,
    });
    for (let i = 0; i < positions.count; i++, c++) {
      cells.gid[c] = firstGid + i;
      cells.pop[c] = pops.length - 1;
      cells.x[c] = positions.x[i];
      cells.y[c] = positions.y[i];
      cells.z[c] = positions.z[i];
      cells.xnorm[c] = positions.xnorm[i];
      cells.ynorm[c] = positions.ynorm[i];
      cells.znorm[c] = positions.znorm[i];
      const extra = { ...(tags.diversity ? { fraction: diversityFraction(i, positions.count) } : {}), ...positions.cellTags?.[i] };
      if (Object.keys(extra).length > 0) cells.extraTags.set(c, extra);
    }
  }
  if (net.correctBorder) for (let k = 0; k < cells.count; k++) setBorderCorrection(net, pops[cells.pop[k]], cells, k);
  const cellStream = new Uint32Array(total);
  const { templates, builds } = assignTemplates(pops, cells, net, cfg, cellStream, catalog);
  const pointCells = createPointCells(
    pops,
    placed.map((p) => p.point),
    cells,
    net,
    cfg,
    warnings,
    catalog,
  );
  return { pops, cells, templates, builds, pointCells, cellStream };
}

/** Cell tags as NetPyNE builds them: popTagsCopiedToCells, pop, position, cellsList extras. */
export function cellTags(pops: Population[], cells: CellTable, c: number, copied: string[]): Record<string, unknown> {
  const pop = pops[cells.pop[c]];
  const tags: Record<string, unknown> = {};
  for (const key of copied) if (key !== 'params' && pop.tags[key] !== undefined) tags[key] = pop.tags[key];
  tags.pop = pop.label;
  Object.assign(tags, cells.extraTags.get(c) ?? {});
  tags.x = cells.x[c];
  tags.y = cells.y[c];
  tags.z = cells.z[c];
  tags.xnorm = cells.xnorm[c];
  tags.ynorm = cells.ynorm[c];
  tags.znorm = cells.znorm[c];
  return tags;
}

function assignTemplates(pops: Population[], cells: CellTable, net: NetParamsData, cfg: SimConfigData, cellStream: Uint32Array, catalog: Catalog) {
  const byKey = new Map<string, { index: number; build: TemplateBuild; cells: number[] }>();
  const copied = net.popTagsCopiedToCells ?? [];
  const cellParams = net.cellParams as Record<string, CellParams>;
  for (let c = 0; c < cells.count; c++) {
    const pop = pops[cells.pop[c]];
    if (pop.kind === 'point') {
      cells.template[c] = -1;
      continue;
    }
    const rules = matchingRules(cellParams, cellTags(pops, cells, c, copied), cells.gid[c]);
    if (rules.length === 0) {
      throw new NetworkBuildError(
        joinPath('netParams.popParams', pop.label),
        pop.tags.cellType,
        `no cellParams rule applies to cell gid ${cells.gid[c]} (cellType ${String(pop.tags.cellType)}): the cell would have no sections`,
      );
    }
    const key = rules.join('\u0000');
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { index: byKey.size, build: buildTemplate(rules, net, catalog), cells: [] }));
    cells.template[c] = entry.index;
    cells.row[c] = entry.cells.length;
    entry.cells.push(c);
  }
  const templates: CellTemplate[] = [];
  const builds: TemplateBuild[] = [];
  for (const { index, build, cells: members } of byKey.values()) {
    const template: CellTemplate = { ...build.template, index, cells: Int32Array.from(members) };
    realiseTemplateCells(build, template, cells, net, cfg, cellStream);
    templates.push(template);
    builds.push(build);
  }
  return { templates, builds };
}

interface PointPopInfo {
  model: string;
  params: Record<string, unknown>;
  fromPop: Set<string>;
}

/** The artificial-cell model (NetStim, VecStim, IntFire...) of a pop's cells, from the pop or its cellType's rule; null for compartmental cells. */
export function artificialModel(pop: PopParams, net: NetParamsData, catalog: Catalog): string | null {
  const rule = typeof pop.cellType === 'string' ? (net.cellParams[pop.cellType] as CellParams | undefined) : undefined;
  const model = typeof pop.cellModel === 'string' ? pop.cellModel : rule?.cellModel;
  return model && catalog.get(model)?.kinds.includes('artificialCell') ? model : null;
}

/** pop.py __handlePointCellParams: which params a point population's cells get. */
function pointPopInfo(pop: PopParams, tags: Record<string, unknown>, net: NetParamsData, catalog: Catalog): PointPopInfo | null {
  const rule = typeof pop.cellType === 'string' ? (net.cellParams[pop.cellType] as CellParams | undefined) : undefined;
  const model = artificialModel(pop, net, catalog);
  if (!model) return null;
  const own =
    pop.params && typeof pop.params === 'object' ? { ...pop.params } : Object.fromEntries(Object.entries(pop).filter(([k]) => !POP_STRUCTURE_KEYS.includes(k)));
  const params: Record<string, unknown> = { ...own };
  for (const [k, v] of Object.entries(rule?.params ?? {})) if (!(k in params)) params[k] = v;
  tags.cellModel = model;
  for (const k of Object.keys(own)) if (k !== 'params') delete tags[k];
  tags.params = params;
  return { model, params, fromPop: new Set(Object.keys(own)) };
}

function createPointCells(
  pops: Population[],
  infos: Array<PointPopInfo | null>,
  cells: CellTable,
  net: NetParamsData,
  cfg: SimConfigData,
  warnings: string[],
  catalog: Catalog,
): PointCellTable {
  const members: number[] = [];
  const model: string[] = [];
  const params: Record<string, unknown>[] = [];
  const mechParams: Record<string, number>[] = [];
  const trains: Float64Array[] = [];
  pops.forEach((pop, p) => {
    const info = infos[p];
    if (!info) return;
    const ignored = new Set<string>();
    for (let i = 0; i < pop.cellCount; i++) {
      const c = pop.firstCell + i;
      const perCell = { ...info.params };
      const spkTimes = pop.tags.spkTimes as number[] | number[][] | undefined;
      if (spkTimes !== undefined) perCell.spkTimes = Array.isArray(spkTimes[0]) ? (spkTimes as number[][])[i] : spkTimes;
      // pop.py createCellsList: a VecStim cell of a cellsList takes its entry's spkTimes
      const listed = (pop.tags.cellsList as Array<Record<string, unknown>> | undefined)?.[i];
      if (listed && info.model === 'VecStim') perCell.spkTimes = listed.spkTimes;
      const result = createPointCell(
        {
          cell: c,
          gid: cells.gid[c],
          pop: pop.label,
          cellType: pop.tags.cellType as string | undefined,
          model: info.model,
          params: perCell,
          fromPop: info.fromPop,
          position: { x: cells.x[c], y: cells.y[c], z: cells.z[c], xnorm: cells.xnorm[c], ynorm: cells.ynorm[c], znorm: cells.znorm[c] },
        },
        net,
        cfg,
        joinPath('netParams.popParams', pop.label),
        catalog,
      );
      result.ignoredStrings.forEach((s) => ignored.add(s));
      cells.template[c] = -1;
      cells.row[c] = members.length;
      members.push(c);
      model.push(info.model);
      params.push(result.params);
      mechParams.push(result.mechParams);
      trains.push(result.spikeTimes ?? new Float64Array(0));
    }
    for (const name of ignored) {
      warnings.push(
        `NetPyNE quirk (netParams.popParams.${pop.label}.${name}): a string function in the params of a population with a cellType is ignored by NetPyNE 1.1, so ${name} keeps NEURON's default; set simConfig.netpyneQuirks.ignorePopStringParams = false to evaluate it`,
      );
    }
  });
  const spikeStart = new Int32Array(members.length + 1);
  trains.forEach((t, r) => (spikeStart[r + 1] = spikeStart[r] + t.length));
  const spikeTimes = new Float64Array(spikeStart[members.length]);
  trains.forEach((t, r) => spikeTimes.set(t, spikeStart[r]));
  return { cells: Int32Array.from(members), model, params, mechParams, spikeStart, spikeTimes };
}

/** Cell.calculateCorrectBorderDist: how far inside each border threshold the cell sits (tag borderCorrect). */
function setBorderCorrection(net: NetParamsData, pop: Population, cells: CellTable, c: number): void {
  const settings = net.correctBorder as { threshold: number[]; [k: string]: unknown };
  const position = [cells.x[c], cells.y[c], cells.z[c]];
  const correction = (['x', 'y', 'z'] as const).map((coord, i) => {
    const size = coord === 'x' ? net.sizeX : coord === 'y' ? net.sizeY : net.sizeZ;
    let borders = [0, size];
    if (settings[`${coord}borders`]) borders = (settings[`${coord}borders`] as number[]).map((b) => b * size);
    else if (pop.tags[`${coord}Range`]) borders = pop.tags[`${coord}Range`] as number[];
    else if (pop.tags[`${coord}normRange`]) borders = (pop.tags[`${coord}normRange`] as number[]).map((b) => b * size);
    const distance = Math.min(...borders.map((b) => Math.abs(position[i] - b)));
    return Math.max(0, settings.threshold[i] - distance);
  });
  cells.extraTags.set(c, { ...(cells.extraTags.get(c) ?? {}), borderCorrect: correction });
}

function emptyCellTable(n: number): CellTable {
  return {
    count: n,
    gid: new Int32Array(n),
    pop: new Int32Array(n),
    template: new Int32Array(n),
    row: new Int32Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    z: new Float64Array(n),
    xnorm: new Float64Array(n),
    ynorm: new Float64Array(n),
    znorm: new Float64Array(n),
    extraTags: new Map(),
  };
}
