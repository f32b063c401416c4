import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvolCfg, Evolution, type Individual, rateFitness, statsLine } from '../../src/batch/evol.ts';
import { runBatch } from '../../src/batch/node-batch.ts';
import { parseBatch } from '../../src/batch/spec.ts';
import { Diagnostics } from '../../src/spec/index.ts';

// Method 'evol' (NetPyNE's 'custom' evolutionary algorithm, src/batch/evol.ts): candidates stay
// within bounds, a seed fixes the search, elites keep the best fitness from getting worse, it
// minimises a smooth function, and a batch writes NetPyNE's gen_<g>/ layout and statistics.

const cfg = (over: Partial<EvolCfg> = {}): EvolCfg => ({
  popSize: 10,
  numElites: 1,
  maxGenerations: 30,
  maximize: false,
  mutationStrength: 1,
  tournamentSize: 2,
  numSelected: 10,
  uxBias: 0.5,
  crossoverRate: 1,
  defaultFitness: 1000,
  ...over,
});

/** Runs the algorithm on f, returning every generation's population. */
function evolve(c: EvolCfg, lower: number[], upper: number[], seed: number, f: (x: number[]) => number): Individual[][] {
  const e = new Evolution(c, lower, upper, seed);
  const score = (cs: number[][]) => cs.map((candidate) => ({ candidate, fitness: f(candidate) }));
  let population = score(e.initial());
  const all = [population];
  for (let g = 0; g < c.maxGenerations; g++) {
    population = e.replace(population, score(e.offspring(population)));
    all.push(population);
  }
  return all;
}

const sphere = (x: number[]) => x.reduce((s, v) => s + (v - 0.3) ** 2, 0);

describe('the evolutionary algorithm', () => {
  it('keeps every candidate within its bounds, and a seed gives the same search', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 12 }), (seed, popSize) => {
        const lower = [0, -5, 10];
        const upper = [1, 5, 10];
        const a = evolve(cfg({ popSize, numSelected: popSize, numElites: 1, maxGenerations: 5 }), lower, upper, seed, sphere);
        for (const p of a.flat()) p.candidate.forEach((v, i) => expect(v >= lower[i] && v <= upper[i]).toBe(true));
        expect(evolve(cfg({ popSize, numSelected: popSize, maxGenerations: 5 }), lower, upper, seed, sphere)).toEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  it('never loses its best with elites, and finds the minimum of a smooth function', () => {
    const bestOf = (gens: Individual[][]) => gens.map((p) => Math.min(...p.map((i) => i.fitness)));
    // NetPyNE's mutation moves every gene, by default uniformly towards a bound: coarse steps
    const coarse = bestOf(evolve(cfg({ maxGenerations: 40 }), [0, 0, 0], [1, 1, 1], 7, sphere));
    for (let g = 1; g < coarse.length; g++) expect(coarse[g]).toBeLessThanOrEqual(coarse[g - 1]);
    expect(coarse.at(-1)!).toBeLessThan(coarse[0]);
    // a small mutation_strength makes the steps small: the minimum to 1e-3 (2.0e-4 from 4.4e-2)
    const fine = bestOf(evolve(cfg({ maxGenerations: 40, mutationStrength: 0.1 }), [0, 0, 0], [1, 1, 1], 7, sphere));
    expect(fine.at(-1)!).toBeLessThan(1e-3);
    expect(fine.at(-1)!).toBeLessThan(fine[0] / 100);
  });

  it('maximises when asked', () => {
    const gens = evolve(cfg({ maximize: true, maxGenerations: 20 }), [0], [1], 3, (x) => x[0]);
    expect(Math.max(...gens.at(-1)!.map((i) => i.fitness))).toBeGreaterThan(0.99);
  });

  it("computes NetPyNE's example fitness and the mean rate error", () => {
    const pops = { pops: { S: { target: 5, width: 2, min: 2 }, M: { target: 15, width: 2, min: 0.2 } }, maxFitness: 1000 };
    expect(rateFitness(pops, { S: 5, M: 17 }, 1000)).toBeCloseTo((1 + Math.exp(1)) / 2, 12);
    expect(rateFitness(pops, { S: 1, M: 15 }, 1000)).toBe((1000 + 1) / 2);
    expect(rateFitness(pops, null, 999)).toBe(999);
    expect(rateFitness({ target: { M: 17 } }, { M: 14, S: 3 }, 1000)).toBe(3);
    expect(
      statsLine(
        2,
        [1, 3, 2].map((fitness) => ({ candidate: [], fitness })),
        false,
      ),
    ).toBe(`2, 3, 3, 1, 2, 2, ${Math.sqrt(2 / 3)}\n`);
  });

  it('refuses a batch it cannot run, one line each', () => {
    const d = new Diagnostics();
    parseBatch(
      {
        netParamsFile: 'n.json',
        method: 'evol',
        params: [{ label: 'w', values: [0.1, 0.01] }],
        evolCfg: { evolAlgorithm: 'genetic', fitnessFunc: 'f', pop_size: 1, max_generations: 2 },
      },
      d,
    );
    expect(d.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'batch.evolCfg.fitnessFunc: a Python function cannot run here: declare the fitness with fitnessFuncArgs ({pops, maxFitness} or {target})',
      "batch.evolCfg.evolAlgorithm: only NetPyNE's 'custom' algorithm is supported",
      'batch.evolCfg.pop_size: expected a whole number of candidates per generation, 2 to 100 000',
      "batch.evolCfg.fitnessFuncArgs: expected {pops: {<pop>: {target, width, min}}, maxFitness} (NetPyNE's examples/evolutionary) or {target: {<pop>: rate}} (mean |rate - target|)",
      "batch.params[0].values: method 'evol' needs [lower, upper] bounds, two numbers",
    ]);
  });
});

