import { CpuSimulator } from '../backend/cpu/simulator.ts';
import { compile } from '../compile/index.ts';
import type { Precision } from '../mech/index.ts';
import type { Network } from '../network/index.ts';
import { analyze, type AnalysisResult, type AnalyzeOptions } from './analyze.ts';
import { create, type CreateOptions } from './create.ts';
import { simData, type SimData } from './sim-data.ts';

export type BackendName = 'auto' | 'cpu' | 'webgpu';

export interface SimulateOptions {
  /** 'auto' picks the best available backend (today: the CPU backend). */
  backend?: BackendName;
  /** 'f64' (reference, default on the CPU) or 'f32' (as the GPU computes). */
  precision?: Precision;
  /** Called about every 1% of the run with the fraction done and the simulated time [ms]. */
  onProgress?: (fraction: number, timeMs: number) => void;
}

export interface SimulationResult {
  simData: SimData;
  backend: 'cpu';
  precision: Precision;
  /** [s] */
  timings: { compile: number; run: number };
}

/** NetPyNE's sim.simulate(): runs the instantiated network for simConfig.duration. */
export function simulate(net: Network, options: SimulateOptions = {}): SimulationResult {
  const backend = options.backend ?? 'auto';
  if (backend === 'webgpu') throw new Error("backend 'webgpu' is not available in this version of spikegpu; use backend 'cpu' or 'auto'");
  const precision = options.precision ?? 'f64';
  const t0 = performance.now();
  const { model, mechanisms } = compile(net);
  const t1 = performance.now();
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
    timings: { compile: (t1 - t0) / 1e3, run: (t2 - t1) / 1e3 },
  };
}

/** NetPyNE's sim.createSimulate(netParams, simConfig): create, then simulate. */
export function createSimulate(input: Parameters<typeof create>[0], options: SimulateOptions & CreateOptions = {}): SimulationResult & { net: Network } {
  const net = create(input, options);
  return { net, ...simulate(net, options) };
}

/** NetPyNE's sim.createSimulateAnalyze(netParams, simConfig): create, simulate, then analyze. */
export function createSimulateAnalyze(
  input: Parameters<typeof create>[0],
  options: SimulateOptions & CreateOptions & AnalyzeOptions = {},
): SimulationResult & { net: Network; analysis: AnalysisResult } {
  const run = createSimulate(input, options);
  return { ...run, analysis: analyze(run.net, run, options) };
}
