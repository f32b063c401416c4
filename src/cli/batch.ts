import { SingleBar } from 'cli-progress';
import { BatchError, type JobResult, runBatch } from '../batch/node-batch.ts';
import { FileError } from '../io/files.ts';
import { BACKEND_NAMES, type BackendName } from '../sim/simulate.ts';

export interface BatchCliOptions {
  outDir: string;
  allowOutsidePaths?: boolean;
  backend: string;
  jobs?: string;
  quiet?: boolean;
  mod?: string[];
}

/** spikegpu batch: runs every job of a NetPyNE batch (src/batch/node-batch.ts); exit 1 if any failed. */
export async function runBatchCommand(file: string, options: BatchCliOptions): Promise<number> {
  if (!BACKEND_NAMES.includes(options.backend as BackendName)) return usage(`--backend must be one of ${BACKEND_NAMES.join(', ')} (got '${options.backend}')`);
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 1024))
    return usage(`--jobs must be a whole number from 1 to 1024 (got '${options.jobs}')`);
  const bar =
    options.quiet || !process.stderr.isTTY
      ? null
      : new SingleBar({ format: 'batch [{bar}] {value}/{total} jobs | {failed} failed | eta {eta}s', stream: process.stderr, hideCursor: true });
  let failed = 0;
  try {
    const report = await runBatch(file, {
      outDir: options.outDir,
      allowOutsidePaths: options.allowOutsidePaths,
      backend: options.backend,
      ...(jobs ? { jobs } : {}),
      ...(options.mod?.length ? { mod: options.mod } : {}),
      onJob: (ended, total, _job, result) => {
        if (result.status === 'failed') failed++;
        if (!bar) return;
        if (ended === 1) bar.start(total, 0, { failed: 0 });
        bar.update(ended, { failed });
      },
    });
    bar?.stop();
    for (const f of report.failed) console.error(`error: job ${f.job} failed (${describeExit(f)}); its output: ${f.log}`);
    if (!options.quiet) {
      const count = (s: JobResult['status']) => report.jobs.filter((r) => r.status === s).length;
      console.log(`batch ${report.batchLabel}: ${count('done')} jobs run, ${count('skipped')} skipped, ${count('failed')} failed; files in ${report.folder}`);
      if (report.rates) printRates(report.rates);
      if (report.best) {
        const values = Object.entries(report.best.values).map(([k, v]) => `${k} = ${Number(v.toPrecision(6))}`);
        console.log(`best candidate ${report.best.job}: fitness ${Number(report.best.fitness.toPrecision(6))} (${values.join(', ')})`);
      }
      for (const file of report.analysis) console.log(`wrote ${file}`);
    }
    return report.failed.length > 0 ? 1 : 0;
  } catch (e) {
    bar?.stop();
    if (e instanceof BatchError || e instanceof FileError) {
      for (const line of e.message.split('\n')) console.error(`error: ${line}`);
      return 1;
    }
    throw e;
  }
}

/** Each population's mean rate [Hz] per job of a two-param grid, as a table. */
function printRates(t: NonNullable<Awaited<ReturnType<typeof runBatch>>['rates']>): void {
  const [p1, p2] = t.params;
  for (const pop of t.pops) {
    console.log(`${pop} rate [Hz]: rows ${p1}, columns ${p2}`);
    const header = ['', ...t.values[1].map(String)];
    const rows = t.values[0].map((v, i) => [String(v), ...t.rates[pop][i].map((r) => (Number.isFinite(r) ? r.toFixed(2) : '-'))]);
    const width = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
    for (const r of [header, ...rows]) console.log(r.map((c, k) => c.padStart(width[k])).join('  '));
  }
}

function describeExit(r: JobResult): string {
  return typeof r.exit === 'number' ? `exit status ${r.exit}` : r.exit ? `ended by ${r.exit}` : 'did not start';
}

function usage(message: string): number {
  console.error(`error: ${message}`);
  return 2;
}