it("runs examples/optimization (small): NetPyNE's gen_<g> layout, statistics, the best candidate", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spikegpu-evol-'));
  cpSync(resolve(__dirname, '../../examples/optimization'), dir, { recursive: true });
  const batch = JSON.parse(readFileSync(join(dir, 'batch.json'), 'utf8'));
  batch.evolCfg.pop_size = 4;
  batch.evolCfg.max_generations = 1;
  writeFileSync(join(dir, 'batch.json'), JSON.stringify(batch));
  const cfgFile = JSON.parse(readFileSync(join(dir, 'cfg.json'), 'utf8'));
  cfgFile.simConfig.duration = 600;
  cfgFile.simConfig.printPopAvgRates = [100, 600];
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify(cfgFile));
  const report = await runBatch(join(dir, 'batch.json'), { outDir: dir });
  expect(report.failed).toEqual([]);
  expect(report.jobs.map((j) => j.job)).toEqual([
    'gen_0_cand_0',
    'gen_0_cand_1',
    'gen_0_cand_2',
    'gen_0_cand_3',
    'gen_1_cand_0',
    'gen_1_cand_1',
    'gen_1_cand_2',
    'gen_1_cand_3',
  ]);
  const job = JSON.parse(readFileSync(join(dir, 'simple', 'gen_1', 'gen_1_cand_2_cfg.json'), 'utf8')).simConfig;
  for (const [label, [lo, hi]] of [
    ['prob', [0.01, 0.5]],
    ['weight', [0.001, 0.1]],
    ['delay', [1, 20]],
  ] as const)
    expect(job[label] >= lo && job[label] <= hi).toBe(true);
  const stats = readFileSync(join(dir, 'simple', 'simple_stats.cvs'), 'utf8')
    .trim()
    .split('\n');
  expect(stats).toHaveLength(2);
  expect(stats[1]).toMatch(/^1, 4, /);
  const best = JSON.parse(readFileSync(join(dir, 'simple', 'simple_best.json'), 'utf8'));
  expect(best.fitness).toBe(Math.min(...best.generations.map((g: { best: number }) => g.best)));
  expect(best.fitness).toBeLessThan(1000);
  expect(report.best?.job).toBe(best.job);
  expect(readFileSync(join(dir, 'simple', 'simple_fitness.png')).length).toBeGreaterThan(1000);
  expect(readFileSync(join(dir, 'simple', 'simple_best_raster.png')).length).toBeGreaterThan(1000);
}, 180_000);
