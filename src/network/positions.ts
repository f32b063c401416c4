import { compileExpression, densityContext, ExprRuntimeError } from '../expr/index.ts';
import { glibcPow } from '../math/libm.ts';
import { NeuronRandom } from '../rng/index.ts';
import { inRange, type NetParamsData, numericNetParams, POP_RANGES, type PopParams } from '../spec/index.ts';
import { drawnOutOfRange, NetworkBuildError } from './errors.ts';

// Cell positions of one population, exactly as NetPyNE's network/pop.py computes them.

export interface PopPositions {
  /** Cells actually created (numCells pops: int(scale * numCells)). */
  count: number;
  /** How far the gid counter moves (NetPyNE adds the unscaled numCells). */
  gidStride: number;
  xnorm: Float64Array;
  ynorm: Float64Array;
  znorm: Float64Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  /** Extra tags per cell (cellsList entries). */
  cellTags?: Record<string, unknown>[];
}

const COORDS = ['x', 'y', 'z'] as const;

export function popPositions(label: string, pop: PopParams, tags: Record<string, unknown>, net: NetParamsData, lastGid: number, seedLoc: number): PopPositions {
  if (pop.cellsList !== undefined) return cellsListPositions(pop, tags, net);
  if (pop.numCells !== undefined) return randomPositions(pop.numCells, Math.trunc(net.scale * pop.numCells), tags, net, lastGid, seedLoc, null);
  if (pop.density !== undefined) return densityPositions(label, pop, tags, net, lastGid, seedLoc);
  if (pop.gridSpacing !== undefined) return gridPositions(pop, tags, net);
  tags.numCells = 1;
  return randomPositions(1, Math.trunc(net.scale * 1), tags, net, lastGid, seedLoc, null);
}

function sizeOf(net: NetParamsData, c: 'x' | 'y' | 'z'): number {
  return c === 'x' ? net.sizeX : c === 'y' ? net.sizeY : net.sizeZ;
}

/** pop.py createCellsFixedNum / the second half of createCellsDensity. */
function randomPositions(
  numCells: number,
  created: number,
  tags: Record<string, unknown>,
  net: NetParamsData,
  lastGid: number,
  seedLoc: number,
  densityLocs: { coord: number; values: number[] } | null,
): PopPositions {
  const rand = new NeuronRandom(numCells, lastGid, seedLoc);
  rand.uniform(0, 1); // draw #0 discarded by vec.setrand
  const locs = rand.setrand(numCells * 3); // cell i -> locs[3i..3i+2]
  const shape = net.shape;
  for (let i = 0; i < numCells; i++) {
    const o = 3 * i;
    if (shape === 'cylinder') {
      const rho = locs[o];
      const phi = 2 * Math.PI * locs[o + 2];
      locs[o] = (1 + Math.sqrt(rho) * Math.cos(phi)) / 2.0;
      locs[o + 2] = (1 + Math.sqrt(rho) * Math.sin(phi)) / 2.0;
    } else if (shape === 'ellipsoid') {
      const rho = glibcPow(locs[o], 1.0 / 3.0);
      const phi = 2 * Math.PI * locs[o + 1];
      const theta = Math.acos(2 * locs[o + 2] - 1);
      locs[o] = (1 + rho * Math.cos(phi) * Math.sin(theta)) / 2.0;
      locs[o + 1] = (1 + rho * Math.sin(phi) * Math.sin(theta)) / 2.0;
      locs[o + 2] = (1 + rho * Math.cos(theta)) / 2.0;
    }
  }
  COORDS.forEach((c, k) => {
    if (tags[`${c}Range`] !== undefined) tags[`${c}normRange`] = (tags[`${c}Range`] as number[]).map((v) => v / sizeOf(net, c));
    const normRange = tags[`${c}normRange`] as number[] | undefined;
    if (normRange) for (let i = 0; i < numCells; i++) locs[3 * i + k] = locs[3 * i + k] * (normRange[1] - normRange[0]) + normRange[0];
    if (densityLocs && densityLocs.coord === k) for (let i = 0; i < numCells; i++) locs[3 * i + k] = densityLocs.values[i];
  });
  const out = emptyPositions(created, numCells);
  for (let i = 0; i < created; i++) {
    out.xnorm[i] = locs[3 * i];
    out.ynorm[i] = locs[3 * i + 1];
    out.znorm[i] = locs[3 * i + 2];
    out.x[i] = net.sizeX * out.xnorm[i];
    out.y[i] = net.sizeY * out.ynorm[i];
    out.z[i] = net.sizeZ * out.znorm[i];
  }
  return out;
}

/**
 * [mm^3] The volume a density pop fills (pop.py createCellsDensity): the network's shape,
 * narrowed by the pop's ranges; sets the tags' normalised ranges from absolute ones.
 */
