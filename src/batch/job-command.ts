import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// What runs one job of a batch: `spikegpu run <netParamsFile> --cfg <job>_cfg.json --out
// <job>_data.json` in the batch's folder, as Node's arguments (the CLI from its TypeScript
// sources through tsx when spikegpu itself runs from them, as in the tests).

export interface JobContext {
  folder: string;
  /** The netParams file of job `label`. */
  netParamsPath: (label: string) => string;
  backend: string;
  mod: string[];
  onJobStart?: (job: string, pid: number) => void;
}

export interface JobResult {
  job: string;
  status: 'done' | 'skipped' | 'failed';
  /** The exit code, or the signal (local) or scheduler state (SLURM) that ended the job. */
  exit?: number | string;
  log?: string;
  seconds?: number;
}

const fromSource = import.meta.url.endsWith('.ts');
const cli = fileURLToPath(new URL(`../cli/main.${fromSource ? 'ts' : 'js'}`, import.meta.url));

/** Node's arguments for job `label` on `threads` CPU threads. */
export function jobArguments(ctx: JobContext, label: string, threads: number): string[] {
  return [
    ...(fromSource ? ['--import', fileURLToPath(import.meta.resolve('tsx'))] : []),
    cli,
    'run',
    ctx.netParamsPath(label),
    '--cfg',
    resolve(ctx.folder, `${label}_cfg.json`),
    '--out',
    resolve(ctx.folder, `${label}_data.json`),
    '--out-dir',
    ctx.folder,
    '--backend',
    ctx.backend,
    '--threads',
    String(threads),
    ...ctx.mod.flatMap((m) => ['--mod', m]),
  ];
}

export const jobLog = (ctx: JobContext, label: string) => resolve(ctx.folder, `${label}.log`);
