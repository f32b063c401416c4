// The safety campaign of issue 12: every case of cases.ts through `spikegpu validate` and
// `spikegpu run --backend cpu` of a checkout (default this one), each in its own folder, killed
// beyond 6 GiB of resident memory or its time limit, and a count of the outcomes. Not run by CI.
//   npx tsx scripts/safety-campaign/campaign.ts [--root DIR] [--out results.json] [--jobs 2]
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Case, cases } from './cases.ts';

const { values: args } = parseArgs({ options: { root: { type: 'string', default: '.' }, out: { type: 'string' }, jobs: { type: 'string', default: '2' } } });
const root = resolve(args.root!);
const work = join(tmpdir(), `spikegpu-campaign-${process.pid}`);
const MEMORY_RSS = 6 * 2 ** 30; // bytes of resident memory: a run beyond it is killed, a memory blow-up
const TIMEOUT = { validate: 60, run: 120 }; // s

interface Run {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  seconds: number;
  rssBytes: number;
  timedOut: boolean;
}

function cli(cwd: string, argv: string[], timeout: number): Promise<Run> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', join(root, 'node_modules/tsx/dist/loader.mjs'), join(root, 'src/cli/main.ts'), ...argv], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let rssBytes = 0;
    const watch = setInterval(() => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        rssBytes = Math.max(rssBytes, kb * 1024);
        if (rssBytes > MEMORY_RSS) child.kill('SIGKILL');
      } catch {}
    }, 100);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeout * 1000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      done({ status, signal, stdout: stdout.slice(-4000), stderr: stderr.slice(-4000), seconds: (performance.now() - t0) / 1e3, rssBytes, timedOut });
    });
  });
}

/** Every file under `dir`, absolute. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name));
}

type Outcome = 'refused precisely' | 'ran' | 'crash' | 'hang' | 'memory' | 'outside write' | 'silent acceptance' | 'wrongly refused' | 'imprecise refusal';

const MEMORY_MESSAGES =
  /heap out of memory|Array buffer allocation failed|Invalid typed array length|Invalid array length|Invalid string length|RangeError: Array buffer|Maximum call stack|allocation failed/;

/** What one command did with a case. */
function outcome(r: Run, expect: Case['expect'], dir: string, cwd: string): Outcome {
  if (filesUnder(dir).some((f) => !f.startsWith(cwd))) return 'outside write';
  if (r.timedOut) return 'hang';
  if (r.rssBytes >= MEMORY_RSS || /heap out of memory|Array buffer allocation failed|allocation failed/.test(r.stderr)) return 'memory';
  const errorLines = r.stderr.split('\n').filter((l) => l.length > 0 && !l.startsWith('warning:'));
  const stackTrace = /^\s+at /m.test(r.stderr) || MEMORY_MESSAGES.test(r.stderr);
  if (r.signal || (r.status !== 0 && r.status !== 1 && r.status !== 2) || stackTrace) return 'crash';
  if (r.status === 0) return expect === 'refuse' ? 'silent acceptance' : 'ran';
  if (expect === 'accept') return 'wrongly refused';
  return errorLines.length > 0 && errorLines.every((l) => l.startsWith('error:') || l.startsWith('... and ')) ? 'refused precisely' : 'imprecise refusal';
}

async function runCase(c: Case, i: number) {
  // the case's own folder: it runs four levels below, so '..' escapes land inside it too
  const dir = join(work, String(i));
  const cwd = join(dir, 'a/b/c/cwd');
  const outside = join(dir, 'outside');
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, 'spec.json'), c.text(outside));
  for (const [name, content] of Object.entries(c.files?.(outside) ?? {})) writeFileSync(join(cwd, name), content);
  const validate = await cli(cwd, ['validate', 'spec.json'], TIMEOUT.validate);
  const validated = outcome(validate, c.expect, dir, cwd);
  const run = await cli(cwd, ['run', 'spec.json', '--backend', 'cpu', '-q'], TIMEOUT.run);
  const ran = outcome(run, c.expect, dir, cwd);
  // validate said nothing while run refused the same spec (after creating or simulating)
  const validateMissed = validate.status === 0 && run.status !== 0 && ran === 'refused precisely';
  rmSync(dir, { recursive: true, force: true });
  const tail = (r: Run) =>
    r.stderr
      .split('\n')
      .filter((l) => l.trim())
      .slice(-3)
      .join(' | ')
      .slice(0, 400);
  return {
    name: c.name,
    expect: c.expect,
    validate: validated,
    run: ran,
    validateMissed,
    runSeconds: run.seconds,
    runRssMiB: Math.round(run.rssBytes / 2 ** 20),
    validateTail: tail(validate),
    runTail: tail(run),
  };
}

const all = cases();
const results: Awaited<ReturnType<typeof runCase>>[] = new Array(all.length);
let next = 0;
await Promise.all(
  Array.from({ length: Number(args.jobs) }, async () => {
    while (next < all.length) {
      const i = next++;
      results[i] = await runCase(all[i], i);
      const r = results[i];
      console.log(
        `${String(i).padStart(3)} ${r.run.padEnd(18)} ${r.validate.padEnd(18)} ${r.name}${r.run === 'refused precisely' || r.run === 'ran' ? '' : `  ${r.runTail}`}`,
      );
    }
  }),
);
rmSync(work, { recursive: true, force: true });
const count = (key: 'run' | 'validate') =>
  Object.fromEntries([...new Set(results.map((r) => r[key]))].map((o) => [o, results.filter((r) => r[key] === o).length]));
const summary = { root, cases: results.length, run: count('run'), validate: count('validate'), validateMissed: results.filter((r) => r.validateMissed).length };
console.log(JSON.stringify(summary, null, 2));
if (args.out) writeFileSync(args.out, JSON.stringify({ summary, results }, null, 1));
