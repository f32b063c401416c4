import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { FIGURES } from '../analysis/analyze.ts';
import { writeFigure } from '../io/figure-files.ts';
import { OutputDir, readTextFile } from '../io/files.ts';
import type { MechanismRegistry } from '../mech/index.ts';
import { BUILTIN_MECHANISMS } from '../mech/index.ts';
import { validateModel } from '../network/index.ts';
import { create } from '../sim/create.ts';
import type { SimData } from '../sim/sim-data.ts';
import { cfgValue, type Diagnostic, Diagnostics, deepOrdered, isPlainObject, type ModelSpec, parseOrderedJson } from '../spec/index.ts';
import { type BatchRates, type EvolGeneration, fitnessFigure, gridFigures, gridRates, trialsFigure } from './analysis.ts';
import { Evolution, type Individual, rateFitness, statsLine } from './evol.ts';
import { GpuRunnerError, runStacked } from './gpu-runner.ts';
import type { JobContext, JobResult } from './job-command.ts';
import { type BatchJob, batchJobs, setCfgPath } from './jobs.ts';
import { runLocal } from './local-runner.ts';
import { runSlurm, SlurmError } from './slurm-runner.ts';
import { type BatchSpec, parseBatch } from './spec.ts';
import { TpeSampler } from './tpe.ts';

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
  /** Method 'evol': the fittest candidate of the last population, and each generation's fitness. */
  best?: { job: string; fitness: number; values: Record<string, number> };
  generations?: EvolGeneration[];
}

/** A batch that cannot start: every problem, one line each (path: value: what was expected). */
export class BatchError extends Error {
  override name = 'BatchError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.path}${d.value === undefined ? '' : `: ${JSON.stringify(d.value)}`}: ${d.message}`).join('\n'));
  }
}

/**
 * A batch given in TypeScript: the batch file's fields (without netParamsFile and cfgFile), the
 * model's cfg, and its netParams as an object or as a function of each job's cfg that returns
 * them (NetPyNE's netParams.py reading cfg). The netParams each job runs are written beside its
 * cfg (<label>_netParams.json, or <job>_netParams.json from a function).
 */
export interface BatchInput {
  batch: Record<string, unknown>;
  netParams: Record<string, unknown> | ((cfg: Record<string, unknown>) => Record<string, unknown>);
  cfg?: Record<string, unknown>;
}

