import { type Catalog, type CellParams, joinPath, type NetParamsData, type PopParams, type SectionParams } from '../spec/index.ts';
import { ruleConditionsMet } from './cell-rules.ts';
import { artificialModel } from './cells.ts';
import { NetworkBuildError } from './errors.ts';
import { DENSITY_SAMPLE_STEP, densityFunction, densityMaximum, densityVolume, gridAxes, npArangeLength } from './positions.ts';
import { isPopLevel, popConditionsMet, popLevelTags } from './select.ts';

// How many cells each population will have and how many nodes each cell, from the spec alone
// (no allocation): NetPyNE's counts where they follow from numbers (numCells, cellsList,
// gridSpacing, density), an upper bound where a density function decides.

/** Where the estimate stops because a value alone is out of bounds (one line each). */
export interface LimitProblem {
  path: string;
  value: unknown;
  message: string;
}

export interface PopEstimate {
  label: string;
  path: string;
  /** Cells created (NetPyNE's int(scale * numCells) for numCells pops). */
  cells: number;
  /** Positions drawn: the unscaled numCells of a numCells pop, the candidates of a density function. */
  placed: number;
  /** How far the gid counter moves. */
  gidStride: number;
  /** What the count is made of, e.g. 'numCells 1e9 × scale 2'. */
  detail: string;
  /** The artificial-cell model, or null for compartmental cells. */
  model: string | null;
  /** Tags decided per population (pop, cellType, cellModel, ...). */
  tags: Record<string, unknown>;
  /** Nodes of one cell (NEURON's nseg + 1 per section, plus a root node); 0 for artificial cells. */
  nodesPerCell: number;
  /** The normalised [lo, hi] its cells are spread over, per axis (x, y, z). */
  normRanges: Array<[number, number]>;
  /** cellsList pops: each cell's tags and normalised position. */
  listed?: Array<Record<string, unknown>>;
}

/** Positions a density function may be sampled at to find its maximum (numpy.arange(lo, hi, 0.001): 1000 on [0, 1]). */
export const MAX_DENSITY_SAMPLES = 1e7;

export function estimatePops(net: NetParamsData, problems: LimitProblem[], catalog: Catalog): PopEstimate[] {
  const copied = net.popTagsCopiedToCells ?? [];
  return Object.entries(net.popParams as Record<string, PopParams>).map(([label, pop]) => {
    const path = joinPath('netParams.popParams', label);
    const model = artificialModel(pop, net, catalog);
    const tags: Record<string, unknown> = { ...pop, pop: label, ...(model ? { cellModel: model } : {}) };
    const count = popCount(label, pop, net, path, problems);
    const nodesPerCell = model ? 0 : cellNodes(net, tags);
    const listed = Array.isArray(pop.cellsList) ? pop.cellsList.map((c) => listedCell(c, net)) : undefined;
    return { label, path, model, tags: popTags(tags, copied), nodesPerCell, normRanges: normRanges(pop, net), listed, ...count };
  });
}

const AXES = ['x', 'y', 'z'] as const;

function sizeOf(net: NetParamsData, axis: (typeof AXES)[number]): number {
  return axis === 'x' ? net.sizeX : axis === 'y' ? net.sizeY : net.sizeZ;
}

/** The normalised range of each axis (an absolute xRange over the network's size, else xnormRange, else [0, 1]). */
function normRanges(pop: PopParams, net: NetParamsData): Array<[number, number]> {
  return AXES.map((a) => {
    const abs = pop[`${a}Range`];
    if (Array.isArray(abs)) return [abs[0] / sizeOf(net, a), abs[1] / sizeOf(net, a)];
    const norm = pop[`${a}normRange`];
    return Array.isArray(norm) ? [norm[0], norm[1]] : [0, 1];
  });
}

