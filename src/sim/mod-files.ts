import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { BUILTIN_MECHANISMS, type MechanismRegistry } from '../mech/index.ts';
import { type CompiledMechanism, compileMod } from '../nmodl/index.ts';

// A model's own mod files, compiled on the fly (cached by content) and added to the built-in
// mechanisms, as nrnivmodl compiles a model's mod folder for NEURON: in the order of their file
// names (byte order, as nrnivmodl lists *.mod), which is the order of their mechanism types.

export interface ModSource {
  /** The file's name or path (errors name it; its base name orders the files). */
  file: string;
  text: string;
}

export interface LoadedMods {
  mechanisms: MechanismRegistry;
  /** One line per built-in a mod file replaced. */
  notices: string[];
}

/** Compiled mechanisms by a hash of their file name and text, with the INCLUDEd texts they were compiled with. */
const cache = new Map<string, { compiled: CompiledMechanism; includes: Array<[string, string]> }>();
const CACHE_LIMIT = 1024;

/**
 * The built-ins (or `base`) with `sources` added; `include(source, name)` reads a file a mod file
 * INCLUDEs. Throws NmodlError (file:line:column) for the first file that does not compile.
 */
export function withModFiles(
  sources: readonly ModSource[],
  include: (source: ModSource, name: string) => string | null = () => null,
  base: MechanismRegistry = BUILTIN_MECHANISMS,
): LoadedMods {
  const baseName = (f: string) => f.slice(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1);
  const ordered = [...sources].sort((a, b) => (baseName(a.file) < baseName(b.file) ? -1 : baseName(a.file) > baseName(b.file) ? 1 : 0));
  const compiled = ordered.map((source) => {
    const key = bytesToHex(sha256(utf8ToBytes(JSON.stringify([source.file, source.text]))));
    const known = cache.get(key);
    if (known?.includes.every(([name, text]) => include(source, name) === text)) return known.compiled;
    const includes: Array<[string, string]> = [];
    const reader = (name: string) => {
      const text = include(source, name);
      if (text !== null) includes.push([name, text]);
      return text;
    };
    const result = compileMod(source.file, source.text, reader);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, { compiled: result, includes });
    return result;
  });
  const names = new Map<string, string>();
  for (const [i, c] of compiled.entries()) {
    const other = names.get(c.def.name);
    if (other) throw new Error(`${ordered[i].file}: mechanism ${c.def.name} is also defined by ${other}`);
    names.set(c.def.name, ordered[i].file);
  }
  const mechanisms = base.withMods(compiled);
  const notices = mechanisms.replaced.filter((n) => !base.replaced.includes(n)).map((n) => `${names.get(n)}: mechanism ${n} replaces spikegpu's built-in ${n}`);
  return { mechanisms, notices };
}
