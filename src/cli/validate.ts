import { checkAnalysis, checkAnalysisOnNetwork } from '../analysis/check.ts';
import { describeEstimate, validateModel } from '../network/index.ts';
import { checkRunnable } from '../sim/preflight.ts';
import { checkOutputPaths, type ValidationScope } from '../spec/index.ts';
import { printDiagnostics, readSpecFile } from './io.ts';
import { maxMemoryOption } from './memory.ts';
import { loadModOptions } from './mods.ts';

export function runValidate(path: string, options: { scope: string; allowOutsidePaths?: boolean; maxMemory?: string; mod?: string[] }): number {
  if (options.scope !== 'all' && options.scope !== 'network') {
    console.error(`error: --scope = ${JSON.stringify(options.scope)}: expected 'all' or 'network'`);
    return 2;
  }
  const maxMemoryBytes = maxMemoryOption(options.maxMemory);
  if (typeof maxMemoryBytes === 'string') {
    console.error(`error: ${maxMemoryBytes}`);
    return 2;
  }
  const mechanisms = loadModOptions(options.mod);
  if (typeof mechanisms === 'string') {
    console.error(`error: ${mechanisms}`);
    return 1;
  }
  const spec = readSpecFile(path);
  if (Array.isArray(spec)) {
    printDiagnostics(spec);
    return 1;
  }
  const scope = options.scope as ValidationScope;
  const { netParams, simConfig, diagnostics, estimate } = validateModel(spec, mechanisms, scope, { maxMemoryBytes });
  if (scope === 'all') checkAnalysis(netParams, simConfig, diagnostics);
  if (scope === 'all' && !options.allowOutsidePaths) checkOutputPaths(simConfig, diagnostics);
  // what run refuses only once the network exists: built (and compiled) after the cheap checks pass
  const net = diagnostics.errors.length === 0 ? checkRunnable(netParams, simConfig, scope, diagnostics, { maxMemoryBytes }, mechanisms) : null;
  if (net && scope === 'all') checkAnalysisOnNetwork(net, diagnostics);
  printDiagnostics(diagnostics.list);
  if (estimate) console.log(`estimate: ${describeEstimate(estimate, scope)}`);
  const errors = diagnostics.errors.length;
  const warnings = diagnostics.warnings.length;
  console.log(`${path}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}
