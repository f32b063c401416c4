import { type CompiledExpr, compileExpression, ExprError, stimContext } from '../expr/index.ts';
import { hashList, hashStr, NeuronRandom } from '../rng/index.ts';
import {
  CONN_RANGES,
  inRange,
  joinPath,
  mechanismRange,
  type NetParamsData,
  numericNetParams,
  PARAM_ALIASES,
  type SimConfigData,
  STIM_STRING_FUNC_PARAMS,
  type StimSourceParams,
  type StimTargetParams,
  type ValueRange,
} from '../spec/index.ts';
import type { CellsResult } from './cells.ts';
import { stableOrderBy } from './columns.ts';
import { type ConnBuilder, newRequest } from './conn-builder.ts';
import { runFunction } from './conn-params.ts';
import { NetworkBuildError } from './errors.ts';
import { resolveSections } from './placement.ts';
import { selectCells } from './select.ts';
import type { StimTable } from './types.ts';

export interface StimRows {
  cell: number[];
  target: number[];
  params: Record<string, unknown>[];
  /** Random123 ids of each NetStim's noise stream (0s for other stims). */
  streamIds: number[];
}

export function addStims(built: CellsResult, net: NetParamsData, cfg: SimConfigData, builder: ConnBuilder, warnings: string[]): StimTable {
  const rows: StimRows = { cell: [], target: [], params: [], streamIds: [] };
  const sources = net.stimSourceParams as Record<string, StimSourceParams>;
  const targets = Object.entries(net.stimTargetParams as Record<string, StimTargetParams>);
  if (Object.keys(sources).length === 0 || targets.length === 0) return finishStims(rows, built.cells.count);
  const constants = numericNetParams(net);
  const copied = net.popTagsCopiedToCells ?? [];
  const ignoredPointCells = new Set<string>();
  targets.forEach(([label, target], targetIndex) => {
    const path = joinPath('netParams.stimTargetParams', label);
    const source = sources[target.source];
    let cells = selectCells(target.conds ?? {}, built.pops, built.cells, copied, ['cellList']);
    const cellList = target.conds?.cellList;
    if (Array.isArray(cellList)) {
      for (const i of cellList)
        if (i >= cells.length)
          throw new NetworkBuildError(joinPath(joinPath(path, 'conds'), 'cellList'), i, `index out of range (${cells.length} matching cells)`);
      const keep = new Set(cellList.map((i) => cells[i]));
      cells = cells.filter((c) => keep.has(c));
    }
    const gids = cells.map((c) => built.cells.gid[c]);
    const ruleRand = new NeuronRandom(hashStr(`stim_${source.type}`), hashList(gids), cfg.seeds.stim);
    const sourcePath = joinPath('netParams.stimSourceParams', target.source);
    const pathOf = (name: string) => joinPath(Object.hasOwn(target, name) ? path : sourcePath, name);
    const lists = evaluateStringParams({ ...source, ...target }, cells, ruleRand, constants, pathOf, built);
    cells.forEach((c, k) => {
      const params: Record<string, unknown> = {
        label,
        source: target.source,
        sec: target.sec ?? null,
        // NetPyNE 1.1 leaves a missing loc as None: NetStim synapses then use the placement defaults
        loc: lists.get('loc')?.[k] ?? target.loc ?? null,
      };
      if (source.type === 'NetStim') {
        params.weight = lists.get('weight')?.[k] ?? target.weight ?? 1.0;
        params.delay = lists.get('delay')?.[k] ?? target.delay ?? 1.0;
        params.synsPerConn = lists.get('synsPerConn')?.[k] ?? target.synsPerConn ?? 1;
        params.synMech = target.synMech ?? null;
        for (const p of ['Weight', 'Delay', 'Loc'])
          if (target[`synMech${p}Factor` as keyof StimTargetParams] !== undefined)
            params[`synMech${p}Factor`] = target[`synMech${p}Factor` as keyof StimTargetParams];
      }
      for (const [key, value] of Object.entries(source)) params[key] = lists.get(key)?.[k] ?? value;
      if (built.cells.template[c] < 0) {
        ignoredPointCells.add(label);
        return;
      }
      if (source.type === 'NetStim') addNetStimPerSynMech(params, c, targetIndex, path, built, cfg, builder, rows);
      else addClamp(params, c, targetIndex, path, built, rows);
    });
  });
  for (const label of ignoredPointCells)
    warnings.push(`netParams.stimTargetParams.${label}: targets artificial cells, which NetPyNE gives no stimulation (PointCell has no addStim); ignored`);
  warnNetStimQuirk(rows, built, cfg, warnings);
  return finishStims(rows, built.cells.count);
}

