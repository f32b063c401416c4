import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type JobContext, type JobResult, jobArguments, jobLog } from './job-command.ts';

// runCfg.type 'local': the jobs as processes on this machine, `parallel` at once (each on one
// CPU thread when several run, else on every core), their output in <job>.log.

export async function runLocal(ctx: JobContext, labels: string[], parallel: number, onEnd: (r: JobResult) => void): Promise<void> {
  const todo = [...labels];
  const workers = Math.max(1, Math.min(parallel, todo.length));
  const threads = workers > 1 ? 1 : availableParallelism();
  const worker = async () => {
    for (let label = todo.shift(); label !== undefined; label = todo.shift()) onEnd(await runJob(ctx, label, threads));
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

function runJob(ctx: JobContext, label: string, threads: number): Promise<JobResult> {
  const log = jobLog(ctx, label);
  const t0 = performance.now();
  return new Promise((done) => {
    const stream = createWriteStream(log);
    const child = spawn(process.execPath, jobArguments(ctx, label, threads), { cwd: ctx.folder, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) ctx.onJobStart?.(label, child.pid);
    child.stdout.pipe(stream, { end: false });
    child.stderr.pipe(stream, { end: false });
    let ended = false;
    const end = (exit: number | string | undefined, ok: boolean) => {
      if (ended) return;
      ended = true;
      stream.end();
      const seconds = (performance.now() - t0) / 1e3;
      done(
        ok ? { job: label, status: 'done', exit: 0, log, seconds } : { job: label, status: 'failed', ...(exit === undefined ? {} : { exit }), log, seconds },
      );
    };
    child.on('error', (e) => end(e.message, false));
    child.on('close', (code, signal) => end(signal ?? code ?? undefined, code === 0));
  });
}
