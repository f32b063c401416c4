import type { CompiledModel } from '../compile/index.ts';
import type { AcquiredDevice } from '../gpu/device.ts';
import type { LoweredMechanism, Precision } from '../mech/index.ts';

// The contract every backend keeps (DESIGN §1): it takes a compiled model and its lowered
// mechanisms, runs NEURON's fixed step from finitialize to tstop and hands back what the run
// recorded, in the CPU reference's order. simulate() and the CLI reach backends only through
// this interface and the registry in ./index.ts.

/** The backends, by the name `simulate({ backend })` and `--backend` take. */
export type BackendId = 'cpu' | 'webgpu';

export interface SpikeRecord {
  /** [ms] */
  time: number[];
  gid: number[];
}

/** What a run recorded. */
export interface RunOutput {
  /** Cell spikes in NEURON's order (per boundary: detectors in cell order, then train and artificial spikes in time order). */
  spikes: SpikeRecord;
  /** Per probe, one value per recordEvery steps (first at t = 0). */
  samples: ArrayLike<number>[];
  /** [ms] of each sample (NEURON's recorded t). */
  sampleTimes: ArrayLike<number>;
  /** How many of the samples were taken (NetPyNE's recording may stop one short of the arrays). */
  sampleCount: number;
  /** With recordStim: the spikes of NetStim stimuli within the run, by stim row. */
  stimSpikes: { time: number[]; stim: number[] };
}

/** A run's output and how it ran. */
export interface BackendRun extends RunOutput {
  precision: Precision;
  /** The device's adapter, in words. */
  adapter?: string;
  /** [s] of the run spent making buffers and pipelines before the first step. */
  setupSeconds?: number;
  /** Compute dispatches per step (mean over the run). */
  dispatchesPerStep?: number;
  /** How the steps ran (e.g. "fused chunks of 201 steps"), or why not the fastest way. */
  path?: string;
  /** Device memory [bytes]: all of it and the part that grows with the synapses. */
  deviceBytes?: { total: number; synapses: number };
  /** CPU: the threads the cells were split over, and why fewer than asked for. */
  threads?: { used: number; reason?: string };
}

/**
 * A worker thread (Node's worker_threads, a Web Worker) serving cpu/partition-worker.ts: one
 * partition of a threaded CPU run.
 */
export interface ThreadPort {
  post(message: unknown): void;
  /** Messages from the worker, and its failure (an error, or an exit). */
  listen(onMessage: (message: unknown) => void, onFailure: (error: Error) => void): void;
  terminate(): void;
}

/** Starts a worker thread (spikegpu/node's nodeThreads; webThreads where Worker exists). */
export type ThreadFactory = () => ThreadPort;

export interface RunRequest {
  model: CompiledModel;
  mechanisms: LoweredMechanism[];
  /** The CPU backend's arithmetic ('f64' NEURON's, 'f32' the GPU's); a GPU backend has its own. */
  precision?: Precision;
  /** NetPyNE's simConfig.recordStim: keep the spikes of NetStim stimuli. */
  recordStim: boolean;
  /** Called as the run advances with the fraction done and the simulated time [ms]. */
  onProgress?: (fraction: number, timeMs: number) => void;
  /** The device of a GPU backend. */
  device?: AcquiredDevice;
  /** CPU: worker threads to split the cells over (default 1: this thread), started by spawnThread (default: Web Workers where the runtime has them). */
  threads?: number;
  spawnThread?: ThreadFactory;
}

export interface Backend {
  readonly id: BackendId;
  /** Runs the model to tstop; throws UnsupportedOnBackend (before any step) for what it cannot run. */
  run(request: RunRequest): Promise<BackendRun>;
}

/** A model, or a part of one, that a backend cannot run; the message says what and what to use. */
export class UnsupportedOnBackend extends Error {
  constructor(
    readonly backend: BackendId,
    message: string,
  ) {
    super(message);
    this.name = 'UnsupportedOnBackend';
  }
}
