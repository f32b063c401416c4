export { buildNetwork } from './build.ts';
export { Network, type CellView } from './network.ts';
export { NetworkBuildError, ModifyError } from './errors.ts';
export {
  modifyCells, modifySynMechs, modifyConns, modifyStims, modifiedSynMechParams,
  type ModifyCellsParams, type ModifySynMechsParams, type ModifyConnsParams, type ModifyStimsParams, type Conds,
} from './modify/index.ts';
export type { RealisedSection } from './views.ts';
export * from './types.ts';
export { netpyneJsonChunks } from './netpyne-json.ts';
export { checkStringFunctions } from './check-functions.ts';
export { validateModel, type ValidationResult } from './validate-model.ts';
