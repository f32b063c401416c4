import { CpuSimulator } from '../backend/cpu/simulator.ts';
import { measureDispatchCost } from '../backend/webgpu/dispatch-cost.ts';
import type { CompiledModel } from '../compile/index.ts';
import type { AcquiredDevice } from '../gpu/device.ts';
import type { LoweredMechanism } from '../mech/index.ts';

// simulate({ backend: 'auto' }): the faster backend for this model on this machine.
// - A software adapter (llvmpipe, lavapipe, SwiftShader) runs its kernels on this machine's CPU
//   with the overheads of a GPU (2.3-3.4x slower than the CPU backend on the HH network
//   benchmark, bench/results/hh-network-llvmpipe.json): the CPU backend.
// - A GPU: the CPU backend's time for the model is measured by running it for CALIBRATION_S
//   and extrapolated; the GPU's cannot be less than steps x MIN_DISPATCHES_PER_STEP x the
//   measured cost of a dispatch (every step needs at least the cell kernel, one mechanism kernel
//   and spike delivery). The GPU is chosen when it leaves the CPU backend at least MARGIN behind
//   even so; otherwise the measured CPU run simply goes on.

const CALIBRATION_S = 0.05;
const MIN_DISPATCHES_PER_STEP = 3;
const MARGIN = 2;

export interface BackendChoice {
  backend: 'cpu' | 'webgpu';
  /** Why, in one line with the numbers. */
  reason: string;
  /** The CPU simulation, initialised and already advanced by the measurement (when measured). */
  cpu?: CpuSimulator;
}

export async function chooseBackend(model: CompiledModel, mechanisms: LoweredMechanism[], device: AcquiredDevice, recordStim: boolean): Promise<BackendChoice> {
  if (device.software) {
    return { backend: 'cpu', reason: `the WebGPU adapter (${device.description}) is a software rasteriser on this machine's CPU, slower than the CPU backend` };
  }
  const cpu = new CpuSimulator(model, mechanisms, 'f64', 'events', recordStim);
  cpu.initialize();
  const perStep = measureSteps(cpu, model.steps);
  const cpuSeconds = perStep * model.steps;
  const dispatch = await measureDispatchCost(device.device);
  const gpuSeconds = model.steps * MIN_DISPATCHES_PER_STEP * dispatch;
  const numbers = `CPU backend about ${seconds(cpuSeconds)} (measured over ${cpu.step} steps), WebGPU at least ${seconds(gpuSeconds)} (${model.steps} steps x ${MIN_DISPATCHES_PER_STEP} dispatches x ${(dispatch * 1e6).toFixed(1)} us on ${device.description})`;
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
