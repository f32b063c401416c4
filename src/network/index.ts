export { buildNetwork } from './build.ts';
export { Network, type CellView } from './network.ts';
export { NetworkBuildError } from './errors.ts';
export type { RealisedSection } from './views.ts';
export * from './types.ts';
export { netpyneJsonChunks } from './netpyne-json.ts';
export { checkStringFunctions } from './check-functions.ts';
export { validateModel, type ValidationResult } from './validate-model.ts';
