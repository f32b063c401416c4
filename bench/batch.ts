// Batch benchmark (issue 15): V variants of tutorial 2 (40 HH cells, 1 s; examples/tut8's
// network, a grid of cfg.synMechTau2 x cfg.connWeight) run as one batch, in one invocation:
//   gpu     runCfg.type 'gpu': every variant in ONE WebGPU run (the whole batch timed: validating
//           and creating every network, the run, writing every job's data file);
//   local   runCfg.type 'local': a process per job on every core, timed on a sample of jobs and
//           extrapolated to V;
//   NetPyNE NetPyNE 1.1 on NEURON 8.2, a process per job one after another as NetPyNE's batch runs
//           them (the oracle's run_ref.py on the same spec, cfg values resolved), timed on a sample
//           and extrapolated; also NEURON's own run time in it (timingData.runTime), the floor of
//           any NEURON batch of these jobs.
//   node dist/bench/batch.js [--variants 1000] [--local-sample 20] [--netpyne-sample 5]
//     [--netpyne <NetPyNE source folder>] [--out bench/results/batch-tut2.json]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../src/batch/node-batch.ts';
import { BUILTIN_MECHANISMS } from '../src/index.ts';
import { validateModel } from '../src/network/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const variants = Number(option('--variants', '1000'));
const localSample = Number(option('--local-sample', '20'));
const netpyneSample = Number(option('--netpyne-sample', '5'));
const netpyne = option('--netpyne', '');
const out = option('--out', 'bench/results/batch-tut2.json');

const taus = Array.from({ length: 10 }, (_, i) => 3 + 0.5 * i);
const weights = Array.from({ length: Math.ceil(variants / taus.length) }, (_, j) => Number((0.001 + 0.0002 * j).toFixed(6)));

/** A batch folder of examples/tut8's model with the grid, analysis and traces off (spikes only). */
function folder(type: string, tauValues: number[], weightValues: number[]): string {
  const dir = mkdtempSync(join(tmpdir(), `spikegpu-bench-batch-${type}-`));
  cpSync(join(root, 'examples/tut8'), dir, { recursive: true });
  const cfg = JSON.parse(readFileSync(join(dir, 'cfg.json'), 'utf8'));
  cfg.simConfig.analysis = {};
  cfg.simConfig.recordTraces = {};
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify(cfg));
  const batch = JSON.parse(readFileSync(join(dir, 'batch.json'), 'utf8'));
  batch.batchLabel = 'b';
  batch.saveFolder = 'out';
  batch.params = [
    { label: 'synMechTau2', values: tauValues },
    { label: 'connWeight', values: weightValues },
  ];
  batch.runCfg = { type };
  writeFileSync(join(dir, 'batch.json'), JSON.stringify(batch));
  return dir;
}

async function timedBatch(type: string, tauValues: number[], weightValues: number[]) {
  const dir = folder(type, tauValues, weightValues);
  const t0 = performance.now();
  const report = await runBatch(join(dir, 'batch.json'), { outDir: dir, figures: false });
  const seconds = (performance.now() - t0) / 1e3;
  if (report.failed.length > 0) throw new Error(`${type}: ${report.failed.length} jobs failed, e.g. ${JSON.stringify(report.failed[0])}`);
  const spikes = report.jobs.reduce((n, j) => n + JSON.parse(readFileSync(join(dir, 'out', `${j.job}_data.json`), 'utf8')).simData.spkt.length, 0);
  return { jobs: report.jobs.length, seconds, spikes };
}

const results: Record<string, unknown> = { variants: variants, cellsPerVariant: 40, durationMs: 1000, machineThreads: availableParallelism() };
const gpu = await timedBatch('gpu', taus, weights.slice(0, Math.ceil(variants / taus.length)));
results.gpu = { ...gpu, secondsPerVariant: gpu.seconds / gpu.jobs };
console.log(`gpu runner: ${gpu.jobs} variants in ${gpu.seconds.toFixed(1)} s (${gpu.spikes} spikes)`);
const sampleWeights = weights.slice(0, Math.max(1, Math.ceil(localSample / 2)));
const local = await timedBatch('local', taus.slice(0, 2), sampleWeights);
const localPer = local.seconds / local.jobs;
results.local = { sampleJobs: local.jobs, sampleSeconds: local.seconds, secondsPerVariant: localPer, extrapolatedSeconds: localPer * gpu.jobs };
console.log(`local runner: ${local.jobs} jobs in ${local.seconds.toFixed(1)} s, ${(localPer * gpu.jobs).toFixed(0)} s for ${gpu.jobs}`);

if (netpyne) {
  const oracle = resolve(root, '../shared/netpyne-oracle');
  const netParams = JSON.parse(readFileSync(join(root, 'examples/tut8/netParams.json'), 'utf8')).netParams;
  const cfg = JSON.parse(readFileSync(join(root, 'examples/tut8/cfg.json'), 'utf8')).simConfig;
  const work = mkdtempSync(join(tmpdir(), 'spikegpu-bench-netpyne-'));
  mkdirSync(work, { recursive: true });
  const walls: number[] = [];
  const runTimes: number[] = [];
  for (let k = 0; k < netpyneSample; k++) {
    const simConfig = { ...cfg, analysis: {}, recordTraces: {}, saveJson: false, synMechTau2: taus[k % taus.length], connWeight: weights[k] };
    const resolved = validateModel({ netParams, simConfig }, BUILTIN_MECHANISMS, 'all');
    const spec = join(work, `v${k}.json`);
    writeFileSync(spec, JSON.stringify({ netParams: resolved.netParams, simConfig: resolved.simConfig }));
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/python3', [join(oracle, 'run_ref.py'), spec, join(work, `v${k}.out.json`)], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: `${netpyne}:${join(oracle, 'stubs')}`, MPLBACKEND: 'Agg' },
    });
    if (r.status !== 0) throw new Error(`NetPyNE failed: ${r.stderr.slice(-2000)}`);
    walls.push((performance.now() - t0) / 1e3);
    runTimes.push(JSON.parse(readFileSync(join(work, `v${k}.out.json`), 'utf8')).timingData.runTime);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  results.netpyne = {
    sampleJobs: netpyneSample,
    secondsPerVariant: mean(walls),
    extrapolatedSeconds: mean(walls) * gpu.jobs,
    neuronRunSecondsPerVariant: mean(runTimes),
    neuronRunExtrapolatedSeconds: mean(runTimes) * gpu.jobs,
    walls,
  };
  results.gpuVsNetpyne = (mean(walls) * gpu.jobs) / gpu.seconds;
  results.gpuVsNeuronRunTime = (mean(runTimes) * gpu.jobs) / gpu.seconds;
  results.localVsNetpyne = mean(walls) / localPer;
  console.log(
    `NetPyNE on NEURON, one after another: ${mean(walls).toFixed(2)} s per job (NEURON's run ${mean(runTimes).toFixed(2)} s), ${(mean(walls) * gpu.jobs).toFixed(0)} s for ${gpu.jobs}; gpu runner ${(results.gpuVsNetpyne as number).toFixed(1)}x, against NEURON's run time alone ${(results.gpuVsNeuronRunTime as number).toFixed(1)}x; local runner ${(results.localVsNetpyne as number).toFixed(1)}x`,
  );
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${out}`);
