import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type JobContext, type JobResult, jobArguments, jobLog } from './job-command.ts';
import type { SlurmCfg } from './spec.ts';

// runCfg.type 'hpc_slurm': every job of the batch in ONE SLURM job array (not NetPyNE's sbatch
// file per job). <label>_jobs.txt lists the jobs; <label>_array.sh, submitted with `sbatch
// --parsable`, runs the job on line SLURM_ARRAY_TASK_ID + 1 (at most `concurrency` at once:
// --array=0-(n-1)%concurrency) and writes its exit status to <job>.exit. The batch follows the
// array with squeue until none of its tasks is pending or running, then takes each job's exit
// status from its .exit file; a task that ended without one (cancelled, killed, out of time or
// memory, never started) is failed with the state sacct (or, without accounting, scontrol)
// gives. Nothing is waited on for a job that is no longer in the queue.

export class SlurmError extends Error {
  override name = 'SlurmError';
}

export async function runSlurm(ctx: JobContext, label: string, labels: string[], cfg: SlurmCfg, onEnd: (r: JobResult) => void): Promise<void> {
  if (labels.length === 0) return;
  const list = resolve(ctx.folder, `${label}_jobs.txt`);
  const script = resolve(ctx.folder, `${label}_array.sh`);
  for (const job of labels) rmSync(exitFile(ctx, job), { force: true });
  await writeText(list, `${labels.join('\n')}\n`);
  await writeText(script, arrayScript(ctx, label, list, labels.length, cfg));
  const submitted = await command('sbatch', ['--parsable', script], ctx.folder);
  const id = submitted.trim().split(';')[0];
  if (!/^\d+$/.test(id)) throw new SlurmError(`sbatch answered '${submitted.trim()}', not a job id`);
  const open = new Set(labels.map((_, k) => k));
  const finish = async (k: number, queueState?: string) => {
    open.delete(k);
    onEnd(await taskResult(ctx, id, k, labels[k], queueState));
  };
  let failures = 0;
  while (open.size > 0) {
    let queued: Map<number, string>;
    try {
      queued = await queuedTasks(id, ctx.folder);
      failures = 0;
    } catch (e) {
      // a controller that does not answer three times running ends the wait, never an endless one
      if (++failures < 3) {
        await sleep(cfg.poll);
        continue;
      }
      for (const k of [...open]) await finish(k, `squeue failed: ${(e as Error).message}`);
      break;
    }
    for (const k of [...open]) if (existsSync(exitFile(ctx, labels[k])) || (!queued.has(k) && !queued.has(-1))) await finish(k);
    if (open.size > 0) await sleep(cfg.poll);
  }
}

/** The array's tasks still pending or running, by task index (-1: pending tasks squeue lists as one range). */
async function queuedTasks(id: string, cwd: string): Promise<Map<number, string>> {
  const out = await command('squeue', ['-h', '-r', '-j', id, '-o', '%i|%T'], cwd, true);
  const tasks = new Map<number, string>();
  for (const line of out.split('\n')) {
    const [task, state] = line.trim().split('|');
    if (!task) continue;
    const k = /_(\d+)$/.exec(task);
    tasks.set(k ? Number(k[1]) : -1, state ?? '');
  }
  return tasks;
}

async function taskResult(ctx: JobContext, id: string, k: number, job: string, problem?: string): Promise<JobResult> {
  const log = jobLog(ctx, job);
  const file = exitFile(ctx, job);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    const code = /^\d+$/.test(text) ? Number(text) : text;
    return code === 0 ? { job, status: 'done', exit: 0, log } : { job, status: 'failed', exit: code, log };
  }
  const state = problem ?? (await schedulerState(`${id}_${k}`, ctx.folder));
  return { job, status: 'failed', exit: `SLURM ${state}`, log };
}

/** The task's final state and exit code: sacct where accounting is on, else scontrol (while the controller remembers it). */
async function schedulerState(task: string, cwd: string): Promise<string> {
  try {
    const line = (await command('sacct', ['-n', '-P', '-X', '-j', task, '-o', 'State,ExitCode'], cwd, true)).trim().split('\n')[0];
    if (line) {
      const [state, code] = line.split('|');
      return `${state} (exit code ${code})`;
    }
  } catch {
    // no accounting storage: ask the controller
  }
  try {
    const text = await command('scontrol', ['-o', 'show', 'job', task], cwd, true);
    const state = /JobState=(\S+)/.exec(text)?.[1];
    const code = /ExitCode=(\S+)/.exec(text)?.[1];
    const reason = /Reason=(\S+)/.exec(text)?.[1];
    if (state) return `${state} (exit code ${code ?? '?'}${reason && reason !== 'None' ? `, ${reason}` : ''})`;
  } catch {
    // forgotten by the controller
  }
  return 'ended without an exit status (no state known to sacct or scontrol)';
}

function arrayScript(ctx: JobContext, label: string, list: string, n: number, cfg: SlurmCfg): string {
  const q = shellQuote;
  const args = jobArguments(ctx, '"$JOB"', cfg.coresPerNode).map((a) => (a.includes('"$JOB"') ? a.split('"$JOB"').map(q).join('"$JOB"') : q(a)));
  return [
    '#!/bin/bash',
    `#SBATCH --job-name=${label}`,
    `#SBATCH --array=0-${n - 1}${cfg.concurrency ? `%${cfg.concurrency}` : ''}`,
    `#SBATCH --cpus-per-task=${cfg.coresPerNode}`,
    '#SBATCH --nodes=1',
    `#SBATCH --output=${q(resolve(ctx.folder, `${label}_%a.slurm.out`))}`,
    ...(cfg.walltime ? [`#SBATCH --time=${cfg.walltime}`] : []),
    ...(cfg.partition ? [`#SBATCH --partition=${cfg.partition}`] : []),
    ...(cfg.allocation ? [`#SBATCH --account=${cfg.allocation}`] : []),
    ...(cfg.reservation ? [`#SBATCH --reservation=${cfg.reservation}`] : []),
    `# spikegpu batch ${label}: job (SLURM_ARRAY_TASK_ID + 1) of ${q(list)}`,
    `JOB=$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" ${q(list)})`,
    `${q(process.execPath)} ${args.join(' ')} > ${q(ctx.folder)}/"$JOB".log 2>&1`,
    'status=$?',
    `echo "$status" > ${q(ctx.folder)}/"$JOB".exit`,
    'exit "$status"',
    '',
  ].join('\n');
}

const exitFile = (ctx: JobContext, job: string) => resolve(ctx.folder, `${job}.exit`);

/** `s` as one shell word. */
function shellQuote(s: string): string {
  return s === '' ? "''" : `'${s.replaceAll("'", `'\\''`)}'`;
}

function command(name: string, args: string[], cwd: string, quiet = false): Promise<string> {
  return new Promise((done, fail) => {
    execFile(name, args, { cwd, timeout: 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      const why =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${name} is not installed here (runCfg.type 'hpc_slurm' needs SLURM's commands)`
          : `${name} ${args.join(' ')}: ${stderr.trim().split('\n')[0] || error.message}`;
      fail(quiet ? new Error(why) : new SlurmError(why));
    });
  });
}

async function writeText(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o755 });
}

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1e3));
