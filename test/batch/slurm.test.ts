import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/node-batch.ts';
import { create, simulate } from '../../src/index.ts';

// runCfg.type 'hpc_slurm' against a real single-host SLURM (Debian's slurm-wlm and munge; a
// private cluster of this user started by scripts/local-slurm.sh, stopped afterwards): one job
// array for the whole batch, followed with squeue, exit codes checked, results gathered, and a
// cancelled job reported. Skipped, saying why, where SLURM is not installed (.ci/run installs it).

const root = resolve(__dirname, '../..');
const script = join(root, 'scripts/local-slurm.sh');
const missing = ['/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/sbin/munged', '/usr/bin/sbatch'].filter((p) => !existsSync(p));
const cluster = mkdtempSync(join(tmpdir(), 'spikegpu-slurm-'));
let conf = '';
let startProblem = '';
if (missing.length > 0) console.log(`SLURM runner tests skipped: ${missing.join(', ')} not installed (apt-get install slurm-wlm munge)`);

beforeAll(() => {
  if (missing.length > 0) return;
  const r = spawnSync('bash', [script, 'start', cluster], { encoding: 'utf8' });
  if (r.status !== 0) startProblem = `${r.stderr}${r.stdout}`.trim();
  else {
    conf = r.stdout.trim().split('\n').pop()!;
    process.env.SLURM_CONF = conf;
  }
}, 60_000);

afterAll(() => {
  if (missing.length === 0) spawnSync('bash', [script, 'stop', cluster]);
  delete process.env.SLURM_CONF;
});

const spec = {
  netParams: {
    cellParams: { PYR: { secs: { soma: { geom: { diam: 18.8, L: 18.8, Ra: 123 }, mechs: { hh: {} } } } } },
    popParams: { S: { cellType: 'PYR', numCells: 10 }, M: { cellType: 'PYR', numCells: 10 } },
    synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
    connParams: { 'S->M': { preConds: { pop: 'S' }, postConds: { pop: 'M' }, probability: 0.5, weight: 'cfg.connWeight', delay: 5, synMech: 'exc' } },
    stimSourceParams: { bkg: { type: 'NetStim', rate: 50, noise: 0.5 } },
    stimTargetParams: { 'bkg->PYR': { source: 'bkg', conds: { cellType: 'PYR' }, weight: 0.01, delay: 5, synMech: 'exc' } },
  },
};

function slurmBatch(params: unknown[]) {
  const dir = mkdtempSync(join(tmpdir(), 'spikegpu-slurm-batch-'));
  writeFileSync(join(dir, 'net.json'), JSON.stringify(spec));
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ simConfig: { duration: 100, dt: 0.025, connWeight: 0.01 } }));
  writeFileSync(
    join(dir, 'batch.json'),
    JSON.stringify({
      batchLabel: 'sl',
      saveFolder: 'out',
      netParamsFile: 'net.json',
      cfgFile: 'cfg.json',
      params,
      runCfg: { type: 'hpc_slurm', concurrency: 2, walltime: '00:10:00', poll: 0.5 },
    }),
  );
  return dir;
}

describe.skipIf(missing.length > 0)('the SLURM runner', () => {
  it('runs the batch as one job array whose jobs give what a run of their cfg gives', async () => {
    expect(startProblem).toBe('');
    const dir = slurmBatch([{ label: 'connWeight', values: [0.005, 0.01, 0.05] }]);
    const report = await runBatch(join(dir, 'batch.json'), { outDir: dir });
    expect(report.failed).toEqual([]);
    expect(report.jobs.map((j) => [j.job, j.status, j.exit])).toEqual([
      ['sl_0', 'done', 0],
      ['sl_1', 'done', 0],
      ['sl_2', 'done', 0],
    ]);
    const array = readFileSync(join(dir, 'out', 'sl_array.sh'), 'utf8');
    expect(array).toContain('#SBATCH --array=0-2%2');
    expect(array).toContain('#SBATCH --time=00:10:00');
    const saved = JSON.parse(readFileSync(join(dir, 'out', 'sl_2_data.json'), 'utf8'));
    const alone = await simulate(create({ ...spec, simConfig: { duration: 100, dt: 0.025, connWeight: 0.05 } }), { backend: 'cpu' });
    expect(saved.simData.spkt.length).toBeGreaterThan(10);
    expect(saved.simData.spkt).toEqual(alone.simData.spkt);
    expect(saved.simData.spkid).toEqual(alone.simData.spkid);
  }, 180_000);

  it('reports a job whose run fails with its exit status, and one cancelled in SLURM with its state', async () => {
    expect(startProblem).toBe('');
    // sl_1 cannot write its data file (a folder is in its place); sl_2 runs for an hour until cancelled
    const dir = slurmBatch([{ label: 'duration', values: [100, 100, 3_600_000] }]);
    mkdirSync(join(dir, 'out', 'sl_1_data.json'), { recursive: true });
    const run = runBatch(join(dir, 'batch.json'), { outDir: dir });
    // cancel sl_2 once it runs
    for (let k = 0; k < 120; k++) {
      await new Promise((r) => setTimeout(r, 500));
      const queue = execFileSync('squeue', ['-h', '-r', '-n', 'sl', '-o', '%i|%T'], { encoding: 'utf8' });
      const task = queue.split('\n').find((l) => l.includes('_2|RUNNING'));
      if (task) {
        execFileSync('scancel', [task.split('|')[0]]);
        break;
      }
    }
    const report = await run;
    expect(report.jobs.map((j) => [j.job, j.status])).toEqual([
      ['sl_0', 'done'],
      ['sl_1', 'failed'],
      ['sl_2', 'failed'],
    ]);
    expect(report.failed[0]).toMatchObject({ job: 'sl_1', exit: 1 });
    expect(readFileSync(report.failed[0].log!, 'utf8')).toMatch(/sl_1_data\.json/);
    expect(report.failed[1].exit).toMatch(/^SLURM CANCELLED/);
  }, 180_000);
});
