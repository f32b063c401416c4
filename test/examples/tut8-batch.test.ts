import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { runBatch } from '../../src/batch/node-batch.ts';

// examples/tut8: NetPyNE tutorial 8's grid (cfg.synMechTau2 x cfg.connWeight, 3 x 3,
// batchLabel tauWeight) on the CPU backend; every job's spikes are NetPyNE 1.1.0's for that
// combination on NEURON 8.2.2, spike for spike (test/data/netpyne/tut8, made with the oracle
// and cross-checked against NetPyNE's own batch run).

const root = resolve(__dirname, '../..');

it("runs the nine tauWeight jobs, each spike for spike NetPyNE's", async () => {
  const out = mkdtempSync(join(tmpdir(), 'spikegpu-tut8-'));
  const report = await runBatch(join(root, 'examples/tut8/batch.json'), { outDir: out, backend: 'cpu' });
  expect(report.failed).toEqual([]);
  expect(report.jobs.map((j) => j.job)).toEqual(['0_0', '0_1', '0_2', '1_0', '1_1', '1_2', '2_0', '2_1', '2_2'].map((ij) => `tauWeight_${ij}`));
  for (const { job } of report.jobs) {
    const saved = JSON.parse(readFileSync(join(out, 'tut8_data', `${job}_data.json`), 'utf8'));
    const ref = JSON.parse(readFileSync(join(root, 'test/data/netpyne/tut8', `${job}.spikes.json`), 'utf8'));
    expect(saved.simConfig).toMatchObject({ synMechTau2: ref.synMechTau2, connWeight: ref.connWeight });
    expect(saved.simData.spkt).toEqual(ref.spkt);
    expect(saved.simData.spkid).toEqual(ref.spkid);
  }
  // tutorial 8's analysis: M's mean rate per (synMechTau2, connWeight), from NetPyNE's spikes (M is gids 20-39, 1 s)
  const mRate = (i: number, j: number) => {
    const ref = JSON.parse(readFileSync(join(root, 'test/data/netpyne/tut8', `tauWeight_${i}_${j}.spikes.json`), 'utf8'));
    return ref.spkid.filter((g: number) => g >= 20).length / 20;
  };
  expect(report.rates?.params).toEqual(['synMechTau2', 'connWeight']);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(report.rates?.rates.M[i][j]).toBeCloseTo(mRate(i, j), 10);
  for (const file of ['tauWeight_rates.json', 'tauWeight_matrix_synMechTau2_connWeight_M.png', 'tauWeight_lines_synMechTau2_connWeight_M.png'])
    expect(readFileSync(join(out, 'tut8_data', file)).length).toBeGreaterThan(100);
}, 300_000);
