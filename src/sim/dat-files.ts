import type { SimConfigData } from '../spec/index.ts';
import type { SimData } from './sim-data.ts';

// simConfig.saveDat: NetPyNE's trace files (sim/save.py saveData): for every recordTraces key
// and recorded cell, '<trace>_cell_<gid>.dat' with lines '%s\t%s' % (i*dt/1000, value/1000),
// Python's repr of both floats. As in NetPyNE 1.1 the time column uses dt, not recordStep.

export interface DatFile {
  name: string;
  text: string;
}

export function datFiles(simData: SimData, cfg: SimConfigData): DatFile[] {
  const files: DatFile[] = [];
  for (const trace of Object.keys(cfg.recordTraces)) {
    const cells = (simData[trace] ?? {}) as Record<string, ArrayLike<number>>;
    for (const [cell, values] of Object.entries(cells)) {
      const lines: string[] = [];
      for (let i = 0; i < values.length; i++) lines.push(`${pyFloatRepr((i * cfg.dt) / 1000)}\t${pyFloatRepr(values[i] / 1000)}\n`);
      files.push({ name: `${trace}_${cell}.dat`, text: lines.join('') });
    }
  }
  return files;
}

/** Python's repr of a float: the shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, e] = x.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const point = exp + 1; // digits before the decimal point
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? `${digits}${'0'.repeat(point - digits.length)}.0`
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${body}` : body;
}