/** A cellsList entry's tags with both absolute and normalised coordinates (pop.py createCellsList). */
function listedCell(cell: Record<string, unknown>, net: NetParamsData): Record<string, unknown> {
  const t = { ...cell };
  for (const a of AXES) {
    if (typeof t[a] === 'number') t[`${a}norm`] = (t[a] as number) / sizeOf(net, a);
    else if (typeof t[`${a}norm`] === 'number') t[a] = (t[`${a}norm`] as number) * sizeOf(net, a);
    else t[a] = t[`${a}norm`] = 0;
  }
  return t;
}

function popTags(tags: Record<string, unknown>, copied: string[]): Record<string, unknown> {
  const keys = popLevelTags(copied);
  return Object.fromEntries(Object.entries(tags).filter(([k]) => keys.has(k)));
}

function popCount(label: string, pop: PopParams, net: NetParamsData, path: string, problems: LimitProblem[]) {
  if (Array.isArray(pop.cellsList)) {
    const n = pop.cellsList.length;
    return { cells: n, placed: n, gidStride: n, detail: `cellsList of ${n}` };
  }
  const scale = net.scale ?? 1;
  const scaled = (n: number, what: string) => ({
    cells: Math.trunc(scale * n),
    placed: n,
    gidStride: n,
    detail: `${what}${scale !== 1 ? ` × scale ${scale}` : ''}`,
  });
  if (typeof pop.numCells === 'number') return scaled(pop.numCells, `numCells ${formatCount(pop.numCells)}`);
  if (pop.density !== undefined) return densityCount(label, pop, net, path, problems);
  if (pop.gridSpacing !== undefined) {
    const axes = gridAxes(pop, { ...pop }, net).map((a) => npArangeLength(a.start, a.stop, a.step));
    const n = axes[0] * axes[1] * axes[2];
    return { cells: n, placed: n, gidStride: n, detail: `grid of ${axes.join(' × ')} (gridSpacing ${JSON.stringify(pop.gridSpacing)})` };
  }
  return scaled(1, 'one cell');
}

function densityCount(label: string, pop: PopParams, net: NetParamsData, path: string, problems: LimitProblem[]) {
  const tags: Record<string, unknown> = { ...pop };
  const volume = densityVolume(tags, net); // [mm^3]
  const where = `${formatCount(volume)} mm³`;
  if (typeof pop.density === 'number') {
    const n = Math.trunc(pop.density * volume);
    return { cells: n, placed: n, gidStride: n, detail: `density ${pop.density} × volume ${where}` };
  }
  // A density function: rejection sampling from int(volume * max density) candidates.
  const none = { cells: 0, placed: 0, gidStride: 0, detail: 'density function' };
  let fn: ReturnType<typeof densityFunction>;
  try {
    fn = densityFunction(label, String(pop.density), tags, net);
  } catch {
    return none; // reported by validation or when the network is built
  }
  const [lo, hi] = fn.range;
  const samples = npArangeLength(lo, hi, DENSITY_SAMPLE_STEP);
  if (!(samples <= MAX_DENSITY_SAMPLES)) {
    problems.push({
      path: joinPath(path, 'density'),
      value: pop.density,
      message: `its range [${lo}, ${hi}] is sampled every 0.001 to find the maximum density: ${formatCount(samples)} samples, more than the limit of ${formatCount(MAX_DENSITY_SAMPLES)}`,
    });
    return none;
  }
  let candidates: number;
  try {
    candidates = Math.trunc(volume * densityMaximum(fn.density, lo, hi));
  } catch (e) {
    if (!(e instanceof NetworkBuildError)) throw e;
    return none; // a density out of range: reported when the network is built
  }
  return { cells: candidates, placed: candidates, gidStride: candidates, detail: `density function, at most ${formatCount(candidates)} in ${where}` };
}

/**
 * Nodes of a cell of the pop: the sections of every cell rule whose conds its pop-level tags
 * meet (conds on positions or gids count as met: an upper bound), nseg + 1 nodes each
 * (compile/layout.ts) and a root node per section without a parent.
 */
