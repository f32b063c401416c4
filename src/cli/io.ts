import { readTextFile } from '../io/files.ts';
import { type Diagnostic, formatDiagnostic, loadSpec, type ModelSpec, SpecError } from '../spec/index.ts';

/** Reads a spec file (or takes its already parsed content); a missing file or bad JSON becomes one diagnostic. */
export function readSpecFile(path: string, parsed?: Record<string, unknown>): ModelSpec | Diagnostic[] {
  let text: string | Record<string, unknown>;
  try {
    text = parsed ?? readTextFile(path);
  } catch (e) {
    return [{ severity: 'error', path, message: (e as Error).message.replace(`cannot read ${path}: `, 'cannot read: ') }];
  }
  try {
    return loadSpec(text, path);
  } catch (e) {
    if (e instanceof SpecError) return e.diagnostics;
    if (e instanceof SyntaxError) return [{ severity: 'error', path, message: `not valid JSON: ${e.message}` }];
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