export function densityVolume(tags: Record<string, unknown>, net: NetParamsData): number {
  const { sizeX, sizeY, sizeZ, shape } = net;
  // written as NetPyNE writes it: Python evaluates left to right, as JavaScript does
  let volume =
    shape === 'cuboid'
      ? ((((sizeY / 1e3) * sizeX) / 1e3) * sizeZ) / 1e3
      : shape === 'cylinder'
        ? (((((sizeY / 1e3) * sizeX) / 1e3 / 2) * sizeZ) / 1e3 / 2) * Math.PI
        : ((((((sizeY / 1e3 / 2.0) * sizeX) / 1e3 / 2.0) * sizeZ) / 1e3 / 2.0) * Math.PI * 4.0) / 3.0;
  for (const c of COORDS) {
    if (tags[`${c}Range`] !== undefined) tags[`${c}normRange`] = (tags[`${c}Range`] as number[]).map((v) => v / sizeOf(net, c));
    const r = tags[`${c}normRange`] as number[] | undefined;
    if (r) volume = volume * (r[1] - r[0]);
  }
  return volume;
}

/** pop.py createCellsDensity: volume from the network shape and ranges; optional density function. */
function densityPositions(label: string, pop: PopParams, tags: Record<string, unknown>, net: NetParamsData, lastGid: number, seedLoc: number): PopPositions {
  const volume = densityVolume(tags, net);
  let densityLocs: { coord: number; values: number[] } | null = null;
  if (typeof pop.density === 'string') {
    if (net.shape !== 'cuboid')
      throw new NetworkBuildError(`netParams.popParams.${label}.density`, pop.density, 'density functions are only defined for cuboid networks (NetPyNE)');
    densityLocs = densityFunctionLocs(label, pop.density, tags, net, volume, lastGid, seedLoc);
    tags.numCells = densityLocs.values.length;
  } else {
    tags.numCells = Math.trunc((pop.density as number) * volume);
  }
  const n = tags.numCells as number;
  return randomPositions(n, n, tags, net, lastGid, seedLoc, densityLocs);
}

/** A pop's density function of one normalised coordinate, with that coordinate's range (pop.py createCellsDensity). */
export function densityFunction(label: string, source: string, tags: Record<string, unknown>, net: NetParamsData) {
  const context = densityContext(numericNetParams(net));
  const fn = compileExpression(source, context);
  if (fn.variables.length !== 1) {
    throw new NetworkBuildError(`netParams.popParams.${label}.density`, source, 'a density function must use exactly one of xnorm, ynorm, znorm');
  }
  const coordName = fn.variables[0];
  const coord = context.variables.indexOf(coordName);
  const range = tags[`${coordName}Range`] as [number, number] | undefined;
  if (!range)
    throw new NetworkBuildError(
      `netParams.popParams.${label}`,
      undefined,
      `density uses ${coordName}, so ${coordName}Range (or ${coordName[0]}Range) is required`,
    );
  const env = new Float64Array(3);
  const path = `netParams.popParams.${label}.density`;
  const density = (v: number) => {
    env[coord] = v;
    let d: number;
    try {
      d = fn.evaluate(env, null);
    } catch (e) {
      if (e instanceof ExprRuntimeError) throw new NetworkBuildError(path, source, `${e.message} (${coordName} = ${v})`);
      throw e;
    }
    if (!inRange(POP_RANGES.density, d)) throw drawnOutOfRange(path, source, d, POP_RANGES.density, `${coordName} = ${v}`);
    return d;
  };
  return { coord, range, density };
}

/** Rejection sampling of one coordinate by a density function (pop.py), numpy arange included. */
function densityFunctionLocs(
  label: string,
  source: string,
  tags: Record<string, unknown>,
  net: NetParamsData,
  volume: number,
  lastGid: number,
  seedLoc: number,
) {
  const { coord, range, density } = densityFunction(label, source, tags, net);
  const [lo, hi] = range;
  const maxDensity = densityMaximum(density, lo, hi);
  const maxCells = volume * maxDensity;
  const rand = new NeuronRandom(Math.trunc(maxDensity), lastGid, seedLoc);
  const count = Math.trunc(maxCells);
  const locsAll = new Float64Array(count);
  for (let i = 0; i < count; i++) locsAll[i] = lo + (hi - lo) * rand.uniform(0, 1);
  const values: number[] = [];
  const probs = Array.from(locsAll, (v) => density(v) / maxDensity);
  for (let i = 0; i < count; i++) if (probs[i] > rand.uniform(0, 1)) values.push(locsAll[i]);
  return { coord, values };
}

