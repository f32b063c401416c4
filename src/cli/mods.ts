import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileError, readTextFile } from '../io/files.ts';
import { BUILTIN_MECHANISMS, type MechanismRegistry } from '../mech/index.ts';
import { NmodlError } from '../nmodl/index.ts';
import { type ModSource, withModFiles } from '../sim/mod-files.ts';

// --mod DIR|FILE (repeatable): a model's own mod files, as nrnivmodl compiles a mod folder. A
// folder gives its *.mod files (not its subfolders); an INCLUDEd file is read beside the mod
// file, then in the folder above (NetPyNE's doc/source/code keeps netcon.inc there), then in
// the working directory (nocmodl's).

/** Bound on a mod file or an INCLUDEd file [bytes]; real ones are under 100 kB. */
export const MAX_MOD_BYTES = 1 << 20;
/** Most mod files loaded at once (NetPyNE models bring up to ~80). */
const MAX_MOD_FILES = 4096;

/** The registry for `--mod` paths (the built-ins without any), or an error line; prints a notice per built-in replaced unless quiet. */
export function loadModOptions(paths: readonly string[] | undefined, quiet = false): MechanismRegistry | string {
  if (!paths || paths.length === 0) return BUILTIN_MECHANISMS;
  const sources: ModSource[] = [];
  try {
    for (const path of paths) {
      const files = statSync(path).isDirectory()
        ? readdirSync(path)
            .filter((f) => f.endsWith('.mod'))
            .sort()
            .map((f) => join(path, f))
        : [path];
      if (files.length === 0) return `--mod ${path}: no .mod files in this folder`;
      for (const file of files) sources.push({ file, text: readTextFile(file, MAX_MOD_BYTES) });
      if (sources.length > MAX_MOD_FILES) return `--mod: more than ${MAX_MOD_FILES} mod files`;
    }
  } catch (e) {
    return fileError('--mod', e).message;
  }
  const include = (source: ModSource, name: string): string | null => {
    if (name.includes('\0')) return null;
    for (const dir of [dirname(source.file), dirname(dirname(source.file)), '.']) {
      try {
        return readTextFile(join(dir, name), MAX_MOD_BYTES);
      } catch {}
    }
    return null;
  };
  try {
    const { mechanisms, notices } = withModFiles(sources, include);
    if (!quiet) for (const n of notices) console.warn(`notice: ${n}`);
    return mechanisms;
  } catch (e) {
    if (e instanceof NmodlError || e instanceof Error) return e.message;
    throw e;
  }
}
