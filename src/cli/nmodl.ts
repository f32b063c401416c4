import { dirname, join } from 'node:path';
import { fileError, readTextFile } from '../io/files.ts';
import { checkModFile, type ModCheck } from '../sim/mod-check.ts';
import { MAX_MOD_BYTES } from './mods.ts';

// spikegpu nmodl [--json] FILE.mod...: compiles each mod file for every target and reports, per
// file, ok or the first unsupported construct with file:line:column. INCLUDEd files are looked
// up beside the mod file, then in the working directory (as nocmodl does).

export function runNmodl(files: string[], options: { json?: boolean }): number {
  const results = files.map(checkOne);
  if (options.json) console.log(JSON.stringify(results, null, 2));
  else for (const r of results) console.log(r.ok ? `${r.file}: ok (${r.mechanism}${r.webgpu ? `; CPU backend only: ${r.webgpu}` : ''})` : r.error);
  return results.every((r) => r.ok) ? 0 : 1;
}

function checkOne(file: string): ModCheck {
  let source: string;
  try {
    source = readTextFile(file, MAX_MOD_BYTES);
  } catch (e) {
    return { file, ok: false, mechanism: null, error: fileError(file, e).message, webgpu: null };
  }
  const include = (name: string): string | null => {
    if (name.includes('\0')) return null;
    for (const dir of [dirname(file), '.']) {
      try {
        return readTextFile(join(dir, name), MAX_MOD_BYTES);
      } catch {}
    }
    return null;
  };
  return checkModFile(file, source, include);
}
