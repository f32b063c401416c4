import { startCpu } from '../backend/cpu/backend.ts';
import { unpartitionable } from '../backend/cpu/partition.ts';
import type { CpuSimulator } from '../backend/cpu/simulator.ts';
import { measureDispatchCost } from '../backend/webgpu/dispatch-cost.ts';
import type { EpochPlan } from '../backend/webgpu/epoch-plan.ts';
import { modelPlan } from '../backend/webgpu/model-plan.ts';
import type { CompiledModel } from '../compile/index.ts';
import type { AcquiredDevice } from '../gpu/device.ts';
import type { LoweredMechanism } from '../mech/index.ts';

// simulate({ backend: 'auto' }): the faster backend for this model on this machine. The CPU
// backend's time for the model is measured by running it for CALIBRATION_S and extrapolated.
// - A software adapter (llvmpipe, lavapipe, SwiftShader) runs its kernels on this machine's CPU.
//   Per step (models the fused path cannot take, backend/webgpu/epoch-plan.ts) it is 2.3-3.4x
//   slower than the CPU backend (HH network benchmark): the CPU backend. Fused, it does the CPU
//   backend's arithmetic in SIMD lanes on every core, 4.6-5.8x faster on that benchmark
//   (bench/results/hh-network-fused.json; 4.7x in hh-network-2000-threads.json): WebGPU where the CPU time of the model WebGPU runs
//   (identical synapses merged) / SOFTWARE_SPEEDUP plus
//   SOFTWARE_SETUP_S (pipelines, buffers) plus the chunks' dispatches (DISPATCHES_PER_CHUNK x
//   the measured cost of one; M1's 21-step chunks make 7 600 a simulated second) leaves the CPU
//   backend MARGIN behind.
// - A GPU: its time cannot be less than its dispatches x the measured cost of one (per step at
//   least the cell kernel, one mechanism kernel and spike delivery; fused, per chunk the train
//   events, a kernel, the flags and delivery, and the chunk's steps one after another in each
//   invocation, GPU_STEP_S each). WebGPU where that leaves the CPU backend MARGIN behind;
//   otherwise the measured CPU run simply goes on.
// With threads, the CPU time measured on this thread is divided by THREAD_EFFICIENCY x threads
// where the model can be split (backend/cpu/partition.ts).
// The merged model is measured first: the CPU backend's own model (every synapse its own state)
// is no faster, so where the merged one already loses, the CPU backend's is not even compiled
// (2 000 Izhikevich cells with 1 000 inputs each: 5.6 s of compiling and measuring saved).

export const CALIBRATION_S = 0.05;
const MIN_DISPATCHES_PER_STEP = 3;
const DISPATCHES_PER_CHUNK = 4;
/** A fused step of one cell in one GPU invocation, at least [s] (some hundred dependent operations). */
const GPU_STEP_S = 0.2e-6;
export const SOFTWARE_SPEEDUP = 4;
export const SOFTWARE_SETUP_S = 0.5;
export const MARGIN = 2;
/**
 * Speed-up per thread of the threaded CPU backend: on 2 threads 1.34x (HH network, N = 2 000)
 * and 1.32x (Izhikevich, K = 1 000) in bench/results/*-threads.json, start-up included; two
 * independent processes reach 1.63x on that machine.
 */
export const THREAD_EFFICIENCY = 0.65;
/**
 * Work [node- and instance-steps] per thread started: a thread's start (loading, building the
 * kernels, a cold JIT) costs about 0.4 s, 10-20 M node-steps (tutorial 2, 40 cells for 1 s: 0.5 s
 * on one thread, 0.86 s on two); 2 000 HH cells for 1 s are 400 M, 1.34x faster on two.
 */
const WORK_PER_THREAD = 100e6;

export interface BackendChoice {
  backend: 'cpu' | 'webgpu';
  /** Why, in one line with the numbers. */
  reason: string;
  /** The CPU simulation, initialised and already advanced by the measurement (when measured). */
  cpu?: CpuSimulator;
}

interface Runnable {
  model: CompiledModel;
  mechanisms: LoweredMechanism[];
}

/**
 * `gpu`: the model as WebGPU would run it (identical synapses merged: whether its steps can be
 * fused, and the work a software adapter does, are decided on it); `cpu`: as the CPU backend
 * would (f64, every synapse its own state unless merging was asked for), compiled only when
 * needed: the merged model's CPU time is a lower bound of it, and where that bound already
 * leaves WebGPU MARGIN ahead, the unmerged model is neither compiled nor measured.
 */
