import type { Backend, BackendRun, RunRequest } from '../types.ts';
import { CpuSimulator } from './simulator.ts';
import { runThreaded } from './threaded.ts';
import { hasWebWorkers, webThreads } from './web-threads.ts';

// The CPU reference backend behind the Backend contract: f64 (NEURON's numbers bit for bit) or
// f32 (the GPU's arithmetic), NetPyNE's event-delivered sampling.

/** A CPU simulation of the request, initialised (finitialize done). */
export function startCpu({ model, mechanisms, precision, recordStim }: RunRequest): CpuSimulator {
  const sim = new CpuSimulator(model, mechanisms, precision ?? 'f64', 'events', recordStim);
  sim.initialize();
  return sim;
}

/** Runs `sim` to tstop, reporting progress in 100 parts. */
export function finishCpu(sim: CpuSimulator, onProgress?: RunRequest['onProgress']): BackendRun {
  const { model } = sim;
  const chunk = Math.max(1, Math.ceil(model.steps / 100));
  while (sim.step < model.steps) {
    sim.advance(chunk);
    onProgress?.(sim.step / model.steps, sim.step * model.dt);
  }
  return {
    spikes: sim.spikes,
    samples: sim.samples,
    sampleTimes: sim.sampleTimes,
    sampleCount: sim.sampleCount,
    stimSpikes: sim.stimSpikes,
    precision: sim.precision,
  };
}

/** The run, over request.threads worker threads where the model can be split (threaded.ts). */
async function runCpu(request: RunRequest): Promise<BackendRun> {
  const threads = request.threads ?? 1;
  if (threads > 1) {
    const spawn = request.spawnThread ?? (hasWebWorkers() ? webThreads : undefined);
    if (!spawn) throw new Error(`threads: ${threads} needs spawnThread (Node: nodeThreads from 'spikegpu/node')`);
    const run = await runThreaded(request, spawn, threads);
    if (!('reason' in run)) return run;
    return { ...finishCpu(startCpu(request), request.onProgress), threads: { used: 1, reason: run.reason } };
  }
  return { ...finishCpu(startCpu(request), request.onProgress), threads: { used: 1 } };
}

export const cpuBackend: Backend = { id: 'cpu', run: runCpu };
