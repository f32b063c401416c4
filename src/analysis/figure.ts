import type { Network } from '../network/index.ts';
import type { SimData } from '../sim/sim-data.ts';
import type { SimConfigData } from '../spec/index.ts';
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
  /** Where the entry's saveData asks for `data` to be written, as JSON (set by analyze). */
  dataFile?: string;
}

/** A figure option with a value spikegpu cannot use: its path, the value and what was expected. */
export class OptionError extends Error {
  constructor(
    readonly path: string,
    readonly value: unknown,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'OptionError';
  }
}

/**
 * Keyword arguments every NetPyNE plotting function takes. showFig does nothing (there is no
 * screen); saveData writes the figure's data as JSON (see figureDataFile).
 */
export const COMMON_OPTIONS = {
  figSize: [10, 8] as unknown,
  dpi: 100 as unknown,
  fontSize: 12 as unknown,
  saveFig: null as unknown,
  showFig: null as unknown,
  saveData: null as unknown,
};

/** What every figure's options share once read: pixel size, font size, the keys ignored. */
export interface CommonOptions {
  size: { width: number; height: number; dpi: number };
  fontSize: number; // [px]
  /** Keys that are not options of the figure: NetPyNE hands them to matplotlib, spikegpu ignores them. */
  ignored: string[];
}

/**
 * Options of `fn` at `path`: `given` over `defaults`; a key that is not an option is listed in
 * `ignored` (NetPyNE passes extra keywords on to matplotlib, e.g. lw); `unsupported` keys are
 * errors saying so when set. Also checks the common ones (figSize, dpi, fontSize, saveData).
 */
export function readOptions<T extends Record<string, unknown>>(
  path: string,
  given: unknown,
  defaults: T,
  unsupported: readonly string[] = [],
): T & typeof COMMON_OPTIONS & CommonOptions {
  const all = { ...COMMON_OPTIONS, ...defaults };
  const ignored: string[] = [];
  if (given !== true && given !== undefined) {
    if (typeof given !== 'object' || given === null || Array.isArray(given))
      throw new OptionError(path, given, `${JSON.stringify(given)} is not true or an object of options`);
    for (const [k, v] of Object.entries(given)) {
      if (unsupported.includes(k)) {
        if (v !== null && v !== false && v !== undefined) throw new OptionError(`${path}.${k}`, v, `not supported by spikegpu yet (got ${JSON.stringify(v)})`);
        continue;
      }
      if (!Object.hasOwn(all, k)) ignored.push(k);
    }
  }
  const o = { ...all, ...(given === true || given === undefined ? {} : (given as object)) } as T & typeof COMMON_OPTIONS;
  const saveData = o.saveData;
  if (saveData !== null && saveData !== undefined && typeof saveData !== 'boolean' && typeof saveData !== 'string')
    throw new OptionError(`${path}.saveData`, saveData, 'expected true/false or a file name');
  const size = pixelSize(path, o.figSize, o.dpi);
  const fontSize = numberOption(`${path}.fontSize`, o.fontSize, (x) => x > 0, 'a font size');
  return { ...o, size, fontSize, ignored };
}

/** Figure size [px] from figSize [inches] and dpi. */
function pixelSize(path: string, figSize: unknown, dpi: unknown): { width: number; height: number; dpi: number } {
  if (!Array.isArray(figSize) || figSize.length !== 2 || !figSize.every((x) => typeof x === 'number' && x > 0))
    throw new OptionError(`${path}.figSize`, figSize, `${JSON.stringify(figSize)} is not [width, height] in inches`);
  if (typeof dpi !== 'number' || !(dpi > 0)) throw new OptionError(`${path}.dpi`, dpi, `${JSON.stringify(dpi)} is not a positive number`);
  return { width: Math.round(figSize[0] * dpi), height: Math.round(figSize[1] * dpi), dpi };
}

/** NetPyNE's file for a figure: saveFig if a string, else `<filename><suffix>`. */
export function figureFile(input: FigureInput, saveFig: unknown, suffix: string): string {
  return typeof saveFig === 'string' && saveFig.length > 0 ? saveFig : `${input.net.data.simConfig.filename}${suffix}`;
}

/**
 * saveData's file for figure k of an entry: a given name (with .json: spikegpu writes JSON where
 * NetPyNE 1.1 writes pickle files), numbered after the first figure; or, for saveData true,
 * the figure's file with '_data.json' for its extension.
 */
export function dataFileOf(saveData: unknown, figureFile: string, k: number): string | undefined {
  if (typeof saveData === 'string' && saveData.length > 0) {
    const stem = saveData.replace(/\.(json|pkl)$/i, '');
    return k === 0 ? `${stem}.json` : `${stem}_${k}.json`;
  }
  return saveData ? `${figureFile.replace(/\.[a-z]+$/i, '')}_data.json` : undefined;
}

/** [t0, t1] from timeRange (default the whole run). */
export function timeRange(path: string, cfg: SimConfigData, value: unknown): [number, number] {
  if (value === null || value === undefined) return [0, cfg.duration];
  if (Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'number') && value[0] < value[1]) return [value[0], value[1]];
  throw new OptionError(`${path}.timeRange`, value, `${JSON.stringify(value)} is not [t0, t1] in ms with t0 < t1`);
}

export function numberOption(path: string, value: unknown, test: (x: number) => boolean, expected: string): number {
  if (typeof value !== 'number' || !test(value)) throw new OptionError(path, value, `${JSON.stringify(value)} is not ${expected}`);
  return value;
}

/** One of `choices`, else an OptionError naming them (`unsupported`: NetPyNE values spikegpu lacks). */
export function choiceOption<T extends string>(path: string, value: unknown, choices: readonly T[], unsupported = false): T {
  if (choices.includes(value as T)) return value as T;
  const list = choices.map((c) => `'${c}'`).join(', ');
  throw new OptionError(
    path,
    value,
    unsupported ? `${JSON.stringify(value)} is not supported by spikegpu yet (it draws ${list})` : `${JSON.stringify(value)} is not one of ${list}`,
  );
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
