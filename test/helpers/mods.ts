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
