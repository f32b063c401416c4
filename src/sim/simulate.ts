/// <reference types="@webgpu/types" />

import type { CpuSimulator } from '../backend/cpu/simulator.ts';
import {
  BACKEND_IDS,
  BACKENDS,
  type BackendId,
  type BackendRun,
  finishCpu,
  type RunRequest,
  type ThreadFactory,
  UnsupportedOnBackend,
} from '../backend/index.ts';
import { type CompiledModel, compile, UNRECORDED_TRACE } from '../compile/index.ts';
import { type AcquiredDevice, acquireDevice } from '../gpu/device.ts';
import type { LoweredMechanism, Precision } from '../mech/index.ts';
import {
  BYTES,
  builtTrainProblem,
  defaultMemoryLimit,
  estimateResources,
  memoryProblem,
  type Network,
  NetworkBuildError,
  type ResourceLimits,
  resourceProblems,
  simulationBytes,
} from '../network/index.ts';
import { joinPath } from '../spec/index.ts';
import { chooseBackend, cpuThreads } from './backend-choice.ts';
import { type CreateOptions, create } from './create.ts';
import { type SimData, simData } from './sim-data.ts';

export type BackendName = 'auto' | BackendId;

/** What `backend` takes: 'auto' and each backend's id. */
export const BACKEND_NAMES: readonly BackendName[] = ['auto', ...BACKEND_IDS];

export interface SimulateOptions extends ResourceLimits {
  /**
   * 'auto' (default): the faster backend for the model on this machine (sim/backend-choice.ts;
   * a software adapter counts as a CPU), the CPU when there is no adapter or the model does not
   * run on WebGPU; `backendReason` says why.
   */
  backend?: BackendName;
  /** CPU: 'f64' (reference, default) or 'f32' (as the GPU computes). WebGPU computes in f32. */
  precision?: Precision;
  /**
   * Share one state among the linear synapses with identical parameters on a node (compile's
   * mergeSynapses): much faster with many synapses per cell, equal to separate synapses up to
   * the order of floating-point additions. Default: on for WebGPU and CPU f32, off for CPU f64,
   * whose results are then NEURON's bit for bit.
   */
  mergeSynapses?: boolean;
  /** Called as the run advances with the fraction done and the simulated time [ms]. */
  onProgress?: (fraction: number, timeMs: number) => void;
  /**
   * The WebGPU device to run on (Node: `acquireNodeDevice()` from 'spikegpu/node'); by default
   * the runtime's `navigator.gpu` (Deno, browsers).
   */
  device?: AcquiredDevice;
  /**
   * CPU: worker threads to split the cells over (default 1), started by `spawnThread` (Node:
   * `nodeThreads` from 'spikegpu/node'). Results are the single thread's bit for bit; a model
   * that cannot be split (artificial cells, a delay under 2 steps) runs on one, and
   * `threads.reason` says why.
   */
  threads?: number;
  spawnThread?: ThreadFactory;
}

export interface SimulationResult {
  simData: SimData;
  backend: BackendId;
  precision: Precision;
  /** The WebGPU adapter, e.g. "llvmpipe (OpenGL ES 3.2 Mesa 22.3.6), compatibility". */
  adapter?: string;
  /** Why this backend ran: 'auto''s choice (with the measured numbers), or why WebGPU could not. */
  backendReason?: string;
  /** [s]: compile (network to model); run, and on WebGPU the part of it spent making buffers and pipelines (gpuSetup). */
  timings: { compile: number; run: number; gpuSetup?: number };
  /** CPU: the threads the run used, and why fewer than asked for. */
  threads?: { used: number; reason?: string };
  /** WebGPU: compute dispatches per step. */
  dispatchesPerStep?: number;
  /** WebGPU: how the steps ran, "fused chunks of N steps" or "per step (why not fused)". */
  gpuPath?: string;
  /** WebGPU: GPU memory [bytes], all of it and the part that grows with the synapses. */
  gpuBytes?: { total: number; synapses: number };
  /** What the run did not do that the spec asked for, one line each (e.g. a trace no recorded cell can record). */
  warnings: string[];
}

/**
 * NetPyNE's sim.simulate(): runs the instantiated network for simConfig.duration; refuses
 * (NetworkBuildError) a run estimated to need more than `maxMemoryBytes` before compiling.
 */
export async function simulate(net: Network, options: SimulateOptions = {}): Promise<SimulationResult> {
  checkRunSize(net, options);
  const backend = options.backend ?? 'auto';
  if (!BACKEND_NAMES.includes(backend)) throw new Error(`backend must be one of ${BACKEND_NAMES.map((b) => `'${b}'`).join(', ')} (got '${backend}')`);
  if (backend === 'webgpu' && options.precision === 'f64') throw new Error("the webgpu backend computes in f32: use precision 'f32' or backend 'cpu'");
  // CPU f64 keeps every synapse its own state (NEURON's numbers bit for bit); WebGPU and CPU f32 merge
  const compiled = new Map<boolean, Compiled>();
  const build = (merge: boolean) => {
    let c = compiled.get(merge);
    if (!c) {
      const t0 = performance.now();
      c = { ...compile(net, { mergeSynapses: merge }), seconds: (performance.now() - t0) / 1e3 };
      compiled.set(merge, c);
    }
    return c;
  };
  const forCpu = () => build(options.mergeSynapses ?? options.precision === 'f32');
  const forGpu = () => build(options.mergeSynapses ?? true);
  // a simulation the backend choice started goes on in this thread; threads start afresh
  const cpu = (reason?: string, started?: CpuSimulator) => {
    const c = forCpu();
    return runCpu(net, c, options, reason, cpuThreads(c, options.threads ?? 1).threads > 1 ? undefined : started);
  };
  if (backend === 'cpu' || options.precision === 'f64') return cpu();
  const device = options.device ?? (await runtimeDevice());
  if (!device) {
    if (backend === 'webgpu') throw new Error('no WebGPU adapter is available (in Node, pass { device: await acquireNodeDevice() } from spikegpu/node)');
    return cpu('no WebGPU adapter');
  }
  try {
    let reason: string | undefined;
    if (backend === 'auto' && options.precision !== 'f32') {
      const choice = await chooseBackend(forGpu(), forCpu, device, net.data.simConfig.recordStim, options.threads);
      if (choice.backend === 'cpu') return await cpu(choice.reason, choice.cpu);
      reason = choice.reason;
    }
    return await runGpu(net, forGpu(), device, options, reason);
  } catch (e) {
    if (!(e instanceof UnsupportedOnBackend) || backend === 'webgpu') throw e;
    return cpu(e.message);
  } finally {
    // a device acquired here (not the caller's) ends with the run
    if (!options.device) device.device.destroy();
  }
}