export async function chooseBackend(gpu: Runnable, cpu: () => Runnable, device: AcquiredDevice, recordStim: boolean, threads = 1): Promise<BackendChoice> {
  const { plan } = modelPlan(gpu.model, gpu.mechanisms);
  if (device.software && 'reason' in plan) {
    return {
      backend: 'cpu',
      reason: `the WebGPU adapter (${device.description}) is a software rasteriser on this machine's CPU, slower than the CPU backend where steps cannot be fused (${plan.reason})`,
    };
  }
  const { steps } = gpu.model;
  const merged = startCpu({ ...gpu, precision: 'f64', recordStim });
  const oneThread = measureSteps(merged, steps) * steps;
  const dispatch = await measureDispatchCost(device.device);
  // a software adapter's time is modelled from the CPU's on one thread
  const gpuTime = gpuEstimate(plan, steps, oneThread, dispatch, device);
  const speedup = threadSpeedup(gpu, threads);
  const mergedSeconds = oneThread / speedup;
  const on = speedup > 1 ? ` on ${threads} threads (/ ${speedup.toFixed(1)})` : '';
  const bound = `CPU backend at least ${seconds(mergedSeconds)}${on} (measured over ${merged.step} steps of the model with identical synapses merged)`;
  if (mergedSeconds > MARGIN * gpuTime.seconds) return { backend: 'webgpu', reason: `WebGPU is faster for this model: ${bound}, ${gpuTime.numbers}` };
  const exact = cpu();
  const sim = exact.model === gpu.model ? merged : startCpu({ ...exact, precision: 'f64', recordStim });
  const cpuSeconds = sim === merged ? mergedSeconds : (measureSteps(sim, steps) * steps) / threadSpeedup(exact, threads);
  const numbers = `CPU backend about ${seconds(cpuSeconds)}${on} (measured over ${sim.step} steps), ${gpuTime.numbers}`;
  if (cpuSeconds > MARGIN * gpuTime.seconds) return { backend: 'webgpu', reason: `WebGPU is faster for this model: ${numbers}` };
  return { backend: 'cpu', reason: `the CPU backend is as fast or faster for this model: ${numbers}`, cpu: sim };
}

/**
 * WebGPU's time for the model: on a software adapter modelled from the CPU backend's time for
 * the same (merged) model; on a GPU, bounded below by its dispatches.
 */
function gpuEstimate(
  plan: EpochPlan | { reason: string },
  steps: number,
  cpuSeconds: number,
  dispatch: number,
  device: AcquiredDevice,
): { seconds: number; numbers: string } {
  const us = `${(dispatch * 1e6).toFixed(1)} us on ${device.description}`;
  if ('reason' in plan) {
    const t = steps * MIN_DISPATCHES_PER_STEP * dispatch;
    return { seconds: t, numbers: `WebGPU at least ${seconds(t)} (${steps} steps x ${MIN_DISPATCHES_PER_STEP} dispatches x ${us})` };
  }
  const chunks = Math.ceil(steps / plan.chunkSteps);
  if (device.software) {
    const t = SOFTWARE_SETUP_S + cpuSeconds / SOFTWARE_SPEEDUP + chunks * DISPATCHES_PER_CHUNK * dispatch;
    return {
      seconds: t,
      numbers: `WebGPU about ${seconds(t)} (fused chunks on ${device.description}: the merged model's time on one CPU thread / ${SOFTWARE_SPEEDUP} + ${SOFTWARE_SETUP_S} s setup + ${chunks} chunks x ${DISPATCHES_PER_CHUNK} dispatches x ${us})`,
    };
  }
  const t = chunks * DISPATCHES_PER_CHUNK * dispatch + steps * GPU_STEP_S;
  return {
    seconds: t,
    numbers: `WebGPU at least ${seconds(t)} (${chunks} chunks x ${DISPATCHES_PER_CHUNK} dispatches x ${us}, and ${steps} steps x ${GPU_STEP_S * 1e6} us)`,
  };
}

/** The threaded CPU backend's expected speed-up over one thread. */
function threadSpeedup(run: Runnable, threads: number): number {
  const used = cpuThreads(run, threads).threads;
  return used < 2 ? 1 : THREAD_EFFICIENCY * used;
}

/**
 * The CPU threads worth starting for the model, at most `requested`: one per WORK_PER_THREAD
 * of its work (node- and instance-steps), where it can be split; and why fewer.
 */
export function cpuThreads({ model, mechanisms }: Runnable, requested: number): { threads: number; reason?: string } {
  if (requested < 2) return { threads: 1 };
  const problem = unpartitionable(model, mechanisms);
  if (problem) return { threads: 1, reason: problem };
  let instances = model.nodes.count;
  for (const g of model.groups) instances += g.count;
  const work = model.steps * instances;
  const threads = Math.min(requested, model.cellCount, Math.max(1, Math.floor(work / WORK_PER_THREAD)));
  if (threads === requested) return { threads };
  const why = `${(work / 1e6).toFixed(0)} M node- and instance-steps, and a thread pays for its start-up from ${WORK_PER_THREAD / 1e6} M`;
  return { threads, reason: `the model is small for ${requested} threads: ${why}` };
}

/**
 * Advances the simulation for about CALIBRATION_S in doubling chunks; returns the wall time per
 * step [s]: the least over the chunks that took 1 ms or more (the first ones run before the JIT
 * has compiled the kernels: tut3's whole measurement once gave 1.29 s for a 0.44 s run; and a
 * garbage collection or another process's burst slows one chunk, not all: a 4-cell model once
 * measured 400 times its cost in a loaded test run and was sent to the GPU), else the last one.
 */
function measureSteps(cpu: CpuSimulator, steps: number): number {
  const t0 = performance.now();
  let chunk = 16;
  let last = 0;
  let least = Infinity;
  while (cpu.step < steps && performance.now() - t0 < CALIBRATION_S * 1e3) {
    const t1 = performance.now();
    const first = cpu.step;
    cpu.advance(chunk);
    const took = (performance.now() - t1) / 1e3;
    last = took / Math.max(1, cpu.step - first);
    if (took >= 1e-3) least = Math.min(least, last);
    chunk *= 2;
  }
  return Number.isFinite(least) ? least : last;
}

function seconds(s: number): string {
  return s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(0)} s`;
}
