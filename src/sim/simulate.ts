/// <reference types="@webgpu/types" />
import { CpuSimulator } from '../backend/cpu/simulator.ts';
import { UnsupportedOnGpu } from '../backend/webgpu/layout.ts';
import { GpuSimulator } from '../backend/webgpu/simulator.ts';
import { compile, type CompiledModel } from '../compile/index.ts';
import { acquireDevice, type AcquiredDevice } from '../gpu/device.ts';
import type { LoweredMechanism, Precision } from '../mech/index.ts';
import type { Network } from '../network/index.ts';
import { create, type CreateOptions } from './create.ts';
import { simData, type SimData } from './sim-data.ts';

export type BackendName = 'auto' | 'cpu' | 'webgpu';

export interface SimulateOptions {
  /** 'auto': WebGPU when an adapter is available and the model runs there, else the CPU backend. */
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
}

export interface SimulationResult {
  simData: SimData;
  backend: 'cpu' | 'webgpu';
  precision: Precision;
  /** The WebGPU adapter, e.g. "llvmpipe (OpenGL ES 3.2 Mesa 22.3.6), compatibility". */
  adapter?: string;
  /** Why 'auto' chose the CPU backend, when it did. */
  fallbackReason?: string;
  /** [s] */
  timings: { compile: number; run: number };
  /** WebGPU: compute dispatches per step. */
  dispatchesPerStep?: number;
  /** WebGPU: GPU memory [bytes], all of it and the part that grows with the synapses. */
  gpuBytes?: { total: number; synapses: number };
}

/** NetPyNE's sim.simulate(): runs the instantiated network for simConfig.duration. */
export async function simulate(net: Network, options: SimulateOptions = {}): Promise<SimulationResult> {
  const backend = options.backend ?? 'auto';
  if (!['auto', 'cpu', 'webgpu'].includes(backend)) throw new Error(`backend must be 'auto', 'cpu' or 'webgpu' (got '${backend}')`);
  if (backend === 'webgpu' && options.precision === 'f64') throw new Error("the webgpu backend computes in f32: use precision 'f32' or backend 'cpu'");
  let fallbackReason: string | undefined;
  if (backend !== 'cpu' && options.precision !== 'f64') {
    const device = options.device ?? (await runtimeDevice());
    if (!device) {
      if (backend === 'webgpu') throw new Error('no WebGPU adapter is available (in Node, pass { device: await acquireNodeDevice() } from spikegpu/node)');
      fallbackReason = 'no WebGPU adapter';
    } else {
      try {
        const t0 = performance.now();
        const { model, mechanisms } = compile(net, { mergeSynapses: options.mergeSynapses ?? true });
        return await runGpu(net, model, mechanisms, device, options, t0, performance.now());
      } catch (e) {
        if (!(e instanceof UnsupportedOnGpu) || backend === 'webgpu') throw e;
        fallbackReason = e.message;
      } finally {
        // a device acquired here (not the caller's) ends with the run
        if (!options.device) device.device.destroy();
      }
    }
  }
  const t0 = performance.now();
  const { model, mechanisms } = compile(net, { mergeSynapses: options.mergeSynapses ?? options.precision === 'f32' });
  return runCpu(net, model, mechanisms, options, t0, performance.now(), fallbackReason);
}

async function runGpu(net: Network, model: CompiledModel, mechanisms: LoweredMechanism[], device: AcquiredDevice, options: SimulateOptions, t0: number, t1: number): Promise<SimulationResult> {
  const gpu = new GpuSimulator(device.device, model, mechanisms);
  let out;
  try {
    out = await gpu.run(options.onProgress);
  } finally {
    gpu.destroy();
  }
  const t2 = performance.now();
  return {
    simData: simData(net, model, out),
    backend: 'webgpu',
    precision: 'f32',
    adapter: device.description,
    timings: { compile: (t1 - t0) / 1e3, run: (t2 - t1) / 1e3 },
    dispatchesPerStep: out.dispatchesPerStep,
    gpuBytes: out.gpuBytes,
  };
}

function runCpu(net: Network, model: CompiledModel, mechanisms: LoweredMechanism[], options: SimulateOptions, t0: number, t1: number, fallbackReason?: string): SimulationResult {
  const precision = options.precision ?? 'f64';
  const sim = new CpuSimulator(model, mechanisms, precision, 'events', net.data.simConfig.recordStim);
  sim.initialize();
  const chunk = Math.max(1, Math.ceil(model.steps / 100));
  while (sim.step < model.steps) {
    sim.advance(chunk);
    options.onProgress?.(sim.step / model.steps, sim.step * model.dt);
  }
  const t2 = performance.now();
  return {
    simData: simData(net, model, sim),
    backend: 'cpu',
    precision,
    ...(fallbackReason ? { fallbackReason } : {}),
    timings: { compile: (t1 - t0) / 1e3, run: (t2 - t1) / 1e3 },
  };
}

/** navigator.gpu where the runtime has one (Deno, browsers). */
async function runtimeDevice(): Promise<AcquiredDevice | null> {
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  return gpu ? acquireDevice(gpu, 'navigator.gpu') : null;
}

/** NetPyNE's sim.createSimulate(netParams, simConfig): create, then simulate. */
export async function createSimulate(input: Parameters<typeof create>[0], options: SimulateOptions & CreateOptions = {}): Promise<SimulationResult & { net: Network }> {
  const net = create(input, options);
  return { net, ...(await simulate(net, options)) };
}
