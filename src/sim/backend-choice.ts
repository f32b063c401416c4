import { startCpu } from '../backend/cpu/backend.ts';
import type { CpuSimulator } from '../backend/cpu/simulator.ts';
import { measureDispatchCost } from '../backend/webgpu/dispatch-cost.ts';
import { epochPlan } from '../backend/webgpu/epoch-plan.ts';
import { gpuLayout } from '../backend/webgpu/layout.ts';
import type { CompiledModel } from '../compile/index.ts';
import type { AcquiredDevice } from '../gpu/device.ts';
import type { LoweredMechanism } from '../mech/index.ts';

// simulate({ backend: 'auto' }): the faster backend for this model on this machine. The CPU
// backend's time for the model is measured by running it for CALIBRATION_S and extrapolated.
// - A software adapter (llvmpipe, lavapipe, SwiftShader) runs its kernels on this machine's CPU.
//   Per step (models the fused path cannot take, backend/webgpu/epoch-plan.ts) it is 2.3-3.4x
//   slower than the CPU backend (HH network benchmark): the CPU backend. Fused, it does the CPU
//   backend's arithmetic in SIMD lanes on every core, 4.6-5.8x faster on that benchmark
//   (bench/results/hh-network-fused.json): WebGPU where the CPU time / SOFTWARE_SPEEDUP plus
//   SOFTWARE_SETUP_S (pipelines, buffers) plus the chunks' dispatches (DISPATCHES_PER_CHUNK x
//   the measured cost of one; M1's 21-step chunks make 7 600 a simulated second) leaves the CPU
//   backend MARGIN behind.
// - A GPU: its time cannot be less than its dispatches x the measured cost of one (per step at
//   least the cell kernel, one mechanism kernel and spike delivery; fused, per chunk the train
//   events, a kernel, the flags and delivery, and the chunk's steps one after another in each
//   invocation, GPU_STEP_S each). WebGPU where that leaves the CPU backend MARGIN behind;
//   otherwise the measured CPU run simply goes on.

const CALIBRATION_S = 0.05;
const MIN_DISPATCHES_PER_STEP = 3;
const DISPATCHES_PER_CHUNK = 4;
/** A fused step of one cell in one GPU invocation, at least [s] (some hundred dependent operations). */
const GPU_STEP_S = 0.2e-6;
const SOFTWARE_SPEEDUP = 3;
const SOFTWARE_SETUP_S = 0.5;
const MARGIN = 2;

export interface BackendChoice {
  backend: 'cpu' | 'webgpu';
  /** Why, in one line with the numbers. */
  reason: string;
  /** The CPU simulation, initialised and already advanced by the measurement (when measured). */
  cpu?: CpuSimulator;
}

/**
 * `model`/`mechanisms`: as the CPU backend would run them (measured); `gpu`: as WebGPU would
 * (synapses merged: whether its steps can be fused is decided on it).
 */
export async function chooseBackend(
  model: CompiledModel,
  mechanisms: LoweredMechanism[],
  device: AcquiredDevice,
  recordStim: boolean,
  gpu: { model: CompiledModel; mechanisms: LoweredMechanism[] },
): Promise<BackendChoice> {
  const plan = epochPlan(gpu.model, gpu.mechanisms, gpuLayout(gpu.model, gpu.mechanisms));
  if (device.software && 'reason' in plan) {
    return {
      backend: 'cpu',
      reason: `the WebGPU adapter (${device.description}) is a software rasteriser on this machine's CPU, slower than the CPU backend where steps cannot be fused (${plan.reason})`,
    };
  }
  const cpu = startCpu({ model, mechanisms, precision: 'f64', recordStim });
  const perStep = measureSteps(cpu, model.steps);
  const cpuSeconds = perStep * model.steps;
  const measured = `CPU backend about ${seconds(cpuSeconds)} (measured over ${cpu.step} steps)`;
  let gpuSeconds: number;
  let numbers: string;
  const dispatch = await measureDispatchCost(device.device);
  const us = `${(dispatch * 1e6).toFixed(1)} us on ${device.description}`;
  if (device.software && !('reason' in plan)) {
    const chunks = Math.ceil(model.steps / plan.chunkSteps);
    gpuSeconds = SOFTWARE_SETUP_S + cpuSeconds / SOFTWARE_SPEEDUP + chunks * DISPATCHES_PER_CHUNK * dispatch;
    numbers = `${measured}, WebGPU about ${seconds(gpuSeconds)} (fused chunks on ${device.description}: the CPU time / ${SOFTWARE_SPEEDUP} + ${SOFTWARE_SETUP_S} s setup + ${chunks} chunks x ${DISPATCHES_PER_CHUNK} dispatches x ${us})`;
  } else if ('reason' in plan) {
    gpuSeconds = model.steps * MIN_DISPATCHES_PER_STEP * dispatch;
    numbers = `${measured}, WebGPU at least ${seconds(gpuSeconds)} (${model.steps} steps x ${MIN_DISPATCHES_PER_STEP} dispatches x ${us})`;
  } else {
    const chunks = Math.ceil(model.steps / plan.chunkSteps);
    gpuSeconds = chunks * DISPATCHES_PER_CHUNK * dispatch + model.steps * GPU_STEP_S;
    numbers = `${measured}, WebGPU at least ${seconds(gpuSeconds)} (${chunks} chunks x ${DISPATCHES_PER_CHUNK} dispatches x ${us}, and ${model.steps} steps x ${GPU_STEP_S * 1e6} us)`;
  }
  if (cpuSeconds > MARGIN * gpuSeconds) return { backend: 'webgpu', reason: `WebGPU is faster for this model: ${numbers}` };
  return { backend: 'cpu', reason: `the CPU backend is as fast or faster for this model: ${numbers}`, cpu };
}

/** Advances the simulation for about CALIBRATION_S; returns the wall time per step [s]. */
function measureSteps(cpu: CpuSimulator, steps: number): number {
  const t0 = performance.now();
  let chunk = 16;
  while (cpu.step < steps && performance.now() - t0 < CALIBRATION_S * 1e3) {
    cpu.advance(chunk);
    chunk *= 2;
  }
  return (performance.now() - t0) / 1e3 / Math.max(1, cpu.step);
}

function seconds(s: number): string {
  return s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(0)} s`;
}