function cellNodes(net: NetParamsData, tags: Record<string, unknown>): number {
  const nseg = new Map<string, number>();
  const parent = new Map<string, unknown>();
  for (const [label, rule] of Object.entries(net.cellParams as Record<string, CellParams>)) {
    if (rule.cellModel !== undefined || !ruleMayApply(label, rule, tags)) continue;
    for (const [name, sec] of Object.entries((rule.secs ?? {}) as Record<string, SectionParams>)) {
      const n = sec.geom?.nseg;
      nseg.set(name, typeof n === 'number' ? n : (nseg.get(name) ?? 1));
      if (sec.topol?.parentSec !== undefined) parent.set(name, sec.topol.parentSec);
    }
  }
  let nodes = 0;
  for (const [name, n] of nseg) nodes += n + 1 + (nseg.has(String(parent.get(name))) ? 0 : 1);
  return nodes;
}

function ruleMayApply(label: string, rule: CellParams, tags: Record<string, unknown>): boolean {
  const conds = rule.conds;
  if (!conds || Object.keys(conds).length === 0) return tags.cellType === label;
  return Object.entries(conds).every(([k, v]) => k === 'gid' || !(k in tags) || ruleConditionsMet({ [k]: v }, tags, -1));
}

/**
 * Cells matching conn / stim conds (select.ts): per population by its pop-level tags; then
 * per cell, exactly for cellsList pops, else as the fraction of the pop's range a position
 * range covers (cells are spread uniformly); other per-cell conds count as met.
 */
export function matchingCells(conds: Record<string, unknown> | undefined, pops: PopEstimate[], net: NetParamsData, ignore: string[] = []): number {
  const keys = popLevelTags(net.popTagsCopiedToCells ?? []);
  const perCell = Object.entries(conds ?? {}).filter(([k]) => !ignore.includes(k) && !isPopLevel(k, keys));
  const sizes = AXES.map((a) => sizeOf(net, a));
  let n = 0;
  for (const pop of pops) {
    if (!popConditionsMet(conds ?? {}, pop.label, pop.tags, keys, ignore)) continue;
    if (pop.listed) n += pop.listed.filter((cell) => perCell.every(([k, v]) => listedMatches(cell, k, v))).length;
    else n += pop.cells * perCell.reduce((f, [k, v]) => f * rangeFraction(pop.normRanges, sizes, k, v), 1);
  }
  return n;
}

function listedMatches(cell: Record<string, unknown>, key: string, cond: unknown): boolean {
  const value = cell[key];
  if (value === undefined) return false;
  if (POSITION_KEYS.includes(key)) return Array.isArray(cond) && (cond[0] as number) <= (value as number) && (value as number) < (cond[1] as number);
  return Array.isArray(cond) ? cond.includes(value) : cond === value;
}

const POSITION_KEYS = ['x', 'y', 'z', 'xnorm', 'ynorm', 'znorm'];

/** The fraction of a pop's cells (spread over `ranges`, normalised) inside a position range cond; 1 for other conds. */
function rangeFraction(ranges: Array<[number, number]>, sizes: number[], key: string, cond: unknown): number {
  const k = POSITION_KEYS.indexOf(key);
  if (k < 0 || !Array.isArray(cond)) return 1;
  const axis = k % 3;
  const [lo, hi] = ranges[axis];
  const scale = k < 3 ? sizes[axis] : 1;
  const [from, to] = [(cond[0] as number) / scale, (cond[1] as number) / scale];
  if (!(hi > lo)) return from <= lo && lo < to ? 1 : 0;
  return Math.max(0, Math.min(hi, to) - Math.max(lo, from)) / (hi - lo);
}

/** 1234567 -> '1.2e6', 1200 -> '1,200': short, and exact for small counts. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) < 1e5) return Number.isInteger(n) ? n.toLocaleString('en-US') : String(Number(n.toPrecision(3)));
  return n.toExponential(1).replace('e+', 'e');
}
