export * from './types.ts';
export { NetParams } from './net-params.ts';
export { SimConfig } from './sim-config.ts';
export { loadSpec, type ModelSpec, type SpecInput } from './load.ts';
export { defaultNetParams, defaultSimConfig, defaultQuirks } from './defaults.ts';
export { Diagnostics, SpecError, formatDiagnostic, didYouMean, joinPath, describeValue, type Diagnostic } from './diagnostics.ts';
export { orderedDict, isOrderedDict, toOrderedDict, type OrderedDict } from './ordered-dict.ts';
export { parseOrderedJson } from './json.ts';
export { deepOrdered, isPlainObject } from './deep-ordered.ts';
export {
  MECHANISMS, IONS, SECTION_DEFAULTS, canonicalParam, mechanismsOfKind, POINTP_RESERVED_KEYS, SYNMECH_RESERVED_KEYS,
  CONN_STRING_FUNC_PARAMS, STIM_STRING_FUNC_PARAMS, type MechanismInfo, type MechanismKind,
} from './catalog.ts';
export { validateStructure, numericNetParams, SpecIndex, type ValidationScope } from './validate/index.ts';
export { POP_STRUCTURE_KEYS, POINT_CELL_EXTRAS } from './validate/pops.ts';
export { SAVED_DATA_PARTS } from './schema/sim-config.ts';
export { normalizePythonFlags } from './python-values.ts';
export { pyTruthy } from './py-truthy.ts';
