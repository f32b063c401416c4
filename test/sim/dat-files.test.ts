import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulateAnalyze } from '../../src/index.ts';
import { pyFloatRepr } from '../../src/sim/dat-files.ts';

// simConfig.saveDat: the trace files NetPyNE 1.1 writes (sim/save.py), byte for byte, from
// tutorial 2 run for 20 ms with two recorded cells (scripts/netpyne-refs/dat_ref.py).

const DIR = resolve(__dirname, '../data/netpyne/save_dat');

describe('saveDat', () => {
  it("writes NetPyNE's .dat files byte for byte", async () => {
    const { analysis } = await createSimulateAnalyze(readFileSync(resolve(DIR, 'spec.json'), 'utf8'), { backend: 'cpu' });
    const files = analysis.datFiles();
    expect(files.map((f) => f.name)).toEqual(['V_soma_cell_0.dat', 'V_soma_cell_5.dat']);
    for (const f of files) expect(f.text, f.name).toBe(readFileSync(resolve(DIR, f.name), 'utf8'));
  });

  it("formats floats as Python's repr", () => {
    const cases: Array<[number, string]> = [
      [0.1, '0.1'],
      [1e-5, '1e-05'],
      [1.5e-5, '1.5e-05'],
      [1e-4, '0.0001'],
      [123456789, '123456789.0'],
      [1e16, '1e+16'],
      [1.2345e16, '1.2345e+16'],
      [-0.065, '-0.065'],
      [100, '100.0'],
      [0.00012, '0.00012'],
      [(3 * 0.025) / 1000, '7.500000000000001e-05'],
      [0, '0.0'],
      [-0, '-0.0'],
    ];
    for (const [x, repr] of cases) expect(pyFloatRepr(x)).toBe(repr);
  });
});
