import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { BUILTIN_MECHANISMS, type MechanismRegistry } from '../mech/index.ts';
import { type CompiledMechanism, NmodlError, parseMod, refusedInfo, translate } from '../nmodl/index.ts';
import type { MechanismInfo } from '../spec/index.ts';

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
  /** One line per built-in a mod file replaced, and per mod file refused (a model using its mechanism fails, naming the reason). */
  notices: string[];
}

type Compiled = { compiled: CompiledMechanism } | { refused: { info: MechanismInfo; error: string } };

/** Compiled mechanisms by a hash of their file name and text, with the INCLUDEd texts they were compiled with. */
const cache = new Map<string, { result: Compiled; includes: Array<[string, string]> }>();
const CACHE_LIMIT = 1024;

/**
 * The built-ins (or `base`) with `sources` added; `include(source, name)` reads a file a mod file
 * INCLUDEs. A file that is not NMODL at all (a syntax error) throws NmodlError (file:line:column);
 * one using what the front end cannot compile yet is kept as refused, so that models of the same
 * mod folder which do not use it run (NEURON compiles a whole folder; a model uses some of it).
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
    if (known?.includes.every(([name, text]) => include(source, name) === text)) return known.result;
    const includes: Array<[string, string]> = [];
    const reader = (name: string) => {
      const text = include(source, name);
      if (text !== null) includes.push([name, text]);
      return text;
    };
    const result = compileOrRefuse(source, reader);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, { result, includes });
    return result;
  });
  const names = new Map<string, string>();
  for (const [i, c] of compiled.entries()) {
    const name = 'compiled' in c ? c.compiled.def.name : c.refused.info.name;
    const other = names.get(name);
    if (other) throw new Error(`${ordered[i].file}: mechanism ${name} is also defined by ${other}`);
    names.set(name, ordered[i].file);
  }
  const ok = compiled.flatMap((c) => ('compiled' in c ? [c.compiled] : []));
  const all = compiled.flatMap((c) => ('refused' in c ? [c.refused] : []));
  // NEURON's own NetStim and VecStim (netstim.mod, vecevent.mod) need C spikegpu does not compile;
  // its built-ins are those mechanisms, so a model's copy of them keeps the built-in
  const stimCopies = all.filter((r) => STIM_BUILTINS.has(r.info.name) && base.get(r.info.name));
  const refused = all.filter((r) => !stimCopies.includes(r));
  const mechanisms = base.withMods(ok, refused);
  const notices = [
    ...mechanisms.replaced.filter((n) => !base.replaced.includes(n)).map((n) => `${names.get(n)}: mechanism ${n} replaces spikegpu's built-in ${n}`),
    ...stimCopies.map((r) => `${r.error} (spikegpu's built-in ${r.info.name}, NEURON's, is used instead)`),
    ...refused.map((r) => `${r.error} (a model using ${r.info.name} is refused)`),
  ];
  return { mechanisms, notices };
}

/** Built-in artificial cells whose mod files are NEURON's own (netstim.mod, vecevent.mod). */
const STIM_BUILTINS = new Set(['NetStim', 'VecStim']);

/** The compiled mechanism, or its catalogue entry and the reason when the front end refuses a construct. */
function compileOrRefuse(source: ModSource, include: (name: string) => string | null): Compiled {
  const program = parseMod(source.file, source.text, include);
  try {
    return { compiled: translate(program) };
  } catch (e) {
    const info = refusedInfo(program);
    if (!(e instanceof NmodlError) || !info) throw e;
    return { refused: { info, error: e.message } };
  }
}
