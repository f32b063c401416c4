import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulate } from '../../src/index.ts';
import { corpusModFolder } from '../helpers/mods.ts';

// The Traub cell of NetPyNE's import documentation (ModelDB 20756, Traub et al. 2003): one soma
// with all twelve of the model's mechanisms at its pyr3 soma densities, cellParams globals
// ceiling_cad = 1000 and the model's ion e values, driven by an IClamp (scripts/nmodl-refs/
// traub_cell.py). Its bursts, v, cai, the ion currents and the gating states are NEURON's, bit
// for bit, on the CPU backend.

const DATA = resolve(__dirname, '../data/nmodl');

describe('Traub cell (ModelDB 20756) with its own mod files', () => {
  it("reproduces NetPyNE + NEURON's spikes and traces", async () => {
    const { mechanisms } = corpusModFolder('modeldb/20756');
    const spec = JSON.parse(readFileSync(join(DATA, 'traub-cell.spec.json'), 'utf8'));
    const ref = JSON.parse(readFileSync(join(DATA, 'traub-cell.ref.json'), 'utf8'));
    const { simData } = await createSimulate(spec, { mechanisms, backend: 'cpu', precision: 'f64' });
    expect(simData.spkt).toEqual(ref.spkt);
    expect(simData.spkt.length).toBe(13);
    const traces = simData as unknown as Record<string, Record<string, number[]>>;
    for (const [trace, cells] of Object.entries<Record<string, number[]>>(ref.traces))
      expect(Array.from(traces[trace]?.cell_0 ?? []), trace).toEqual(cells.cell_0);
  });
});
