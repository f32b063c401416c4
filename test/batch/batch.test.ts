import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Batch } from '../../src/batch/batch-class.ts';
import { batchJobs, setCfgPath } from '../../src/batch/jobs.ts';
import { BatchError, runBatch } from '../../src/batch/node-batch.ts';
import { parseBatch } from '../../src/batch/spec.ts';
import { create, simulate } from '../../src/index.ts';
import { Diagnostics } from '../../src/spec/index.ts';

// NetPyNE's Batch (src/batch): jobs named and ordered as NetPyNE's grid names them, cfg values
// set at dotted paths, every problem found before a job starts, jobs run as processes whose
// results equal a run of the same cfg, skip of finished jobs, failed jobs reported.

const parsed = (raw: unknown) => {
  const d = new Diagnostics();
  return { batch: parseBatch(raw, d), errors: d.errors.map((e) => `${e.path}: ${e.message}`) };
};
const grid = (params: unknown, extra: Record<string, unknown> = {}) => parsed({ batchLabel: 'b', netParamsFile: 'n.json', params, ...extra });

describe('batch jobs', () => {
  it('are the grid of the params, the last varying fastest, named <label>_<i>_<j>', () => {
    const { batch } = grid([
      { label: 'synMechTau2', values: [3, 5, 7] },
      { label: 'connWeight', values: [0.005, 0.01] },
    ]);
    const jobs = batchJobs(batch!);
    expect(jobs.map((j) => j.label)).toEqual(['b_0_0', 'b_0_1', 'b_1_0', 'b_1_1', 'b_2_0', 'b_2_1']);
    expect(jobs[3].values).toEqual([
      ['synMechTau2', 5],
      ['connWeight', 0.01],
    ]);
  });

  it('vary grouped params together, their index first (NetPyNE grid.py)', () => {
    const { batch } = grid([
      { label: 'a', values: [1, 2] },
      { label: 'g1', values: [10, 20, 30], group: true },
      { label: 'g2', values: ['x', 'y', 'z'], group: true },
    ]);
    const jobs = batchJobs(batch!);
    expect(jobs).toHaveLength(6);
    expect(jobs[5]).toEqual({
      label: 'b_2_1',
      indices: [2, 1],
      values: [
        ['g1', 30],
        ['g2', 'z'],
        ['a', 2],
      ],
    });
  });

  it("take NetPyNE's params dict and groupedParams", () => {
    const { batch, errors } = grid({ a: [1, 2], g1: [10, 20], g2: ['x', 'y'] } as never, { groupedParams: ['g1', 'g2'] });
    expect(errors).toEqual([]);
    expect(batchJobs(batch!).map((j) => j.label)).toEqual(['b_0_0', 'b_0_1', 'b_1_0', 'b_1_1']);
    expect(batchJobs(batch!)[2].values).toEqual([
      ['g1', 20],
      ['g2', 'y'],
      ['a', 1],
    ]);
    expect(grid({ a: [1] } as never, { groupedParams: ['b'] }).errors).toEqual(["batch.groupedParams: not a param label (did you mean 'a'?)"]);
  });

  it("of method 'list' take the k-th value of every param", () => {
    const { batch } = grid(
      [
        { label: 'a', values: [1, 2] },
        { label: 'b', values: [3, 4] },
      ],
      { method: 'list' },
    );
    expect(batchJobs(batch!).map((j) => [j.label, j.values])).toEqual([
      [
        'b_0',
        [
          ['a', 1],
          ['b', 3],
        ],
      ],
      [
        'b_1',
        [
          ['a', 2],
          ['b', 4],
        ],
      ],
    ]);
  });

  it("of method 'random' draw num_samples jobs within the bounds, the same for a seed", () => {
    const parse = (seed: number) =>
      grid(
        [
          { label: 'w', values: [0.001, 0.1] },
          { label: 'd', values: [1, 20] },
        ],
        { method: 'random', num_samples: 50, seed },
      );
    const jobs = batchJobs(parse(3).batch!);
    expect(jobs.map((j) => j.label)).toEqual(Array.from({ length: 50 }, (_, k) => `b_${k}`));
    for (const j of jobs) {
      const [[, w], [, d]] = j.values as Array<[string, number]>;
      expect(w >= 0.001 && w <= 0.1 && d >= 1 && d <= 20).toBe(true);
    }
    expect(batchJobs(parse(3).batch!)).toEqual(jobs);
    expect(batchJobs(parse(4).batch!)).not.toEqual(jobs);
    expect(grid([{ label: 'w', values: [1, 2] }], { num_samples: 5 }).errors).toEqual(["batch.num_samples: only method 'random' reads num_samples"]);
  });

  it('set nested cfg attributes and list items, or say where the path breaks', () => {
    const cfg: Record<string, unknown> = { xn: [1, 2], seeds: { conn: 1 }, n: 3 };
    expect(setCfgPath(cfg, 'xn.1', 5)).toBeUndefined();
    expect(setCfgPath(cfg, 'seeds.conn', 7)).toBeUndefined();
    expect(setCfgPath(cfg, 'new.inner', 1)).toBeUndefined();
    expect(cfg).toEqual({ xn: [1, 5], seeds: { conn: 7 }, n: 3, new: { inner: 1 } });
    expect(setCfgPath(cfg, 'xn.4', 0)).toBe('xn is a list of 2: no item 4');
    expect(setCfgPath(cfg, 'n.x', 0)).toBe('n is 3, not a dict or list');
  });
});