/** Runs a batch file (batch.json), or a batch given in TypeScript. */
export async function runBatch(input: string | BatchInput, options: BatchOptions = {}): Promise<BatchReport> {
  const diagnostics = new Diagnostics();
  const given = typeof input === 'string' ? undefined : input;
  const batch = parseBatch(given ? given.batch : readJson(input as string, 'batch', diagnostics), diagnostics, { modelGiven: given !== undefined });
  if (!batch) throw new BatchError(diagnostics.errors);
  const folder = new OutputDir(options.outDir ?? '.', { allowOutside: options.allowOutsidePaths }).resolve(batch.saveFolder, 'batch.saveFolder');
  const out = new OutputDir(folder);
  const mechanisms = options.mechanisms ?? BUILTIN_MECHANISMS;
  let model_: Model;
  if (given) {
    const cfg0 = given.cfg ?? {};
    if (!isPlainObject(cfg0)) throw new BatchError([{ severity: 'error', path: 'cfg', value: cfg0, message: 'expected a simConfig object' }]);
    const fn = given.netParams;
    if (typeof fn === 'function') {
      model_ = {
        batch,
        cfg0,
        mechanisms,
        netParamsOf: (cfg) => fn(deepOrdered(cfg)),
        netParamsPath: (label) => resolve(folder, `${label}_netParams.json`),
        perJob: true,
      };
    } else {
      const path = resolve(folder, `${batch.batchLabel}_netParams.json`);
      await out.write(`${batch.batchLabel}_netParams.json`, 'batch netParams', JSON.stringify({ netParams: fn }, null, 2));
      model_ = { batch, cfg0, mechanisms, netParamsOf: () => fn, netParamsPath: () => path, perJob: false };
    }
  } else {
    const base = dirname(resolve(input as string));
    const netParamsPath = resolve(base, batch.netParamsFile!);
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
    model_ = { batch, cfg0, mechanisms, netParamsOf: () => netParams, netParamsPath: () => netParamsPath, perJob: false };
  }
  await out.write(`${batch.batchLabel}_batch.json`, 'batch', JSON.stringify({ batch }, null, 2));
  if (batch.method === 'evol') return runEvolution(model_, folder, options);
  if (batch.method === 'optuna') return runOptuna(model_, folder, options);
  const jobs = batchJobs(batch);
  const results = await runJobs(model_, jobs, folder, options, jobs.length, 0);
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

interface Model {
  batch: BatchSpec;
  cfg0: Record<string, unknown>;
  mechanisms: MechanismRegistry;
  /** The netParams of a job with this cfg. */
  netParamsOf: (cfg: Record<string, unknown>) => unknown;
  /** The file of the netParams job `label` runs. */
  netParamsPath: (label: string) => string;
  /** Whether each job has its own netParams file (written by runJobs). */
  perJob: boolean;
}

/**
 * Checks the jobs, writes their cfg files in `folder` and runs them there with the batch's
 * runner; `total` and `before` count the batch's jobs for onJob. A job whose data file exists is
 * skipped with runCfg.skip.
 */
async function runJobs(model: Model, jobs: BatchJob[], folder: string, options: BatchOptions, total: number, before: number): Promise<JobResult[]> {
  const { batch } = model;
  const diagnostics = new Diagnostics();
  const cfgs = jobs.map((job) => jobCfg(batch, model.cfg0, job, diagnostics));
  if (diagnostics.errors.length > 0) throw new BatchError(diagnostics.errors);
  const specs = checkJobs(model, cfgs, jobs, diagnostics);
  if (diagnostics.errors.length > 0) throw new BatchError(diagnostics.errors);
  const out = new OutputDir(folder);
  const results: JobResult[] = new Array(jobs.length);
  let count = before;
  const finish = (k: number, r: JobResult) => {
    results[k] = r;
    options.onJob?.(++count, total, jobs[k], r);
  };
  const todo: number[] = [];
  for (let k = 0; k < jobs.length; k++) {
    if (batch.runCfg.skip && existsSync(resolve(folder, `${jobs[k].label}_data.json`)) && sameJob(resolve(folder, `${jobs[k].label}_cfg.json`), jobs[k]))
      finish(k, { job: jobs[k].label, status: 'skipped' });
    else {
      await out.write(`${jobs[k].label}_cfg.json`, 'batch job cfg', JSON.stringify({ simConfig: cfgs[k] }, null, 2));
      if (model.perJob)
        await out.write(`${jobs[k].label}_netParams.json`, 'batch job netParams', JSON.stringify({ netParams: model.netParamsOf(cfgs[k]) }, null, 2));
      todo.push(k);
    }
  }
  const ctx: JobContext = {
    folder,
    netParamsPath: model.netParamsPath,
    backend: options.backend ?? 'cpu',
    mod: options.mod ?? [],
    ...(options.onJobStart ? { onJobStart: options.onJobStart } : {}),
  };
  const labels = todo.map((k) => jobs[k].label);
  const indexOf = new Map(labels.map((l, i) => [l, todo[i]]));
  const ended = (r: JobResult) => finish(indexOf.get(r.job)!, r);
  const run = batch.runCfg;
  if (run.type === 'gpu') {
    try {
      await runStacked(
        folder,
        todo.map((k) => ({ label: jobs[k].label, spec: specs[k] })),
        model.mechanisms,
        ended,
      );
    } catch (e) {
      if (e instanceof GpuRunnerError) throw new BatchError([{ severity: 'error', path: 'batch.runCfg.type', value: 'gpu', message: e.message }]);
      throw e;
    }
  } else if (run.type === 'hpc_slurm') {
    try {
      await runSlurm(ctx, batch.batchLabel, labels, run, ended);
    } catch (e) {
      if (e instanceof SlurmError) throw new BatchError([{ severity: 'error', path: 'batch.runCfg.type', value: 'hpc_slurm', message: e.message }]);
      throw e;
    }
  } else await runLocal(ctx, labels, options.jobs ?? run.jobs ?? availableParallelism(), ended);
  return results;
}

/**
 * Method 'evol' (evol.ts): generation g's candidates are jobs gen_<g>_cand_<k> in
 * <saveFolder>/gen_<g>/ (NetPyNE's layout); each job's fitness comes from its population rates
 * (a failed job: defaultFitness). inspyred's statistics files (<label>_stats.cvs,
 * <label>_stats_indiv.cvs: NetPyNE's names), the best candidate (<label>_best.json) and the
 * fitness per generation (<label>_fitness.png) go in saveFolder.
 */
async function runEvolution(model: Model, folder: string, options: BatchOptions): Promise<BatchReport> {
  const { batch } = model;
  const cfg = batch.evolCfg!;
  const labels = batch.params.map((p) => p.label);
  requireRates(model, 'batch.evolCfg.fitnessFuncArgs');
  const evolution = new Evolution(
    cfg,
    batch.params.map((p) => p.values[0] as number),
    batch.params.map((p) => p.values[1] as number),
    batch.seed,
  );
  const out = new OutputDir(folder);
  const total = cfg.popSize + cfg.maxGenerations * (cfg.numSelected - (cfg.numSelected % 2));
  const results: JobResult[] = [];
  const generations: EvolGeneration[] = [];
  let population: Array<Individual & { job: string }> = [];
  let candidates = evolution.initial();
  let stats = '';
  let individuals = '';
  for (let g = 0; g <= cfg.maxGenerations; g++) {
    const genFolder = resolve(folder, `gen_${g}`);
    const jobs: BatchJob[] = candidates.map((c, k) => ({
      label: `gen_${g}_cand_${k}`,
      indices: [g, k],
      values: labels.map((l, i): [string, unknown] => [l, c[i]]),
    }));
    results.push(...(await runJobs(model, jobs, genFolder, options, total, results.length)));
    const evaluated = jobs.map((job, k) => ({
      candidate: candidates[k],
      fitness: rateFitness(cfg.fitnessFuncArgs, jobPopRates(resolve(genFolder, `${job.label}_data.json`)), cfg.defaultFitness),
      job: `gen_${g}/${job.label}`,
    }));
    population = g === 0 ? evaluated : (evolution.replace(population, evaluated) as typeof population);
    stats += statsLine(g, population, cfg.maximize);
    individuals += population.map((p, i) => `${g}, ${i}, ${p.fitness}, [${p.candidate.join(', ')}]\n`).join('');
    await out.write(`${batch.batchLabel}_stats.cvs`, 'evol statistics', stats);
    await out.write(`${batch.batchLabel}_stats_indiv.cvs`, 'evol statistics', individuals);
    const ranked = evolution.ranked(population);
    generations.push({
      generation: g,
      best: ranked[0].fitness,
      mean: population.reduce((a, p) => a + p.fitness, 0) / population.length,
      worst: ranked[ranked.length - 1].fitness,
    });
    if (g < cfg.maxGenerations) candidates = evolution.offspring(population);
  }
  const best = evolution.ranked(population)[0] as (typeof population)[number];
  const bestReport = { job: best.job, fitness: best.fitness, values: Object.fromEntries(labels.map((l, i) => [l, best.candidate[i]])) };
  const analysis = [await out.write(`${batch.batchLabel}_best.json`, 'evol best candidate', JSON.stringify({ ...bestReport, generations }, null, 2))];
  if (options.figures !== false) {
    const fig = fitnessFigure(batch.batchLabel, generations, cfg.maximize);
    analysis.push(await writeFigure(fig, out, fig.file, 'batch figure'));
    analysis.push(...(await bestRaster(model, folder, best.job, batch.batchLabel)));
  }
  return { batchLabel: batch.batchLabel, folder, jobs: results, failed: results.filter((r) => r.status === 'failed'), analysis, best: bestReport, generations };
}

/** The fitness reads each job's simData.popRates: refused up front where the jobs would not save them. */
function requireRates(model: Model, path: string): void {
  const rates = model.batch.initCfg.printPopAvgRates ?? model.cfg0.printPopAvgRates;
  if (!rates || (Array.isArray(rates) && rates.length === 0))
    throw new BatchError([
      {
        severity: 'error',
        path,
        value: rates ?? null,
        message:
          "the fitness reads each job's simData.popRates, which a run saves only with simConfig.printPopAvgRates (NetPyNE's examples set [500, duration])",
      },
    ]);
}

/** Trials run at once by the batch's runner (optuna's rounds, unless optimCfg.trialsPerRound says). */
function runnerWidth(batch: BatchSpec, options: BatchOptions): number {
  const run = batch.runCfg;
  if (run.type === 'local') return options.jobs ?? run.jobs ?? availableParallelism();
  if (run.type === 'hpc_slurm') return run.concurrency ?? 1;
  return 10;
}

/**
 * Method 'optuna' (tpe.ts): rounds of trials suggested from the finished ones and run together,
 * until maxiters trials or maxtime seconds; trial n is job gen_<n>/trial_<n> (NetPyNE's names).
 * <label>_trials.json (number, value, params, state per trial, rewritten after each round),
 * <label>_best.json and <label>_trials.png (each trial's value and the best so far) go in saveFolder.
 */
async function runOptuna(model: Model, folder: string, options: BatchOptions): Promise<BatchReport> {
  const { batch } = model;
  const cfg = batch.optimCfg!;
  requireRates(model, 'batch.optimCfg.fitnessFuncArgs');
  const labels = batch.params.map((p) => p.label);
  const sampler = new TpeSampler(
    batch.params.map((p) => p.values[0] as number),
    batch.params.map((p) => p.values[1] as number),
    batch.seed,
    cfg.maximize,
  );
  const perRound = cfg.trialsPerRound ?? runnerWidth(batch, options);
  const out = new OutputDir(folder);
  const results: JobResult[] = [];
  const trials: OptunaTrial[] = [];
  const t0 = performance.now();
  while (trials.length < cfg.maxiters && !(cfg.maxtime !== undefined && (performance.now() - t0) / 1e3 >= cfg.maxtime)) {
    const finished = trials.map((t) => ({ params: t.values, value: t.value }));
    const round = Array.from({ length: Math.min(perRound, cfg.maxiters - trials.length) }, () => sampler.suggest(finished));
    const jobs: BatchJob[] = round.map((c, i) => {
      const n = trials.length + i;
      return { label: `gen_${n}/trial_${n}`, indices: [n], values: labels.map((l, k): [string, unknown] => [l, c[k]]) };
    });
    const ran = await runJobs(model, jobs, folder, options, cfg.maxiters, results.length);
    results.push(...ran);
    jobs.forEach((job, i) => {
      const rates = jobPopRates(resolve(folder, `${job.label}_data.json`));
      trials.push({
        number: job.indices[0],
        value: rateFitness(cfg.fitnessFuncArgs, rates, cfg.maxFitness),
        values: round[i],
        params: Object.fromEntries(labels.map((l, k) => [l, round[i][k]])),
        state: ran[i].status === 'failed' || !rates ? 'FAIL' : 'COMPLETE',
        job: job.label,
      });
    });
    await out.write(
      `${batch.batchLabel}_trials.json`,
      'optuna trials',
      JSON.stringify(
        trials.map(({ values: _, ...t }) => t),
        null,
        2,
      ),
    );
  }
  const best = trials.reduce((a, t) => ((cfg.maximize ? t.value > a.value : t.value < a.value) ? t : a), trials[0]);
  const bestReport = { job: best.job, fitness: best.value, values: best.params };
  const analysis = [await out.write(`${batch.batchLabel}_best.json`, 'optuna best trial', JSON.stringify({ ...bestReport, trials: trials.length }, null, 2))];
  if (options.figures !== false) {
    const fig = trialsFigure(
      batch.batchLabel,
      trials.map((t) => t.value),
      cfg.maximize,
    );
    analysis.push(await writeFigure(fig, out, fig.file, 'batch figure'));
    analysis.push(...(await bestRaster(model, folder, best.job, batch.batchLabel)));
  }
  return { batchLabel: batch.batchLabel, folder, jobs: results, failed: results.filter((r) => r.status === 'failed'), analysis, best: bestReport };
}

interface OptunaTrial {
  number: number;
  value: number;
  values: number[];
  params: Record<string, number>;
  state: 'COMPLETE' | 'FAIL';
  job: string;
}

/**
 * The best candidate's spike raster (<label>_best_raster.png), as NetPyNE's documentation plots
 * the winner of a search: its network created again from its cfg, its spikes from its data file.
 * None where the job left no data.
 */
async function bestRaster(model: Model, folder: string, job: string, label: string): Promise<string[]> {
  const dataFile = resolve(folder, `${job}_data.json`);
  if (!existsSync(dataFile)) return [];
  const cfg = (parseOrderedJson(readTextFile(resolve(folder, `${job}_cfg.json`)), job) as { simConfig: Record<string, unknown> }).simConfig;
  const saved = parseOrderedJson(readTextFile(dataFile), dataFile) as { simData: SimData };
  const net = create({ netParams: model.netParamsOf(cfg) as Record<string, unknown>, simConfig: cfg }, { mechanisms: model.mechanisms });
  const figs = [FIGURES.plotRaster({ net, simData: saved.simData }, { saveFig: `${label}_best_raster.png`, popRates: true })].flat();
  const out = new OutputDir(folder);
  const written: string[] = [];
  for (const fig of figs) written.push(await writeFigure(fig, out, `${label}_best_raster.png`, 'batch figure'));
  return written;
}

/** Whether the cfg file a finished job left has this job's values (a resumed search may suggest others). */
function sameJob(cfgFile: string, job: BatchJob): boolean {
  try {
    const saved = parseOrderedJson(readTextFile(cfgFile), cfgFile) as { simConfig?: Record<string, unknown> };
    const cfg = saved?.simConfig;
    if (!isPlainObject(cfg)) return false;
    return job.values.every(([label, value]) => {
      const found = cfgValue(cfg, `.${label}`);
      return 'value' in found && JSON.stringify(found.value) === JSON.stringify(value);
    });
  } catch {
    return false;
  }
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
  cfg.simLabel = job.label.slice(job.label.lastIndexOf('/') + 1);
  cfg.filename = job.label;
  cfg.saveFolder = '';
  return cfg;
}

/** Every job's spec checked as `run` checks it, the first few problems reported with their job; the checked specs. */
function checkJobs(model: Model, cfgs: Record<string, unknown>[], jobs: BatchJob[], diagnostics: Diagnostics): ModelSpec[] {
  const specs: ModelSpec[] = [];
  for (let k = 0; k < jobs.length && diagnostics.errors.length < 8; k++) {
    let netParams: unknown;
    try {
      netParams = model.netParamsOf(cfgs[k]);
    } catch (e) {
      diagnostics.error(`${jobs[k].label}: netParams`, undefined, `the netParams function threw: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const r = validateModel({ netParams: netParams as Record<string, unknown>, simConfig: cfgs[k] }, model.mechanisms, 'all');
    for (const d of r.diagnostics.errors) diagnostics.error(`${jobs[k].label}: ${d.path}`, d.value, d.message);
    specs.push({ netParams: r.netParams, simConfig: r.simConfig });
  }
  return specs;
}
