import { checkAnalysis } from '../analysis/check.ts';
import { validateModel } from '../network/index.ts';
import { checkOutputPaths, type ValidationScope } from '../spec/index.ts';
import { printDiagnostics, readSpecFile } from './io.ts';

export function runValidate(path: string, options: { scope: string; allowOutsidePaths?: boolean }): number {
  if (options.scope !== 'all' && options.scope !== 'network') {
    console.error(`error: --scope = ${JSON.stringify(options.scope)}: expected 'all' or 'network'`);
    return 2;
  }
  const spec = readSpecFile(path);
  if (Array.isArray(spec)) {
    printDiagnostics(spec);
    return 1;
  }
  const { netParams, simConfig, diagnostics } = validateModel(spec, options.scope as ValidationScope);
  if (options.scope === 'all') checkAnalysis(netParams, simConfig, diagnostics);
  if (options.scope === 'all' && !options.allowOutsidePaths) checkOutputPaths(simConfig, diagnostics);
  printDiagnostics(diagnostics.list);
  const errors = diagnostics.errors.length;
  const warnings = diagnostics.warnings.length;
  console.log(`${path}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}
