import type { Network } from '../network/index.ts';
import type { SimData } from '../sim/sim-data.ts';
import type { Painter } from './draw/painter.ts';

// A figure of simConfig.analysis: its size, the file NetPyNE would save it to, how to draw it
// on a Painter, and the data it shows (NetPyNE's returned data dict).

export interface FigureInput {
  net: Network;
  simData: SimData;
}

export interface Figure {
  /** The analysis function, e.g. 'plotRaster'. */
  kind: string;
  /** NetPyNE's file name: saveFig when it is a string, else simConfig.filename + a suffix ('_raster.png'). */
  file: string;
  /** Whether saveFig asked for the file (the CLI writes every figure: it has no screen). */
  saveFig: boolean;
  width: number; // [px]
  height: number; // [px]
  draw(p: Painter): void;
  data: Record<string, unknown>;
}

/** Common keyword arguments of NetPyNE's plotting functions. */
export const COMMON_OPTIONS = { figSize: [10, 8] as unknown, dpi: 100 as unknown, fontSize: 12 as unknown, saveFig: null as unknown, showFig: null as unknown, saveData: null as unknown };

/**
 * Options of `fn` at `path`: `given` over `defaults`; a key that is not an option is an error
 * naming the known ones; `unsupported` keys are errors saying so when set.
 */
export function readOptions<T extends Record<string, unknown>>(path: string, given: unknown, defaults: T, unsupported: readonly string[] = []): T & typeof COMMON_OPTIONS {
  const all = { ...COMMON_OPTIONS, ...defaults };
  if (given === true || given === undefined) return all;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new Error(`${path}: ${JSON.stringify(given)} is not true or an object of options`);
  for (const [k, v] of Object.entries(given)) {
    if (unsupported.includes(k) || (k === 'saveData' && v)) {
      if (v !== null && v !== false && v !== undefined) throw new Error(`${path}.${k}: not supported by spikegpu (got ${JSON.stringify(v)})`);
      continue;
    }
    if (!(k in all)) throw new Error(`${path}.${k}: not an option of this figure (options: ${Object.keys(all).join(', ')})`);
  }
  return { ...all, ...(given as object) } as T & typeof COMMON_OPTIONS;
}

/** Figure size [px] from figSize [inches] and dpi. */
export function pixelSize(path: string, figSize: unknown, dpi: unknown): { width: number; height: number; dpi: number } {
  if (!Array.isArray(figSize) || figSize.length !== 2 || !figSize.every((x) => typeof x === 'number' && x > 0)) throw new Error(`${path}.figSize: ${JSON.stringify(figSize)} is not [width, height] in inches`);
  if (typeof dpi !== 'number' || !(dpi > 0)) throw new Error(`${path}.dpi: ${JSON.stringify(dpi)} is not a positive number`);
  return { width: Math.round(figSize[0] * dpi), height: Math.round(figSize[1] * dpi), dpi };
}

/** NetPyNE's file for a figure: saveFig if a string, else `<filename><suffix>`. */
export function figureFile(input: FigureInput, saveFig: unknown, suffix: string): string {
  return typeof saveFig === 'string' && saveFig.length > 0 ? saveFig : `${input.net.data.simConfig.filename}${suffix}`;
}

/** [t0, t1] from timeRange (default the whole run). */
export function timeRange(path: string, input: FigureInput, value: unknown): [number, number] {
  if (value === null || value === undefined) return [0, input.net.data.simConfig.duration];
  if (Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'number') && value[0] < value[1]) return [value[0], value[1]];
  throw new Error(`${path}.timeRange: ${JSON.stringify(value)} is not [t0, t1] in ms with t0 < t1`);
}

export function numberOption(path: string, value: unknown, test: (x: number) => boolean, expected: string): number {
  if (typeof value !== 'number' || !test(value)) throw new Error(`${path}: ${JSON.stringify(value)} is not ${expected}`);
  return value;
}

/** Python's '%.<p>g'. */
export function formatG(x: number, p: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(p)))));
  const strip = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= p) {
    const [m, e] = x.toExponential(p - 1).split('e');
    const n = Number(e);
    return `${strip(m)}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return strip(x.toFixed(Math.max(0, p - 1 - exp)));
}
