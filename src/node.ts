// spikegpu's Node entry point ('spikegpu/node'): what only Node can do. The core ('spikegpu')
// runs unchanged in Deno and browsers, where `navigator.gpu` provides WebGPU.

export { totalmem as machineMemoryBytes } from 'node:os';
export { machineThreads, nodeThreads } from './backend/cpu/node-threads.ts';
export { Batch, type BatchModel } from './batch/batch-class.ts';
export { BatchError, type BatchInput, type BatchOptions, type BatchReport, type JobResult, runBatch } from './batch/node-batch.ts';
export { acquireNodeDevice } from './gpu/node.ts';
export { figurePng, figureSvg, writeFigure } from './io/figure-files.ts';
export { FileError, MAX_INPUT_BYTES, OutputDir, readTextFile } from './io/files.ts';
export { readSavedData, writeSavedData } from './io/saved-files.ts';
