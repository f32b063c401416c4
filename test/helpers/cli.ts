import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the spikegpu CLI from source (tsx), returning exit code and output. */
export function runCli(args: string[], cwd = root): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs(args), { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Node's arguments that run the CLI from source (tsx) in any working folder. */
export function cliArgs(args: string[]): string[] {
  return ['--import', resolve(root, 'node_modules/tsx/dist/loader.mjs'), resolve(root, 'src/cli/main.ts'), ...args];
}