/** stim.py _stimStrToFunc: each string parameter over the target cells (ascending gid), from the target's stream; `pathOf` names where a parameter was given. */
function evaluateStringParams(
  params: Record<string, unknown>,
  cells: Int32Array,
  rand: NeuronRandom,
  constants: Record<string, number>,
  pathOf: (name: string) => string,
  built: CellsResult,
): Map<string, number[]> {
  const lists = new Map<string, number[]>();
  const env = new Float64Array(6);
  for (const name of STIM_STRING_FUNC_PARAMS) {
    const source = params[name];
    if (typeof source !== 'string' || source === 'variable') continue;
    const p = pathOf(name);
    let fn: CompiledExpr;
    try {
      fn = compileExpression(source, stimContext(name, constants));
    } catch (e) {
      if (e instanceof ExprError) throw new NetworkBuildError(p, source, e.message);
      throw e;
    }
    const range = stimParamRange(params.type as string, name);
    const values: number[] = [];
    for (const c of cells) {
      const tags = [built.cells.x[c], built.cells.y[c], built.cells.z[c], built.cells.xnorm[c], built.cells.ynorm[c], built.cells.znorm[c]];
      for (const slot of fn.slots) env[slot] = tags[slot];
      values.push(runFunction(fn, env, rand, range, p, -1, c, built.cells));
    }
    lists.set(name, values);
  }
  return lists;
}

/**
 * The range of a stimulation parameter: a NetStim target's connection settings and any loc as connections', else the source mechanism's.
 * Stimulus sources are always built-ins: NetPyNE's addStim makes only IClamp, VClamp, SEClamp, AlphaSynapse and NetStim.
 */
function stimParamRange(type: string, name: string): ValueRange {
  if (name === 'loc' || (type === 'NetStim' && Object.hasOwn(CONN_RANGES, name))) return CONN_RANGES[name as keyof typeof CONN_RANGES];
  return mechanismRange(type, PARAM_ALIASES[type]?.[name] ?? name);
}

/** stim.py _addCellStim: one addStim per synMech (lists per synMech, or synMech*Factor scaling). */
function addNetStimPerSynMech(
  stimParam: Record<string, unknown>,
  cell: number,
  target: number,
  path: string,
  built: CellsResult,
  cfg: SimConfigData,
  builder: ConnBuilder,
  rows: StimRows,
): void {
  const synMechs = Array.isArray(stimParam.synMech) ? (stimParam.synMech as string[]) : [stimParam.synMech as string | null];
  synMechs.forEach((synMech, i) => {
    const pick = (param: 'weight' | 'delay' | 'loc'): unknown => {
      const v = stimParam[param];
      if (synMechs.length > 1) {
        if (Array.isArray(v)) return v[i];
        const factor = stimParam[`synMech${param[0].toUpperCase()}${param.slice(1)}Factor`] as number[] | undefined;
        if (factor) return (v as number) * factor[i];
      }
      return v;
    };
    const params = { ...stimParam, synMech, loc: pick('loc'), weight: pick('weight'), delay: pick('delay') };
    addNetStim(params, cell, target, path, built, cfg, builder, rows);
  });
}

