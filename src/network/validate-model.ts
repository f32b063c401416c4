import {
  type Catalog,
  collectionsAreObjects,
  Diagnostics,
  loadSpec,
  type ModelSpec,
  mentionsCfg,
  NetParams,
  normalizePythonFlags,
  resolveCfgReferences,
  SimConfig,
  type SpecInput,
  type ValidationScope,
  validateStructure,
} from '../spec/index.ts';
import { checkStringFunctions } from './check-functions.ts';
import { estimateResources, type ResourceEstimate } from './estimate.ts';
import { type ResourceLimits, resourceProblems } from './limits.ts';

export interface ValidationResult extends ModelSpec {
  diagnostics: Diagnostics;
  /** What the model needs (estimate.ts); absent when the spec has errors that make it meaningless. */
  estimate?: ResourceEstimate;
}

/**
 * Every check short of building: the spec's structure and references, unsupported options, and
 * every string function against its site's variables. Nothing stops at the first problem.
 * Python-typed switches (1/0/None) are first replaced by the booleans NetPyNE reads them as.
 * `scope: 'network'` limits simConfig checks to what network creation uses. Last, the model's
 * size is estimated and checked against hard bounds and `limits` (limits.ts). `catalog` holds the
 * mechanisms the model may use (the built-ins and any loaded mod files).
 */
export function validateModel(
  input: SpecInput | (ModelSpec & { warnings?: Diagnostics }),
  catalog: Catalog,
  scope: ValidationScope = 'all',
  limits: ResourceLimits = {},
): ValidationResult {
  const loaded = input instanceof Object && (input as ModelSpec).netParams instanceof NetParams && (input as ModelSpec).simConfig instanceof SimConfig;
  const spec = loaded
    ? { ...(input as ModelSpec), warnings: (input as { warnings?: Diagnostics }).warnings ?? new Diagnostics() }
    : loadSpec(input as SpecInput);
  const { simConfig, warnings } = spec;
  // cfg references are replaced in a copy where netParams is the caller's own NetParams
  const callers = typeof input === 'object' && input.netParams === spec.netParams;
  const netParams = callers && mentionsCfg(spec.netParams) ? new NetParams(spec.netParams) : spec.netParams;
  const diagnostics = new Diagnostics();
  diagnostics.list.push(...warnings.list);
  const cfgUsed = resolveCfgReferences(netParams as unknown as Record<string, unknown>, simConfig as unknown as Record<string, unknown>, diagnostics);
  // a reference that could not be resolved is its value's one problem (not also a bad string function)
  const unresolved = new Set(diagnostics.errors.map((d) => d.path));
  const checked = new Diagnostics();
  normalizePythonFlags(netParams, simConfig, checked);
  validateStructure(netParams, simConfig, scope, checked, catalog, cfgUsed);
  if (collectionsAreObjects(netParams)) checkStringFunctions(netParams, checked);
  diagnostics.list.push(...checked.list.filter((d) => !unresolved.has(d.path)));
  if (diagnostics.errors.length > 0) return { netParams, simConfig, diagnostics };
  const estimate = estimateResources(netParams, simConfig, catalog);
  for (const p of resourceProblems(estimate, netParams, simConfig, scope, limits)) diagnostics.error(p.path, p.value, p.message);
  return { netParams, simConfig, diagnostics, estimate };
}
