import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/node-batch.ts';
import { cdf, quantile, TpeSampler, type Trial } from '../../src/batch/tpe.ts';

// Method 'optuna' (src/batch/tpe.ts, a TPE sampler as Optuna's default): suggestions within the
// bounds and fixed by the seed, a better search than uniform draws on a smooth function with the
// same budget, accurate normal CDF and quantile, and a batch writing each trial and the best.

const sphere = (x: number[]) => x.reduce((s, v) => s + (v - 0.3) ** 2, 0);

function search(seed: number, n: number, f: (x: number[]) => number, uniformOnly = false): Trial[] {
  const s = new TpeSampler([0, 0], [1, 1], seed, false);
  const trials: Trial[] = [];
  for (let k = 0; k < n; k++) {
    const params = s.suggest(uniformOnly ? [] : trials);
    trials.push({ params, value: f(params) });
  }
  return trials;
}

describe('the TPE sampler', () => {
  it('suggests within the bounds, the same for a seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const a = search(seed, 15, sphere);
        for (const t of a) for (const v of t.params) expect(v >= 0 && v <= 1).toBe(true);
        expect(search(seed, 15, sphere)).toEqual(a);
      }),
      { numRuns: 20 },
    );
  });

  it('finds a better minimum than uniform draws with the same budget, on most seeds', () => {
    let wins = 0;
    const seeds = 20;
    for (let seed = 0; seed < seeds; seed++) {
      const best = (ts: Trial[]) => Math.min(...ts.map((t) => t.value));
      if (best(search(seed, 60, sphere)) < best(search(seed, 60, sphere, true))) wins++;
    }
    // past its STARTUP uniform trials TPE draws near the best ones: it wins on nearly every seed
    expect(wins).toBeGreaterThanOrEqual(17);
  });

  it('uses a normal CDF and quantile accurate to 1e-7', () => {
    expect(cdf(0)).toBeCloseTo(0.5, 7);
    expect(cdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(cdf(-3)).toBeCloseTo(0.0013498980316301, 7);
    for (const p of [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999999]) expect(cdf(quantile(p))).toBeCloseTo(p, 6);
  });
});

it('runs trials in rounds, writing each with its value and state, and the best', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spikegpu-optuna-'));
  cpSync(resolve(__dirname, '../../examples/optimization'), dir, { recursive: true });
  const batch = JSON.parse(readFileSync(join(dir, 'optuna.json'), 'utf8'));
  batch.optimCfg.maxiters = 6;
  batch.optimCfg.trialsPerRound = 3;
  writeFileSync(join(dir, 'optuna.json'), JSON.stringify(batch));
  const cfg = JSON.parse(readFileSync(join(dir, 'cfg.json'), 'utf8'));
  cfg.simConfig.duration = 500;
  cfg.simConfig.printPopAvgRates = [100, 500];
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify(cfg));
  const report = await runBatch(join(dir, 'optuna.json'), { outDir: dir });
  expect(report.failed).toEqual([]);
  expect(report.jobs.map((j) => j.job)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `gen_${n}/trial_${n}`));
  const trials = JSON.parse(readFileSync(join(dir, 'simple_optuna', 'simple_optuna_trials.json'), 'utf8'));
  expect(trials).toHaveLength(6);
  expect(trials.every((t: { state: string }) => t.state === 'COMPLETE')).toBe(true);
  const job = JSON.parse(readFileSync(join(dir, 'simple_optuna', 'gen_4', 'trial_4_cfg.json'), 'utf8')).simConfig;
  expect(job).toMatchObject({ ...trials[4].params, simLabel: 'trial_4' });
  const best = JSON.parse(readFileSync(join(dir, 'simple_optuna', 'simple_optuna_best.json'), 'utf8'));
  expect(best.fitness).toBe(Math.min(...trials.map((t: { value: number }) => t.value)));
  // resumed with skip: the same seed suggests the same trials, whose data is there
  batch.runCfg = { type: 'local', skip: true };
  writeFileSync(join(dir, 'optuna.json'), JSON.stringify(batch));
  const again = await runBatch(join(dir, 'optuna.json'), { outDir: dir });
  expect(again.jobs.map((j) => j.status)).toEqual(Array(6).fill('skipped'));
}, 180_000);
