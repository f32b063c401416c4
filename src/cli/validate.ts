import { checkAnalysis } from '../analysis/check.ts';
import { describeEstimate, validateModel } from '../network/index.ts';
import type { ValidationScope } from '../spec/index.ts';
import { printDiagnostics, readSpecFile } from './io.ts';
import { maxMemoryOption } from './memory.ts';

export function runValidate(path: string, options: { scope: string; maxMemory?: string }): number {
  if (options.scope !== 'all' && options.scope !== 'network') {
    console.error(`error: --scope = ${JSON.stringify(options.scope)}: expected 'all' or 'network'`);
    return 2;
  }
  const maxMemoryBytes = maxMemoryOption(options.maxMemory);
  if (typeof maxMemoryBytes === 'string') {
    console.error(`error: ${maxMemoryBytes}`);
    return 2;
  }
  const spec = readSpecFile(path);
  if (Array.isArray(spec)) {
    printDiagnostics(spec);
    return 1;
  }
  const { netParams, simConfig, diagnostics, estimate } = validateModel(spec, options.scope as ValidationScope, { maxMemoryBytes });
  if (options.scope === 'all') checkAnalysis(netParams, simConfig, diagnostics);
  printDiagnostics(diagnostics.list);
  if (estimate) console.log(`estimate: ${describeEstimate(estimate, options.scope as ValidationScope)}`);
  const errors = diagnostics.errors.length;
  const warnings = diagnostics.warnings.length;
  console.log(`${path}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}