describe('a batch file', () => {
  it('is refused with one line per problem, NetPyNE methods not run yet named', () => {
    const { errors } = parsed({
      batchLabel: '../x',
      method: 'asd',
      netParamsFile: 'n.json',
      params: [{ label: 'a b', values: [] }],
      runCfg: { type: 'hpc_torque' },
      extra: 1,
    });
    expect(errors).toEqual([
      'batch.extra: unknown key (expected batchLabel, saveFolder, method, params, groupedParams, initCfg, cfgFile, netParamsFile, runCfg, seed, num_samples, evolCfg, optimCfg)',
      'batch.batchLabel: expected letters, digits, _ . - (it names files)',
      "batch.method: not supported yet: use 'grid' or 'list' with the values to try, or 'evol' or 'optuna' to search",
      "batch.runCfg.type: not supported yet: use runCfg.type 'local' or 'hpc_slurm'",
      "batch.params[0].label: expected a cfg attribute, dotted for a nested one ('foo.bar', 'xn.0')",
      'batch.params[0].values: expected a non-empty list of values',
    ]);
  });

  it("with runCfg 'hpc_slurm' takes sbatch's options and refuses shell lines", () => {
    const { batch, errors } = grid([{ label: 'a', values: [1] }], {
      runCfg: { type: 'hpc_slurm', partition: 'debug', allocation: 'lab1', walltime: '1-02:00:00', coresPerNode: 4, concurrency: 10 },
    });
    expect(errors).toEqual([]);
    expect(batch!.runCfg).toEqual({
      type: 'hpc_slurm',
      skip: false,
      coresPerNode: 4,
      poll: 2,
      partition: 'debug',
      allocation: 'lab1',
      walltime: '1-02:00:00',
      concurrency: 10,
    });
    const bad = grid([{ label: 'a', values: [1] }], { runCfg: { type: 'hpc_slurm', custom: 'rm -rf ~', walltime: '2 hours', partition: 'a;b', nodes: 4 } });
    expect(bad.errors).toEqual([
      'batch.runCfg.custom: lines of shell from a batch file are not run: use the sbatch options partition, allocation, walltime, reservation',
      'batch.runCfg.nodes: a job runs on one node: expected 1',
      'batch.runCfg.partition: expected letters, digits, _ . -',
      'batch.runCfg.walltime: expected minutes, or [days-]hours:minutes[:seconds]',
    ]);
  });

  it('needs as many values in each grouped param', () => {
    const { errors } = grid([
      { label: 'a', values: [1, 2], group: true },
      { label: 'b', values: [1], group: true },
    ]);
    expect(errors).toEqual(['batch.params: grouped params need as many values each']);
  });
});

const spec = {
  netParams: {
    cellParams: { PYR: { secs: { soma: { geom: { diam: 18.8, L: 18.8, Ra: 123 }, mechs: { hh: {} } } } } },
    popParams: { S: { cellType: 'PYR', numCells: 10 }, M: { cellType: 'PYR', numCells: 10 } },
    synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 'cfg.synMechTau2', e: 0 } },
    connParams: { 'S->M': { preConds: { pop: 'S' }, postConds: { pop: 'M' }, probability: 0.5, weight: 'cfg.connWeight', delay: 5, synMech: 'exc' } },
    stimSourceParams: { bkg: { type: 'NetStim', rate: 50, noise: 0.5 } },
    stimTargetParams: { 'bkg->PYR': { source: 'bkg', conds: { cellType: 'PYR' }, weight: 0.01, delay: 5, synMech: 'exc' } },
  },
};
const cfg = { simConfig: { duration: 100, dt: 0.025, synMechTau2: 5, connWeight: 0.01 } };

function batchFolder(params: unknown[], extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'spikegpu-batch-'));
  writeFileSync(join(dir, 'net.json'), JSON.stringify(spec));
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify(cfg));
  writeFileSync(
    join(dir, 'batch.json'),
    JSON.stringify({ batchLabel: 'tw', saveFolder: 'out', netParamsFile: 'net.json', cfgFile: 'cfg.json', params, ...extra }),
  );
  return dir;
}

