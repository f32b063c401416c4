import { type Diagnostics, didYouMean, isPlainObject, joinPath } from '../spec/index.ts';
import { type EvolSpec, parseEvolCfg } from './evol-spec.ts';
import { type OptimSpec, parseOptimCfg } from './optim-spec.ts';

// A batch as NetPyNE's Batch object describes it (netpyne/batch/batch.py), read from JSON:
//   { batchLabel, saveFolder, method, params: [{label, values, group?}], initCfg, cfgFile,
//     netParamsFile, runCfg: {type, jobs, skip, script} }
// runCfg.type 'local' (or NetPyNE's 'mpi_bulletin', which also runs the jobs on this machine's
// cores): a pool of processes; runCfg.script names NetPyNE's init script, which spikegpu does
// not need (it runs the JSON model files).
// label: a cfg attribute, dotted for nested ones ('foo.bar', 'xn.0'); params with group: true
// vary together (NetPyNE's grouped params); the others form the grid.

export const BATCH_METHODS = ['grid', 'list', 'random', 'evol', 'optuna'] as const;
export type BatchMethod = (typeof BATCH_METHODS)[number];
/** NetPyNE's methods spikegpu does not run yet, and what to use instead. */
const LATER_METHODS: Record<string, string> = {
  asd: "not supported yet: use 'grid' or 'list' with the values to try, or 'evol' or 'optuna' to search",
};
export const RUNNER_TYPES = ['local', 'mpi_bulletin', 'hpc_slurm', 'gpu'] as const;
const LATER_RUNNERS: Record<string, string> = {
  mpi_direct: "spikegpu does not run a job over MPI: use runCfg.type 'local' (each job on its own, the jobs in parallel)",
  hpc_torque: "not supported yet: use runCfg.type 'local' or 'hpc_slurm'",
  slurm: "SLURM's runner is NetPyNE's 'hpc_slurm'",
};

/** runCfg of type 'hpc_slurm' (slurm-runner.ts): the array's sbatch options. */
export interface SlurmCfg {
  partition?: string;
  /** --account */
  allocation?: string;
  /** --time: minutes, or [days-]hours:minutes[:seconds] */
  walltime?: string;
  reservation?: string;
  /** CPUs per job (--cpus-per-task, and the job's CPU threads). */
  coresPerNode: number;
  /** Array tasks running at once at most (--array=...%concurrency). */
  concurrency?: number;
  /** Seconds between squeue calls. */
  poll: number;
}

export interface BatchParam {
  label: string;
  values: unknown[];
  group: boolean;
}

export interface BatchSpec {
  batchLabel: string;
  saveFolder: string;
  method: BatchMethod;
  params: BatchParam[];
  /** cfg attributes set for every job before the params (NetPyNE's initCfg). */
  initCfg: Record<string, unknown>;
  /** JSON files, relative to the batch file: the model's netParams and its cfg (simConfig). */
  netParamsFile?: string;
  cfgFile?: string;
  /** method 'evol': the algorithm's settings; the params' values are [lower, upper] bounds. */
  evolCfg?: EvolSpec;
  /** method 'optuna': the search's settings; the params' values are [lower, upper] bounds. */
  optimCfg?: OptimSpec;
  /** The seed of 'random', 'evol' and 'optuna' (default 1). */
  seed: number;
  /** method 'random': how many jobs (batchtools' num_samples, default 10). */
  numSamples: number;
  /** skip: jobs whose data file exists are not run again (NetPyNE's runCfg.skip). */
  runCfg: { type: 'local'; jobs?: number; skip: boolean } | ({ type: 'hpc_slurm'; skip: boolean } & SlurmCfg) | { type: 'gpu'; skip: boolean };
}