/** The numpy.arange arguments of each axis of a grid pop (pop.py createCellsGrid); sets the tags' ranges. */
export function gridAxes(pop: PopParams, tags: Record<string, unknown>, net: NetParamsData): Array<{ start: number; stop: number; step: number }> {
  const ranges = COORDS.map((c) => [0, sizeOf(net, c)]);
  COORDS.forEach((c, k) => {
    if (tags[`${c}normRange`] !== undefined) tags[`${c}Range`] = (tags[`${c}normRange`] as number[]).map((v) => v * sizeOf(net, c));
    if (tags[`${c}Range`] !== undefined) {
      tags[`${c}normRange`] = (tags[`${c}Range`] as number[]).map((v) => v / sizeOf(net, c));
      ranges[k] = [...(tags[`${c}Range`] as number[])];
    }
  });
  const spacing = Array.isArray(pop.gridSpacing) ? pop.gridSpacing : [pop.gridSpacing!, pop.gridSpacing!, pop.gridSpacing!];
  return ranges.map(([lo, hi], k) => ({ start: lo, stop: hi + 1, step: spacing[k] }));
}

/** pop.py createCellsGrid: every point of np.arange(lo, hi + 1, step) per axis, x outermost. */
function gridPositions(pop: PopParams, tags: Record<string, unknown>, net: NetParamsData): PopPositions {
  const [xs, ys, zs] = gridAxes(pop, tags, net).map((a) => npArange(a.start, a.stop, a.step));
  const n = xs.length * ys.length * zs.length;
  const out = emptyPositions(n, n);
  let i = 0;
  for (const x of xs)
    for (const y of ys)
      for (const z of zs) {
        out.x[i] = x;
        out.y[i] = y;
        out.z[i] = z;
        out.xnorm[i] = x / net.sizeX;
        out.ynorm[i] = y / net.sizeY;
        out.znorm[i] = z / net.sizeZ;
        i++;
      }
  tags.numCells = n;
  return out;
}

/** pop.py createCellsList: absolute or normalised coordinates per cell, missing ones 0. */
function cellsListPositions(pop: PopParams, tags: Record<string, unknown>, net: NetParamsData): PopPositions {
  const list = pop.cellsList!;
  tags.numCells = list.length;
  const out = emptyPositions(list.length, list.length);
  out.cellTags = [];
  list.forEach((cell, i) => {
    const t: Record<string, unknown> = { ...cell };
    for (const c of COORDS) {
      const size = sizeOf(net, c);
      if (typeof t[c] === 'number') t[`${c}norm`] = (t[c] as number) / size;
      else if (typeof t[`${c}norm`] === 'number') t[c] = (t[`${c}norm`] as number) * size;
      else t[`${c}norm`] = t[c] = 0;
    }
    out.x[i] = t.x as number;
    out.y[i] = t.y as number;
    out.z[i] = t.z as number;
    out.xnorm[i] = t.xnorm as number;
    out.ynorm[i] = t.ynorm as number;
    out.znorm[i] = t.znorm as number;
    for (const k of ['x', 'y', 'z', 'xnorm', 'ynorm', 'znorm']) delete t[k];
    out.cellTags!.push(t);
  });
  return out;
}

/**
 * numpy.arange for floats: ceil((stop - start)/step) values; [start, start + step, then
 * start + i*delta with delta = (start + step) - start] (numpy's DOUBLE_fill).
 */
export function npArange(start: number, stop: number, step: number): number[] {
  return Array.from({ length: npArangeLength(start, stop, step) }, (_, i) => npArangeValue(start, step, i));
}

/** How many values numpy.arange(start, stop, step) has. */
export function npArangeLength(start: number, stop: number, step: number): number {
  return Math.max(0, Math.ceil((stop - start) / step));
}

function npArangeValue(start: number, step: number, i: number): number {
  const second = start + step;
  return i === 0 ? start : i === 1 ? second : start + i * (second - start);
}

/** Where a density function samples its coordinate to find its maximum (pop.py): numpy.arange(lo, hi, 0.001). */
export const DENSITY_SAMPLE_STEP = 0.001;

/** The largest value of a density function over numpy.arange(lo, hi, 0.001), without making the array. */
export function densityMaximum(density: (v: number) => number, lo: number, hi: number): number {
  let max = -Infinity;
  const n = npArangeLength(lo, hi, DENSITY_SAMPLE_STEP);
  for (let i = 0; i < n; i++) max = Math.max(max, density(npArangeValue(lo, DENSITY_SAMPLE_STEP, i)));
  return max;
}

function emptyPositions(count: number, gidStride: number): PopPositions {
  return {
    count,
    gidStride,
    xnorm: new Float64Array(count),
    ynorm: new Float64Array(count),
    znorm: new Float64Array(count),
    x: new Float64Array(count),
    y: new Float64Array(count),
    z: new Float64Array(count),
  };
}
