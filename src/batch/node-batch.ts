import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { writeFigure } from '../io/figure-files.ts';
import { OutputDir, readTextFile } from '../io/files.ts';
import type { MechanismRegistry } from '../mech/index.ts';
import { BUILTIN_MECHANISMS } from '../mech/index.ts';
import { validateModel } from '../network/index.ts';
import { type Diagnostic, Diagnostics, deepOrdered, isPlainObject, parseOrderedJson } from '../spec/index.ts';
import { type BatchRates, gridFigures, gridRates } from './analysis.ts';
import type { JobContext, JobResult } from './job-command.ts';
import { type BatchJob, batchJobs, setCfgPath } from './jobs.ts';
import { runLocal } from './local-runner.ts';
import { runSlurm, SlurmError } from './slurm-runner.ts';
import { type BatchSpec, parseBatch } from './spec.ts';

// `spikegpu batch batch.json` and runBatch(): NetPyNE's Batch run by a local pool of processes.
// Everything is checked before the first job starts: the batch, both model files, and every
// job's spec (its cfg with the params set, validated as `run` validates it). Then, in
// <out-dir>/<saveFolder>/ (NetPyNE's layout): <label>_batch.json, and per job <job>_cfg.json
// ({simConfig}), <job>_data.json (NetPyNE's saved data) and <job>.log (the job's output). Each job
// is `spikegpu run <netParamsFile> --cfg <job>_cfg.json` in its own process; its exit status is
// checked, a failed job is reported with its status and log and the others go on. With skip,
// jobs whose data file exists are not run again (a batch resumed after an interruption).

export interface BatchOptions {
  /** Folder that saveFolder is under (default: the current folder). */
  outDir?: string;
  allowOutsidePaths?: boolean;
  /** Each job's `run --backend` (default 'cpu': f64, NEURON's numbers). */
  backend?: string;
  /** Jobs at once (default runCfg.jobs, else this machine's cores). */
  jobs?: number;
  mechanisms?: MechanismRegistry;
  /** The analysis figures of a grid over two params (default true). */
  figures?: boolean;
  /** `--mod` arguments passed to every job. */
  mod?: string[];
  /** When a job's process has started. */
  onJobStart?: (job: string, pid: number) => void;
  /** After each job: how many have ended, of how many. */
  onJob?: (ended: number, total: number, job: BatchJob, result: JobResult) => void;
}

export type { JobResult } from './job-command.ts';

export interface BatchReport {
  batchLabel: string;
  folder: string;
  jobs: JobResult[];
  failed: JobResult[];
  /** A grid over two params: each population's mean rate per job (analysis.ts), also in <label>_rates.json. */
  rates?: BatchRates;
  /** The files written after the jobs (rates table, figures), relative to folder. */
  analysis: string[];
}

/** A batch that cannot start: every problem, one line each (path: value: what was expected). */
export class BatchError extends Error {
  override name = 'BatchError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.path}${d.value === undefined ? '' : `: ${JSON.stringify(d.value)}`}: ${d.message}`).join('\n'));
  }
}

