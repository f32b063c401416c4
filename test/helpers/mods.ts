import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { MechanismRegistry } from '../../src/mech/index.ts';
import { withModFiles } from '../../src/sim/mod-files.ts';

const MODS = resolve(__dirname, '../data/nmodl/mod');

/** A model's own mod folder (its copy under test/data/nmodl/mod), compiled as `--mod` does. */
export function modFolder(folder: string): MechanismRegistry {
  const dir = join(MODS, folder);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.mod'))
    .sort()
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'latin1') }));
  const include = (source: { file: string }, name: string) => {
    for (const d of [dirname(source.file), dirname(dirname(source.file))]) if (existsSync(join(d, name))) return readFileSync(join(d, name), 'latin1');
    return null;
  };
  return withModFiles(sources, include).mechanisms;
}

/** One mod file of the NEURON differential corpus (test/data/nmodl/mod), its INCLUDEs read beside it or one folder up. */
export function corpusModFile(file: string) {
  const path = join(MODS, file);
  const include = (_: unknown, name: string) => {
    for (const dir of [dirname(path), dirname(dirname(path))]) if (existsSync(join(dir, name))) return readFileSync(join(dir, name), 'latin1');
    return null;
  };
  return withModFiles([{ file, text: readFileSync(path, 'latin1') }], include);
}

/** A ModelDB model's mod folder of the corpus (e.g. 'modeldb/20756'), its files as given. */
export function corpusModFolder(folder: string) {
  const dir = join(MODS, folder);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.mod'))
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'latin1') }));
  return withModFiles(sources);
}