const KEYS = [
  'batchLabel',
  'saveFolder',
  'method',
  'params',
  'groupedParams',
  'initCfg',
  'cfgFile',
  'netParamsFile',
  'runCfg',
  'seed',
  'num_samples',
  'evolCfg',
  'optimCfg',
];
/** Labels and folders become file names: letters, digits, _ . - and (folders) /. */
const LABEL = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** Jobs in one batch at most (a grid's product is checked before anything is written). */
export const MAX_JOBS = 1_000_000;

/** The batch, or undefined with the problems in `diagnostics` (paths from 'batch'). */
export function parseBatch(raw: unknown, diagnostics: Diagnostics, options: { modelGiven?: boolean } = {}): BatchSpec | undefined {
  if (!isPlainObject(raw)) {
    diagnostics.error('batch', raw, 'expected an object with batchLabel, params, netParamsFile, ...');
    return undefined;
  }
  for (const key of Object.keys(raw))
    if (!KEYS.includes(key)) diagnostics.error(joinPath('batch', key), raw[key], `unknown key${didYouMean(key, KEYS)} (expected ${KEYS.join(', ')})`);
  const text = (key: string, fallback?: string, pattern?: RegExp): string => {
    const v = raw[key] ?? fallback;
    if (typeof v !== 'string' || v === '') diagnostics.error(joinPath('batch', key), v, 'expected a non-empty string');
    else if (pattern && !pattern.test(v)) diagnostics.error(joinPath('batch', key), v, 'expected letters, digits, _ . - (it names files)');
    return String(v);
  };
  const batchLabel = text('batchLabel', 'batch', LABEL);
  const saveFolder = text('saveFolder', batchLabel);
  // a batch given in TypeScript brings its model (node-batch.ts BatchInput)
  if (options.modelGiven)
    for (const key of ['netParamsFile', 'cfgFile'])
      if (raw[key] !== undefined) diagnostics.error(joinPath('batch', key), raw[key], 'a batch given in TypeScript takes netParams and cfg themselves');
  const netParamsFile = options.modelGiven && raw.netParamsFile === undefined ? undefined : text('netParamsFile');
  const cfgFile = raw.cfgFile === undefined ? undefined : text('cfgFile');
  const method = raw.method ?? 'grid';
  if (typeof method !== 'string' || !(BATCH_METHODS as readonly string[]).includes(method))
    diagnostics.error('batch.method', method, LATER_METHODS[String(method)] ?? `expected one of ${BATCH_METHODS.join(', ')}`);
  const initCfg = raw.initCfg ?? {};
  if (!isPlainObject(initCfg)) diagnostics.error('batch.initCfg', initCfg, 'expected an object of cfg attributes');
  const runCfg = parseRunCfg(raw.runCfg ?? { type: 'local' }, diagnostics);
  // the seed of the evolutionary method (grid and list draw nothing)
  const seed = raw.seed ?? 1;
  if (!(Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) < 2 ** 53))
    diagnostics.error('batch.seed', raw.seed, 'expected a whole number, 0 or more');
  const params = parseParams(raw.params, raw.groupedParams, method === 'list', diagnostics);
  const evolCfg = method === 'evol' ? parseEvolCfg(raw.evolCfg, diagnostics) : undefined;
  const optimCfg = method === 'optuna' ? parseOptimCfg(raw.optimCfg, diagnostics) : undefined;
  if (method === 'evol' || method === 'optuna' || method === 'random') checkBounds(params, String(method), diagnostics);
  const numSamples = raw.num_samples ?? 10;
  if (!(Number.isInteger(numSamples) && (numSamples as number) >= 1 && (numSamples as number) <= MAX_JOBS))
    diagnostics.error('batch.num_samples', numSamples, `expected a whole number of jobs from 1 to ${MAX_JOBS}`);
  if (method !== 'random' && raw.num_samples !== undefined) diagnostics.error('batch.num_samples', raw.num_samples, "only method 'random' reads num_samples");
  if (method !== 'evol' && raw.evolCfg !== undefined) diagnostics.error('batch.evolCfg', raw.evolCfg, "only method 'evol' reads evolCfg");
  if (method !== 'optuna' && raw.optimCfg !== undefined) diagnostics.error('batch.optimCfg', raw.optimCfg, "only method 'optuna' reads optimCfg");
  if (diagnostics.errors.length > 0) return undefined;
  return {
    batchLabel,
    saveFolder,
    method: method as BatchMethod,
    params,
    initCfg: initCfg as Record<string, unknown>,
    ...(netParamsFile ? { netParamsFile } : {}),
    ...(cfgFile ? { cfgFile } : {}),
    ...(evolCfg ? { evolCfg } : {}),
    ...(optimCfg ? { optimCfg } : {}),
    seed: seed as number,
    numSamples: numSamples as number,
    runCfg,
  };
}

