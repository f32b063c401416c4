export {
  Catalog,
  CONN_STRING_FUNC_PARAMS,
  canonicalParam,
  IONS,
  ionReversal,
  type MechanismInfo,
  type MechanismKind,
  NATIVE_MECHANISMS,
  PARAM_ALIASES,
  POINTP_RESERVED_KEYS,
  SECTION_DEFAULTS,
  STIM_SOURCE_TYPES,
  STIM_STRING_FUNC_PARAMS,
  SYNMECH_RESERVED_KEYS,
} from './catalog.ts';
export { cfgValue, mentionsCfg, resolveCfgReferences } from './cfg-references.ts';
export { deepOrdered, isPlainObject } from './deep-ordered.ts';
export { defaultNetParams, defaultQuirks, defaultSimConfig } from './defaults.ts';
export { type Diagnostic, Diagnostics, describeValue, didYouMean, formatDiagnostic, joinPath, SpecError } from './diagnostics.ts';
export { type GlobalVariable, globalVariable, modelGlobals } from './globals.ts';
export { parseOrderedJson } from './json.ts';
export { type JsonChunkOptions, joinChunks, jsonChunks } from './json-chunks.ts';
export { loadSpec, type ModelSpec, type SpecInput } from './load.ts';
export { NetParams } from './net-params.ts';
export { isOrderedDict, type OrderedDict, orderedDict, toOrderedDict } from './ordered-dict.ts';
export { checkOutputPaths, outputPathProblem } from './output-paths.ts';
export { pyTruthy } from './py-truthy.ts';
export { normalizePythonFlags } from './python-values.ts';
export { CONN_RANGES, FINITE, GEOM_RANGES, inRange, MECHANISM_RANGES, mechanismRange, POP_RANGES, type ValueRange } from './schema/ranges.ts';
export { SAVED_DATA_PARTS } from './schema/sim-config.ts';
export { SimConfig } from './sim-config.ts';
export * from './types.ts';
export { collectionsAreObjects, numericNetParams, SpecIndex, type ValidationScope, validateStructure } from './validate/index.ts';
export { POINT_CELL_EXTRAS, POP_STRUCTURE_KEYS } from './validate/pops.ts';
