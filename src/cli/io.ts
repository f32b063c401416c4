import { readFileSync } from 'node:fs';
import { formatDiagnostic, loadSpec, SpecError, type Diagnostic, type ModelSpec } from '../spec/index.ts';

/** Reads a spec file (or takes its already parsed content); a missing file or bad JSON becomes one diagnostic. */
export function readSpecFile(path: string, parsed?: Record<string, unknown>): ModelSpec | Diagnostic[] {
  let text: string | Record<string, unknown>;
  try {
    text = parsed ?? readFileSync(path, 'utf8');
  } catch (e) {
    return [{ severity: 'error', path, message: `cannot read: ${(e as Error).message}` }];
  }
  try {
    return loadSpec(text, path);
  } catch (e) {
    if (e instanceof SpecError) return e.diagnostics;
    if (e instanceof SyntaxError) return [{ severity: 'error', path, message: `not valid JSON: ${e.message}` }];
    throw e;
  }
}

export function printDiagnostics(diagnostics: Diagnostic[], quiet = false): void {
  for (const d of diagnostics) {
    if (d.severity === 'error') console.error(formatDiagnostic(d));
    else if (!quiet) console.warn(formatDiagnostic(d));
  }
}