/** 'evol' and 'optuna' params: values are [lower, upper], numbers, lower <= upper. */
function checkBounds(params: BatchParam[], method: string, diagnostics: Diagnostics): void {
  params.forEach((p, i) => {
    const [lo, hi] = p.values;
    if (p.values.length !== 2 || typeof lo !== 'number' || typeof hi !== 'number' || !(lo <= hi) || p.group)
      diagnostics.error(joinPath(joinPath('batch.params', i), 'values'), p.values, `method '${method}' needs [lower, upper] bounds, two numbers`);
  });
}

const LOCAL_KEYS = ['type', 'jobs', 'skip', 'script'];
const SLURM_KEYS = [
  'type',
  'skip',
  'script',
  'partition',
  'allocation',
  'walltime',
  'reservation',
  'coresPerNode',
  'nodes',
  'concurrency',
  'poll',
  'folder',
  'email',
];
const SLURM_REFUSED: Record<string, string> = {
  custom: 'lines of shell from a batch file are not run: use the sbatch options partition, allocation, walltime, reservation',
  mpiCommand: 'a job runs on one node as one process: no MPI command',
};
/** Names that go into #SBATCH lines. */
const SLURM_NAME = /^[A-Za-z0-9_.-]+$/;
const WALLTIME = /^(\d+|(\d+-)?\d+(:\d{2}){1,2}|\d+-\d+)$/;

function parseRunCfg(raw: unknown, diagnostics: Diagnostics): BatchSpec['runCfg'] {
  if (!isPlainObject(raw)) {
    diagnostics.error('batch.runCfg', raw, "expected an object such as {type: 'local'}");
    return { type: 'local', skip: false };
  }
  const type = raw.type ?? 'local';
  if (!(RUNNER_TYPES as readonly string[]).includes(String(type)))
    diagnostics.error('batch.runCfg.type', type, LATER_RUNNERS[String(type)] ?? `expected one of ${RUNNER_TYPES.join(', ')}`);
  const slurm = type === 'hpc_slurm';
  const keys = slurm ? SLURM_KEYS : type === 'gpu' ? ['type', 'skip'] : LOCAL_KEYS;
  for (const key of Object.keys(raw)) {
    const path = joinPath('batch.runCfg', key);
    if (slurm && Object.hasOwn(SLURM_REFUSED, key)) diagnostics.error(path, raw[key], SLURM_REFUSED[key]);
    else if (!keys.includes(key))
      diagnostics.error(path, raw[key], `unknown key${didYouMean(key, keys)} (runCfg.type '${String(type)}' takes ${keys.join(', ')})`);
  }
  const whole = (key: string, max: number): number | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max))
      diagnostics.error(joinPath('batch.runCfg', key), v, `expected a whole number from 1 to ${max}`);
    return Number(v);
  };
  const skip = raw.skip ?? false;
  if (typeof skip !== 'boolean') diagnostics.error('batch.runCfg.skip', skip, 'expected true or false');
  for (const key of ['script', 'folder', 'email'])
    if (raw[key] !== undefined && typeof raw[key] !== 'string') diagnostics.error(joinPath('batch.runCfg', key), raw[key], 'expected a string');
  if (type === 'gpu') return { type: 'gpu', skip: skip === true };
  if (!slurm) {
    const jobs = whole('jobs', 1024);
    return { type: 'local', ...(jobs ? { jobs } : {}), skip: skip === true };
  }
  const name = (key: string, pattern = SLURM_NAME, expected = 'letters, digits, _ . -'): string | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !pattern.test(v)) diagnostics.error(joinPath('batch.runCfg', key), v, `expected ${expected}`);
    return String(v);
  };
  if (raw.nodes !== undefined && raw.nodes !== 1) diagnostics.error('batch.runCfg.nodes', raw.nodes, 'a job runs on one node: expected 1');
  const poll = raw.poll ?? 2;
  if (typeof poll !== 'number' || !(poll >= 0.1 && poll <= 3600))
    diagnostics.error('batch.runCfg.poll', poll, 'expected seconds between squeue calls, 0.1 to 3600');
  const cfg = {
    partition: name('partition'),
    allocation: name('allocation'),
    reservation: name('reservation'),
    walltime: name('walltime', WALLTIME, 'minutes, or [days-]hours:minutes[:seconds]'),
    concurrency: whole('concurrency', 100_000),
  };
  const given = Object.fromEntries(Object.entries(cfg).filter(([, v]) => v !== undefined));
  return { type: 'hpc_slurm', skip: skip === true, coresPerNode: whole('coresPerNode', 1024) ?? 1, poll: Number(poll), ...given };
}

