import {
  Diagnostics,
  loadSpec,
  type ModelSpec,
  NetParams,
  normalizePythonFlags,
  SimConfig,
  type SpecInput,
  type ValidationScope,
  validateStructure,
} from '../spec/index.ts';
import { checkStringFunctions } from './check-functions.ts';

export interface ValidationResult extends ModelSpec {
  diagnostics: Diagnostics;
}

/**
 * Every check short of building: the spec's structure and references, unsupported options, and
 * every string function against its site's variables. Nothing stops at the first problem.
 * Python-typed switches (1/0/None) are first replaced by the booleans NetPyNE reads them as.
 * `scope: 'network'` limits simConfig checks to what network creation uses.
 */
export function validateModel(input: SpecInput | (ModelSpec & { warnings?: Diagnostics }), scope: ValidationScope = 'all'): ValidationResult {
  const loaded = input instanceof Object && (input as ModelSpec).netParams instanceof NetParams && (input as ModelSpec).simConfig instanceof SimConfig;
  const { netParams, simConfig, warnings } = loaded
    ? { ...(input as ModelSpec), warnings: (input as { warnings?: Diagnostics }).warnings ?? new Diagnostics() }
    : loadSpec(input as SpecInput);
  const diagnostics = new Diagnostics();
  diagnostics.list.push(...warnings.list);
  normalizePythonFlags(netParams, simConfig, diagnostics);
  validateStructure(netParams, simConfig, scope, diagnostics);
  checkStringFunctions(netParams, diagnostics);
  return { netParams, simConfig, diagnostics };
}
