import type { Backend, BackendRun, RunRequest } from '../types.ts';
import { CpuSimulator } from './simulator.ts';

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

export const cpuBackend: Backend = {
  id: 'cpu',
  run: async (request) => finishCpu(startCpu(request), request.onProgress),
};
