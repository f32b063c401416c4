// spikegpu: NetPyNE-style network models, NEURON-exact, on WebGPU.
export * from './spec/index.ts';
export { compileExpression, ExprError, ExprRuntimeError, type CompiledExpr, type ExprContext } from './expr/index.ts';
export { NeuronRandom, Random123Stream, hashStr, hashList, netStimTrain, netStimNoiseStream } from './rng/index.ts';
export { Network, buildNetwork, validateModel, netpyneJsonChunks, NetworkBuildError, type CellView, type NetworkData } from './network/index.ts';
export {
  modifyCells, modifySynMechs, modifyConns, modifyStims, ModifyError,
  type ModifyCellsParams, type ModifySynMechsParams, type ModifyConnsParams, type ModifyStimsParams,
} from './network/index.ts';
export { create, type CreateOptions } from './sim/create.ts';
export { simulate, createSimulate, type SimulateOptions, type SimulationResult, type BackendName } from './sim/simulate.ts';
export { analyze, createSimulateAnalyze, FIGURES, type AnalysisResult } from './analysis/analyze.ts';
export { checkAnalysis } from './analysis/check.ts';
export type { Figure } from './analysis/figure.ts';
export type { Painter, TextStyle } from './analysis/draw/painter.ts';
export { SvgPainter } from './analysis/draw/svg.ts';
export { CanvasPainter, type Context2D, type PixelAccess } from './analysis/draw/canvas.ts';
export * as stats from './analysis/stats.ts';
export { loadNetwork, LoadError, type LoadOptions } from './io/load.ts';
export { packSimData, unpackSimData } from './io/binary.ts';
export { loadSimulate } from './io/load-simulate.ts';
export { savedDataChunks } from './sim/saved-data.ts';
export type { SimData } from './sim/sim-data.ts';
export { compile, CompileError, type CompiledModel } from './compile/index.ts';