describe('running a batch', () => {
  it("writes NetPyNE's files, each job's spikes those of a run of its cfg; skip runs none again", async () => {
    const dir = batchFolder(
      [
        { label: 'synMechTau2', values: [3, 7] },
        { label: 'connWeight', values: [0.005, 0.05] },
      ],
      { runCfg: { type: 'local', skip: true } },
    );
    const report = await runBatch(join(dir, 'batch.json'), { outDir: dir, jobs: 2 });
    expect(report.failed).toEqual([]);
    expect(report.jobs.map((j) => [j.job, j.status])).toEqual([
      ['tw_0_0', 'done'],
      ['tw_0_1', 'done'],
      ['tw_1_0', 'done'],
      ['tw_1_1', 'done'],
    ]);
    const saved = JSON.parse(readFileSync(join(dir, 'out', 'tw_1_0_data.json'), 'utf8'));
    const jobCfg = JSON.parse(readFileSync(join(dir, 'out', 'tw_1_0_cfg.json'), 'utf8'));
    expect(jobCfg.simConfig).toMatchObject({ synMechTau2: 7, connWeight: 0.005, simLabel: 'tw_1_0' });
    const alone = await simulate(create({ ...spec, simConfig: { ...cfg.simConfig, synMechTau2: 7, connWeight: 0.005 } }), { backend: 'cpu' });
    expect(saved.simData.spkt.length).toBeGreaterThan(10);
    expect(saved.simData.spkt).toEqual(alone.simData.spkt);
    expect(saved.simData.spkid).toEqual(alone.simData.spkid);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'tw_batch.json'), 'utf8')).batch.batchLabel).toBe('tw');
    const again = await runBatch(join(dir, 'batch.json'), { outDir: dir });
    expect(again.jobs.map((j) => j.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
  }, 120_000);

  it('reports a failed job with its exit status and log, and runs the others', async () => {
    const dir = batchFolder([{ label: 'connWeight', values: [0.01, 0.02] }]);
    // the job's data file cannot be written: a folder is in its place
    mkdirSync(join(dir, 'out', 'tw_1_data.json'), { recursive: true });
    const report = await runBatch(join(dir, 'batch.json'), { outDir: dir, jobs: 1 });
    expect(report.jobs.map((j) => j.status)).toEqual(['done', 'failed']);
    expect(report.failed[0]).toMatchObject({ job: 'tw_1', exit: 1 });
    expect(readFileSync(report.failed[0].log!, 'utf8')).toMatch(/tw_1_data\.json/);
  }, 120_000);

  it('reports a job killed while it runs', async () => {
    const dir = batchFolder([{ label: 'connWeight', values: [0.01] }], { initCfg: { duration: 3_600_000 } });
    let pid = 0;
    const run = runBatch(join(dir, 'batch.json'), { outDir: dir, onJobStart: (_, p) => (pid = p) });
    await new Promise((r) => setTimeout(r, 3000));
    process.kill(pid, 'SIGKILL');
    const report = await run;
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]).toMatchObject({ job: 'tw_0', status: 'failed', exit: 'SIGKILL' });
  }, 60_000);

  it('checks every job before the first starts', async () => {
    const dir = batchFolder([{ label: 'synMechTau2', values: [5, -1] }]);
    const run = runBatch(join(dir, 'batch.json'), { outDir: dir });
    await expect(run).rejects.toThrow(BatchError);
    await expect(run).rejects.toThrow(/^tw_1: netParams\.synMechParams\.exc\.tau2/);
  });

  it('keeps saveFolder inside the output folder', async () => {
    const dir = batchFolder([{ label: 'connWeight', values: [0.01] }], { saveFolder: '../elsewhere' });
    await expect(runBatch(join(dir, 'batch.json'), { outDir: dir })).rejects.toThrow(/batch\.saveFolder: '\.\.\/elsewhere'/);
  });
});

describe('a batch given in TypeScript', () => {
  it('takes netParams as a function of each job cfg (NetPyNE netParams.py reading cfg)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikegpu-batch-ts-'));
    const netParams = (c: Record<string, unknown>) => ({
      ...spec.netParams,
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: c.synMechTau2, e: 0 } },
      connParams: { 'S->M': { ...spec.netParams.connParams['S->M'], weight: (c.connWeight as number) * 2 } },
    });
    const b = new Batch({ netParams, cfg: cfg.simConfig, params: { connWeight: [0.005, 0.02] } });
    b.batchLabel = 'ts';
    b.saveFolder = 'out';
    b.runCfg = { type: 'local', jobs: 2 };
    const report = await b.run({ outDir: dir });
    expect(report.failed).toEqual([]);
    const saved = JSON.parse(readFileSync(join(dir, 'out', 'ts_1_data.json'), 'utf8'));
    const alone = await simulate(create({ netParams: netParams({ ...cfg.simConfig, connWeight: 0.02 }), simConfig: { ...cfg.simConfig, connWeight: 0.02 } }), {
      backend: 'cpu',
    });
    expect(saved.simData.spkt.length).toBeGreaterThan(10);
    expect(saved.simData.spkt).toEqual(alone.simData.spkt);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'ts_1_netParams.json'), 'utf8')).netParams.connParams['S->M'].weight).toBe(0.04);
  }, 120_000);

  it('names a netParams function that throws, before any job runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikegpu-batch-ts-'));
    const b = new Batch({
      netParams: () => {
        throw new Error('no such cfg');
      },
      params: [{ label: 'x', values: [1] }],
    });
    await expect(b.run({ outDir: dir })).rejects.toThrow('batch_0: netParams: the netParams function threw: no such cfg');
  });
});
