import { FileError, readTextFile } from '../io/files.ts';
import { LoadError } from '../io/load.ts';
import { withBinaryData } from '../io/saved-files.ts';
import { type Diagnostic, formatDiagnostic, isPlainObject, loadSpec, type ModelSpec, parseOrderedJson, SpecError } from '../spec/index.ts';

/** A spec or saved-data file's JSON, a saved file's binary arrays read back in; a file that cannot be read becomes one diagnostic. */
export function readModelFile(path: string): Record<string, unknown> | Diagnostic[] {
  let raw: unknown;
  try {
    raw = parseOrderedJson(readTextFile(path), path);
    if (isPlainObject(raw)) withBinaryData(raw, path);
  } catch (e) {
    if (e instanceof SyntaxError) return [{ severity: 'error', path, message: `not valid JSON: ${e.message}` }];
    if (e instanceof FileError || e instanceof LoadError)
      return [{ severity: 'error', path, message: e.message.replace(`cannot read ${path}: `, 'cannot read: ').replace(`${path}: `, '') }];
    throw e;
  }
  return raw as Record<string, unknown>;
}

/** Reads a spec file (or takes its already read content); a file that cannot be read, or bad JSON, becomes one diagnostic. */
export function readSpecFile(path: string, read?: Record<string, unknown>): ModelSpec | Diagnostic[] {
  const raw = read ?? readModelFile(path);
  if (Array.isArray(raw)) return raw;
  try {
    return loadSpec(raw, path);
  } catch (e) {
    if (e instanceof SpecError) return e.diagnostics;
    throw e;
  }
}

/**
 * Prints each diagnostic on one line; a message repeated at many paths (an unknown mechanism
 * in every section of an imported cell) is printed once, with the count and the other paths.
 * With `limit`, at most that many lines, then how many more there are and where to see them.
 */
export function printDiagnostics(diagnostics: Diagnostic[], quiet = false, limit = Infinity, source = ''): void {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity === 'warning' && quiet) continue;
    const key = `${d.severity}|${d.message}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const lines = [...groups.values()];
  for (const group of lines.slice(0, limit)) {
    const [first, ...rest] = group;
    const more =
      rest.length === 0
        ? ''
        : ` (and ${rest.length} more: ${rest
            .slice(0, 3)
            .map((d) => d.path)
            .join(', ')}${rest.length > 3 ? ', ...' : ''})`;
    (first.severity === 'error' ? console.error : console.warn)(formatDiagnostic(first) + more);
  }
  if (lines.length > limit) console.error(`... and ${lines.length - limit} more (spikegpu validate ${source} lists them all)`);
}