/** The run's bounds (steps, counts, memory), with the connections the network really has. */
export function checkRunSize(net: Network, limits: ResourceLimits): void {
  const { netParams, simConfig } = net.data;
  const estimate = estimateResources(netParams, simConfig, net.catalog);
  const [bound] = resourceProblems(estimate, netParams, simConfig, 'all', { maxMemoryBytes: Infinity });
  const trains = builtTrainProblem(net.data, estimate, simConfig.duration);
  if (typeof trains !== 'number') throw new NetworkBuildError(trains.path, trains.value, trains.message);
  const needed = simulationBytes(estimate, net.connCount) + trains * BYTES.trainSpike.run;
  const problem = bound ?? memoryProblem(estimate, needed, 'all', limits.maxMemoryBytes ?? defaultMemoryLimit());
  if (problem) throw new NetworkBuildError(problem.path, problem.value, problem.message);
}

interface Compiled {
  model: CompiledModel;
  mechanisms: LoweredMechanism[];
  /** [s] */
  seconds: number;
}

async function runGpu(net: Network, compiled: Compiled, device: AcquiredDevice, options: SimulateOptions, backendReason?: string): Promise<SimulationResult> {
  const t1 = performance.now();
  const run = await BACKENDS.webgpu.run({ ...request(net, compiled, options), device });
  return result(net, compiled, 'webgpu', run, (performance.now() - t1) / 1e3, backendReason);
}

/** The CPU run, or the rest of `started` (an f64 simulation the backend choice already advanced). */
async function runCpu(net: Network, compiled: Compiled, options: SimulateOptions, backendReason?: string, started?: CpuSimulator): Promise<SimulationResult> {
  const t1 = performance.now();
  const threads = cpuThreads(compiled, options.threads ?? 1);
  const run = started ? finishCpu(started, options.onProgress) : await BACKENDS.cpu.run(request(net, compiled, { ...options, threads: threads.threads }));
  // why fewer threads than asked for: the backend's reason (a model it cannot split), else a small model
  const reason = run.threads?.reason ?? threads.reason;
  const used = { used: run.threads?.used ?? 1, ...(reason ? { reason } : {}) };
  return result(net, compiled, 'cpu', { ...run, threads: used }, (performance.now() - t1) / 1e3, backendReason);
}

function request(net: Network, { model, mechanisms }: Compiled, options: SimulateOptions): RunRequest {
  return {
    model,
    mechanisms,
    ...(options.precision ? { precision: options.precision } : {}),
    recordStim: net.data.simConfig.recordStim,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
    ...(options.spawnThread ? { spawnThread: options.spawnThread } : {}),
  };
}

/** [s]: `runSeconds` the backend's run, from the request to its output. */
function result(net: Network, { model, seconds }: Compiled, backend: BackendId, run: BackendRun, runSeconds: number, backendReason?: string): SimulationResult {
  return {
    simData: simData(net, model, run),
    backend,
    precision: run.precision,
    ...(run.adapter ? { adapter: run.adapter } : {}),
    ...(backendReason ? { backendReason } : {}),
    timings: { compile: seconds, run: runSeconds, ...(run.setupSeconds !== undefined ? { gpuSetup: run.setupSeconds } : {}) },
    ...(run.threads ? { threads: run.threads } : {}),
    ...(run.dispatchesPerStep !== undefined ? { dispatchesPerStep: run.dispatchesPerStep } : {}),
    ...(run.path ? { gpuPath: run.path } : {}),
    ...(run.deviceBytes ? { gpuBytes: run.deviceBytes } : {}),
    warnings: runWarnings(model),
  };
}

function runWarnings(model: CompiledModel): string[] {
  return model.unrecordedTraces.map((trace) => `${joinPath('simConfig.recordTraces', trace)}: ${UNRECORDED_TRACE}`);
}

/** navigator.gpu where the runtime has one (Deno, browsers). */
async function runtimeDevice(): Promise<AcquiredDevice | null> {
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  return gpu ? acquireDevice(gpu, 'navigator.gpu') : null;
}

/** NetPyNE's sim.createSimulate(netParams, simConfig): create, then simulate. */
export async function createSimulate(
  input: Parameters<typeof create>[0],
  options: SimulateOptions & CreateOptions = {},
): Promise<SimulationResult & { net: Network }> {
  const net = create(input, options);
  return { net, ...(await simulate(net, options)) };
}
