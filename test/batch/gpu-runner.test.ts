import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { runBatch } from '../../src/batch/node-batch.ts';
import { stackModels, stackProblem } from '../../src/batch/stack.ts';
import { compile } from '../../src/compile/index.ts';
import { create, simulate } from '../../src/index.ts';
import { testDevice } from '../helpers/gpu.ts';

// runCfg.type 'gpu' (src/batch/gpu-runner.ts, stack.ts): the nine variants of tutorial 8 in ONE
// WebGPU run, each giving what it gives run alone on WebGPU (the same spikes: nothing connects
// variants, and each keeps its own order of events), and NetPyNE's spikes within the f32 bounds.

const root = resolve(__dirname, '../..');

it('runs the nine tut8 variants in one WebGPU run, each as it runs alone', async () => {
  const d = await testDevice();
  if (!d) return;
  const dir = mkdtempSync(join(tmpdir(), 'spikegpu-gpu-batch-'));
  cpSync(join(root, 'examples/tut8'), dir, { recursive: true });
  const batch = JSON.parse(readFileSync(join(dir, 'batch.json'), 'utf8'));
  batch.runCfg = { type: 'gpu' };
  writeFileSync(join(dir, 'batch.json'), JSON.stringify(batch));
  const report = await runBatch(join(dir, 'batch.json'), { outDir: dir, figures: false });
  expect(report.failed).toEqual([]);
  expect(report.jobs).toHaveLength(9);
  const netParams = JSON.parse(readFileSync(join(dir, 'netParams.json'), 'utf8')).netParams;
  const cfg = JSON.parse(readFileSync(join(dir, 'cfg.json'), 'utf8')).simConfig;
  for (const [i, tau2] of [3, 5, 7].entries())
    for (const [j, weight] of [0.005, 0.01, 0.15].entries()) {
      const label = `tauWeight_${i}_${j}`;
      const saved = JSON.parse(readFileSync(join(dir, 'tut8_data', `${label}_data.json`), 'utf8')).simData;
      const alone = await simulate(create({ netParams, simConfig: { ...cfg, synMechTau2: tau2, connWeight: weight } }), { backend: 'webgpu', device: d });
      expect(saved.spkt).toEqual(alone.simData.spkt);
      expect(saved.spkid).toEqual(alone.simData.spkid);
      expect(saved.V_soma).toEqual(alone.simData.V_soma);
      // and NetPyNE's spikes within the f32 bounds of the tutorials on WebGPU (webgpu-tutorials.test.ts):
      // per-population counts within 2 %, 95 % of NetPyNE's spikes matched within 0.1 ms
      const ref = JSON.parse(readFileSync(join(root, 'test/data/netpyne/tut8', `${label}.spikes.json`), 'utf8'));
      for (const cells of [
        [0, 20],
        [20, 40],
      ]) {
        const count = (ids: number[]) => ids.filter((g) => g >= cells[0] && g < cells[1]).length;
        expect(Math.abs(count(saved.spkid) - count(ref.spkid))).toBeLessThanOrEqual(0.02 * count(ref.spkid));
      }
      const matched = ref.spkid.filter((g: number, k: number) =>
        saved.spkid.some((h: number, m: number) => h === g && Math.abs(saved.spkt[m] - ref.spkt[k]) <= 0.1),
      ).length;
      expect(matched / ref.spkid.length).toBeGreaterThanOrEqual(0.95);
    }
}, 300_000);

it('refuses variants that cannot share a run, naming what differs', () => {
  const spec = (duration: number) => ({
    netParams: {
      cellParams: { PYR: { secs: { soma: { geom: { diam: 18.8, L: 18.8, Ra: 123 }, mechs: { hh: {} } } } } },
      popParams: { S: { cellType: 'PYR', numCells: 4 } },
    },
    simConfig: { duration, dt: 0.025 },
  });
  const variant = (duration: number) => compile(create(spec(duration)), { mergeSynapses: true });
  expect(stackProblem([variant(100), variant(200)])).toBe('variant 1 has steps 8000, variant 0 4000 (one value per WebGPU run)');
  const stacked = stackModels([variant(100), variant(100), variant(100)]);
  expect(stacked.model.cellCount).toBe(12);
  expect(stacked.cellStart).toEqual([0, 4, 8, 12]);
  expect(stacked.model.groups[0].count).toBe(12);
  expect(Array.from(stacked.model.groups[0].cell)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
});