/**
 * The params: a list of {label, values, group}, or NetPyNE's dict {label: values} (an ODict in
 * Python: its order is the grid's); `groupedParams` (NetPyNE's Batch argument) lists the labels
 * that vary together.
 */
function parseParams(given: unknown, groupedLabels: unknown, list: boolean, diagnostics: Diagnostics): BatchParam[] {
  const raw = isPlainObject(given) ? Object.entries(given).map(([label, values]) => ({ label, values })) : given;
  if (!Array.isArray(raw) || raw.length === 0) {
    diagnostics.error('batch.params', given, 'expected a list of {label, values}, or {label: values}');
    return [];
  }
  if (groupedLabels !== undefined) {
    const labels = raw.map((p) => (isPlainObject(p) ? p.label : undefined));
    if (!Array.isArray(groupedLabels) || !groupedLabels.every((g) => typeof g === 'string'))
      diagnostics.error('batch.groupedParams', groupedLabels, 'expected a list of param labels');
    else
      for (const g of groupedLabels) {
        const k = labels.indexOf(g);
        if (k < 0)
          diagnostics.error(
            'batch.groupedParams',
            g,
            `not a param label${didYouMean(
              g,
              labels.filter((l): l is string => typeof l === 'string'),
            )}`,
          );
        else raw[k] = { ...(raw[k] as Record<string, unknown>), group: true };
      }
  }
  const params: BatchParam[] = [];
  raw.forEach((p, i) => {
    const path = joinPath('batch.params', i);
    if (!isPlainObject(p)) return diagnostics.error(path, p, 'expected {label, values}');
    for (const key of Object.keys(p))
      if (!['label', 'values', 'group'].includes(key)) diagnostics.error(joinPath(path, key), p[key], 'unknown key (expected label, values, group)');
    const label = p.label;
    if (typeof label !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|\d+))*$/.test(label))
      diagnostics.error(joinPath(path, 'label'), label, "expected a cfg attribute, dotted for a nested one ('foo.bar', 'xn.0')");
    if (!Array.isArray(p.values) || p.values.length === 0) diagnostics.error(joinPath(path, 'values'), p.values, 'expected a non-empty list of values');
    const group = p.group ?? false;
    if (typeof group !== 'boolean') diagnostics.error(joinPath(path, 'group'), group, 'expected true or false');
    params.push({ label: String(label), values: Array.isArray(p.values) ? p.values : [], group: group === true });
  });
  const grouped = params.filter((p) => p.group || list);
  if (grouped.some((p) => p.values.length !== grouped[0].values.length))
    diagnostics.error(
      'batch.params',
      grouped.map((p) => `${p.label}: ${p.values.length}`).join(', '),
      `${list ? "method 'list'" : 'grouped params'} need as many values each`,
    );
  const jobs = list
    ? (grouped[0]?.values.length ?? 0)
    : params.filter((p) => !p.group).reduce((n, p) => n * p.values.length, Math.max(1, grouped[0]?.values.length ?? 1));
  if (jobs > MAX_JOBS) diagnostics.error('batch.params', jobs, `the batch has ${jobs} jobs (at most ${MAX_JOBS})`);
  return params;
}
