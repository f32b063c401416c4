// spikegpu: NetPyNE-style network models, NEURON-exact, on WebGPU.

export { type AnalysisResult, analyze, createSimulateAnalyze, FIGURES } from './analysis/analyze.ts';
export { checkAnalysis, checkAnalysisOnNetwork } from './analysis/check.ts';
export { CanvasPainter, type Context2D, type PixelAccess } from './analysis/draw/canvas.ts';
export type { Painter, TextStyle } from './analysis/draw/painter.ts';
export { SvgPainter } from './analysis/draw/svg.ts';
export type { Figure } from './analysis/figure.ts';
export * as stats from './analysis/stats.ts';
export {
  BACKENDS,
  type Backend,
  type BackendId,
  type BackendRun,
  type RunOutput,
  type RunRequest,
  type SpikeRecord,
  type ThreadFactory,
  type ThreadPort,
  UnsupportedOnBackend,
} from './backend/index.ts';
export { type CompiledModel, CompileError, compile } from './compile/index.ts';
export { type CompiledExpr, compileExpression, type ExprContext, ExprError, ExprRuntimeError } from './expr/index.ts';
export { packSimData, unpackSimData } from './io/binary.ts';
export { LoadError, type LoadOptions, loadNetwork } from './io/load.ts';
export { loadSimulate } from './io/load-simulate.ts';
export { BUILTIN_MECHANISMS, MechanismRegistry } from './mech/index.ts';
export {
  buildNetwork,
  type CellView,
  type Contributor,
  defaultMemoryLimit,
  describeEstimate,
  estimateResources,
  formatBytes,
  MAX_INDEX,
  MAX_NSEG,
  MAX_STEPS,
  type ModifyCellsParams,
  type ModifyConnsParams,
  ModifyError,
  type ModifyStimsParams,
  type ModifySynMechsParams,
  modifyCells,
  modifyConns,
  modifyStims,
  modifySynMechs,
  Network,
  NetworkBuildError,
  type NetworkData,
  netpyneJsonChunks,
  type ResourceEstimate,
  type ResourceLimits,
  validateModel,
} from './network/index.ts';
export { hashList, hashStr, NeuronRandom, netStimNoiseStream, netStimTrain, Random123Stream } from './rng/index.ts';
export { type CreateOptions, create } from './sim/create.ts';
export { type ModSource, withModFiles } from './sim/mod-files.ts';
export { checkRunnable, createForCheck } from './sim/preflight.ts';
export { savedDataChunks } from './sim/saved-data.ts';
export type { SimData } from './sim/sim-data.ts';
export { BACKEND_NAMES, type BackendName, createSimulate, type SimulateOptions, type SimulationResult, simulate } from './sim/simulate.ts';
export * from './spec/index.ts';