/** CompartCell.addStim for a NetStim source: NetPyNE's defaults, then addConn with one NetStim per synapse. */
function addNetStim(
  params: Record<string, unknown>,
  cell: number,
  target: number,
  path: string,
  built: CellsResult,
  cfg: SimConfigData,
  builder: ConnBuilder,
  rows: StimRows,
): void {
  const template = built.templates[built.cells.template[cell]];
  const { sections } = resolveSections(template, params.sec);
  const sec =
    Array.isArray(params.sec) || (typeof params.sec === 'string' && template.secLists.has(params.sec)) ? params.sec : template.sections[sections[0]].name;
  const netStim = {
    source: params.source,
    type: 'NetStim',
    rate: params.rate !== undefined ? params.rate : 1000.0 / (params.interval as number),
    noise: params.noise ?? 0.0,
    number: params.number ?? 1e9,
    start: params.start ?? 0,
    seed: params.seed ?? cfg.seeds.stim,
  };
  const request = newRequest();
  request.pre = -1;
  request.preGid = -1;
  request.post = cell;
  request.rule = -1;
  request.stim = rows.cell.length;
  request.sec = sec;
  request.loc = (params.loc ?? null) as number | number[] | null;
  request.synMech = (params.synMech ?? null) as string | null;
  request.weight = (params.weight ?? null) as number | null;
  request.delay = (params.delay ?? null) as number | null;
  request.synsPerConn = (params.synsPerConn ?? null) as number | null;
  request.path = path;
  request.connRandomSecFromList = cfg.connRandomSecFromList;
  request.distributeSynsUniformly = cfg.distributeSynsUniformly;
  const created = builder.add(request);
  const gid = built.cells.gid[cell];
  for (let i = 0; i < created; i++) {
    rows.cell.push(cell);
    rows.target.push(target);
    rows.params.push({ ...netStim });
    rows.streamIds.push(...netStimStreamIds(netStim.seed as number, gid, cfg, path, i));
  }
}

/**
 * The noise stream of a NetStim (sim/run.py preRun): Random123(hashStr('NetStim'), gid, seed)
 * for every NetStim on a cell (NetPyNE 1.1's shared-stream quirk), or, with
 * netpyneQuirks.sharedNetStimStream false, one stream per target rule and synapse.
 */
function netStimStreamIds(seed: number, gid: number, cfg: SimConfigData, path: string, synapse: number): [number, number, number] {
  if (cfg.netpyneQuirks.sharedNetStimStream) return [hashStr('NetStim'), gid, seed];
  return [hashStr(`NetStim ${path} ${synapse}`), gid, seed];
}

/** IClamp, VClamp, SEClamp, AlphaSynapse: recorded with the resolved section and loc. */
function addClamp(params: Record<string, unknown>, cell: number, target: number, path: string, built: CellsResult, rows: StimRows): void {
  const template = built.templates[built.cells.template[cell]];
  const sec = params.sec;
  if (!sec || (typeof sec === 'string' && !template.sectionIndex.has(sec) && !template.secLists.has(sec))) {
    params.sec = template.sectionIndex.has('soma') ? 'soma' : template.sections[0].name;
  } else if (typeof sec !== 'string' || !template.sectionIndex.has(sec)) {
    throw new NetworkBuildError(joinPath(path, 'sec'), sec, `${params.type} needs a single section name`);
  }
  // NetPyNE 1.1 crashes on a clamp without loc (IClamp(sec(None))); the documented default is 0.5.
  if (params.loc === null) params.loc = 0.5;
  if (typeof params.loc !== 'number' || !inRange(CONN_RANGES.loc, params.loc))
    throw new NetworkBuildError(joinPath(path, 'loc'), params.loc, `expected ${CONN_RANGES.loc.expected}`);
  rows.cell.push(cell);
  rows.target.push(target);
  rows.params.push(params);
  rows.streamIds.push(0, 0, 0);
}

function warnNetStimQuirk(rows: StimRows, built: CellsResult, cfg: SimConfigData, warnings: string[]): void {
  if (!cfg.netpyneQuirks.sharedNetStimStream) return;
  const perCell = new Map<number, number>();
  rows.params.forEach((p, i) => {
    if (p.type === 'NetStim' && (p.noise as number) > 0) perCell.set(rows.cell[i], (perCell.get(rows.cell[i]) ?? 0) + 1);
  });
  const shared = [...perCell.entries()].filter(([, n]) => n > 1);
  if (shared.length === 0) return;
  warnings.push(
    `NetPyNE quirk: ${shared.length} cell(s) (e.g. gid ${built.cells.gid[shared[0][0]]}) have several noisy NetStims, which NetPyNE 1.1 all drives from one random stream Random123(hashStr('NetStim'), gid, seed), so their trains are copies of each other scaled by rate; set simConfig.netpyneQuirks.sharedNetStimStream = false for independent streams`,
  );
}

function finishStims(rows: StimRows, cellCount: number): StimTable {
  const cell = Int32Array.from(rows.cell);
  const { order, starts } = stableOrderBy(cell, cell.length, cellCount);
  return {
    count: rows.cell.length,
    cell,
    byCell: order,
    cellStart: starts,
    target: Int32Array.from(rows.target),
    params: rows.params,
    streamIds: Uint32Array.from(rows.streamIds),
  };
}
