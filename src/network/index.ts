export { buildNetwork } from './build.ts';
export { checkStringFunctions } from './check-functions.ts';
export { ModifyError, NetworkBuildError } from './errors.ts';
export { ASSUMED_RATE_HZ, BYTES, type Contributor, estimateResources, type Quantity, type ResourceEstimate } from './estimate.ts';
export { formatCount, type LimitProblem } from './estimate-cells.ts';
export {
  builtTrainProblem,
  defaultMemoryLimit,
  describeEstimate,
  formatBytes,
  MAX_ARRAY_LENGTH,
  MAX_INDEX,
  MAX_NSEG,
  MAX_STEPS,
  MAX_TRAIN_SPIKES,
  memoryProblem,
  type ResourceLimits,
  resourceProblems,
  simulationBytes,
} from './limits.ts';
export {
  type Conds,
  type ModifyCellsParams,
  type ModifyConnsParams,
  type ModifyStimsParams,
  type ModifySynMechsParams,
  modifiedSynMechParams,
  modifyCells,
  modifyConns,
  modifyStims,
  modifySynMechs,
} from './modify/index.ts';
export { cellsJson, netpyneJsonChunks } from './netpyne-json.ts';
export { type CellView, Network } from './network.ts';
export * from './types.ts';
export { type ValidationResult, validateModel } from './validate-model.ts';
export type { RealisedSection } from './views.ts';
