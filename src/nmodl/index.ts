import { type IncludeReader, parseMod } from './parser.ts';
import { type CompiledMechanism, refusedInfo, translate } from './translate.ts';

// The NMODL front end: a mod file's text to a mechanism (info and definition).

export type { Program } from './ast.ts';
export { NmodlError, NmodlUnsupported } from './errors.ts';
export { MAX_MOD_LENGTH } from './lexer.ts';
export type { CompiledMechanism, IncludeReader };
export { parseMod, refusedInfo, translate };

/** Compiles one mod file; `include` reads the files it INCLUDEs. Throws NmodlError with file:line:column. */
export function compileMod(file: string, source: string, include?: IncludeReader): CompiledMechanism {
  return translate(parseMod(file, source, include));
}