export async function runBatch(batchFile: string, options: BatchOptions = {}): Promise<BatchReport> {
  const diagnostics = new Diagnostics();
  const batch = parseBatch(readJson(batchFile, 'batch', diagnostics), diagnostics);
  if (!batch) throw new BatchError(diagnostics.errors);
  const base = dirname(resolve(batchFile));
  const netParamsPath = resolve(base, batch.netParamsFile);
  const model = readJson(netParamsPath, 'batch.netParamsFile', diagnostics);
  const cfgRaw = batch.cfgFile ? readJson(resolve(base, batch.cfgFile), 'batch.cfgFile', diagnostics) : undefined;
  if (diagnostics.errors.length > 0) throw new BatchError(diagnostics.errors);
  const netParams = isPlainObject(model) && isPlainObject(model.netParams) ? model.netParams : model;
  const cfg0 =
    cfgRaw !== undefined
      ? isPlainObject(cfgRaw) && isPlainObject(cfgRaw.simConfig)
        ? cfgRaw.simConfig
        : cfgRaw
      : isPlainObject(model)
        ? (model.simConfig ?? {})
        : {};
  if (!isPlainObject(cfg0)) throw new BatchError([{ severity: 'error', path: 'batch.cfgFile', value: cfg0, message: 'expected a simConfig object' }]);
  const folder = new OutputDir(options.outDir ?? '.', { allowOutside: options.allowOutsidePaths }).resolve(batch.saveFolder, 'batch.saveFolder');
  const out = new OutputDir(folder);
  const jobs = batchJobs(batch);
  const cfgs = jobs.map((job) => jobCfg(batch, cfg0, job, diagnostics));
  if (diagnostics.errors.length > 0) throw new BatchError(diagnostics.errors);
  checkJobs(netParams, cfgs, jobs, options.mechanisms ?? BUILTIN_MECHANISMS, diagnostics);
  if (diagnostics.errors.length > 0) throw new BatchError(diagnostics.errors);
  await out.write(`${batch.batchLabel}_batch.json`, 'batch', JSON.stringify({ batch: { ...batch, netParamsFile: netParamsPath } }, null, 2));
  const results: JobResult[] = new Array(jobs.length);
  let count = 0;
  const finish = (k: number, r: JobResult) => {
    results[k] = r;
    options.onJob?.(++count, jobs.length, jobs[k], r);
  };
  const todo: number[] = [];
  for (let k = 0; k < jobs.length; k++) {
    if (batch.runCfg.skip && existsSync(resolve(folder, `${jobs[k].label}_data.json`))) finish(k, { job: jobs[k].label, status: 'skipped' });
    else {
      await out.write(`${jobs[k].label}_cfg.json`, 'batch job cfg', JSON.stringify({ simConfig: cfgs[k] }, null, 2));
      todo.push(k);
    }
  }
  const ctx: JobContext = {
    folder,
    netParamsPath,
    backend: options.backend ?? 'cpu',
    mod: options.mod ?? [],
    ...(options.onJobStart ? { onJobStart: options.onJobStart } : {}),
  };
  const labels = todo.map((k) => jobs[k].label);
  const indexOf = new Map(labels.map((l, i) => [l, todo[i]]));
  const ended = (r: JobResult) => finish(indexOf.get(r.job)!, r);
  const run = batch.runCfg;
  if (run.type === 'hpc_slurm') {
    try {
      await runSlurm(ctx, batch.batchLabel, labels, run, ended);
    } catch (e) {
      if (e instanceof SlurmError) throw new BatchError([{ severity: 'error', path: 'batch.runCfg.type', value: 'hpc_slurm', message: e.message }]);
      throw e;
    }
  } else await runLocal(ctx, labels, options.jobs ?? run.jobs ?? availableParallelism(), ended);
  const rates = gridRates(
    batch,
    jobs.map((job) => jobPopRates(resolve(folder, `${job.label}_data.json`))),
  );
  const analysis: string[] = [];
  if (rates) {
    analysis.push(await out.write(`${batch.batchLabel}_rates.json`, 'batch rates', JSON.stringify(rates, null, 2)));
    if (options.figures !== false) for (const fig of gridFigures(batch.batchLabel, rates)) analysis.push(await writeFigure(fig, out, fig.file, 'batch figure'));
  }
  return { batchLabel: batch.batchLabel, folder, jobs: results, failed: results.filter((r) => r.status === 'failed'), ...(rates ? { rates } : {}), analysis };
}

/** A job's population rates [Hz] (simData.popRates of its saved data), null if it has none. */
function jobPopRates(path: string): Record<string, number> | null {
  if (!existsSync(path)) return null;
  try {
    const saved = parseOrderedJson(readTextFile(path), path) as { simData?: { popRates?: unknown } };
    const rates = saved?.simData?.popRates;
    if (!isPlainObject(rates)) return null;
    return Object.fromEntries(Object.entries(rates).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return null;
  }
}

function readJson(path: string, what: string, diagnostics: Diagnostics): unknown {
  try {
    return parseOrderedJson(readTextFile(path), path);
  } catch (e) {
    diagnostics.error(what, path, e instanceof Error ? e.message : String(e));
    return undefined;
  }
}

/** The job's cfg: the model's, initCfg, the job's values; simLabel and filename the job's label (NetPyNE's grid does the same). */
function jobCfg(batch: BatchSpec, cfg0: Record<string, unknown>, job: BatchJob, diagnostics: Diagnostics): Record<string, unknown> {
  const cfg = deepOrdered(cfg0);
  for (const [label, value] of [...Object.entries(batch.initCfg), ...job.values]) {
    const problem = setCfgPath(cfg, label, value);
    if (problem) diagnostics.error(`batch.params (job ${job.label})`, label, problem);
  }
  cfg.simLabel = job.label;
  cfg.filename = job.label;
  cfg.saveFolder = '';
  return cfg;
}

/** Every job's spec checked as `run` checks it, the first few problems reported with their job. */
function checkJobs(netParams: unknown, cfgs: Record<string, unknown>[], jobs: BatchJob[], mechanisms: MechanismRegistry, diagnostics: Diagnostics): void {
  for (let k = 0; k < jobs.length && diagnostics.errors.length < 8; k++) {
    const r = validateModel({ netParams: netParams as Record<string, unknown>, simConfig: cfgs[k] }, mechanisms, 'all');
    for (const d of r.diagnostics.errors) diagnostics.error(`${jobs[k].label}: ${d.path}`, d.value, d.message);
  }
}
