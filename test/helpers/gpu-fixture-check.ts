/// <reference types="@webgpu/types" />

import { GpuSimulator } from '../../src/backend/webgpu/simulator.ts';
import { compile } from '../../src/compile/index.ts';
import { fixtureNetwork } from './neuron-fixtures.ts';

// One NEURON fixture on the WebGPU backend, reduced to what the tests assert: the RMS error of
// each recorded v trace, and the spike steps next to NEURON's. No Node API, so the Node, Deno
// and browser runners share it; the assertions are in assertGpuFixture (vitest side).

export interface GpuFixtureResult {
  name: string;
  /** v trace -> RMS error against NEURON [mV] */
  rms: Record<string, number>;
  /** Spike steps of spikegpu and of NEURON (for the Izhikevich fixture: NEURON's 10 mV crossings). */
  got: number[];
  want: number[];
  izhikevich: boolean;
}

export async function gpuFixtureCheck(device: GPUDevice, name: string, fx: any, somaA: any): Promise<GpuFixtureResult> {
  const { model, mechanisms } = compile(fixtureNetwork(name, fx, somaA));
  const sim = new GpuSimulator(device, model, mechanisms);
  const result = await sim.run();
  sim.destroy();
  const rms: Record<string, number> = {};
  model.probes.forEach((p, i) => {
    const want = fx[p.trace];
    if (!Array.isArray(want) || !/^v/.test(p.trace)) return;
    const got = result.samples[i];
    if (got.length !== want.length) throw new Error(`${name} ${p.trace}: ${got.length} samples for NEURON's ${want.length}`);
    let sq = 0;
    want.forEach((w: number, k: number) => {
      sq += (got[k] - w) ** 2;
    });
    rms[p.trace] = Math.sqrt(sq / want.length);
  });
  const steps = (ts: number[]) => ts.map((t) => Math.round(t / fx.dt));
  const izhikevich = fx.params.point_process !== undefined;
  const want: number[] = [];
  if (izhikevich) {
    for (let k = 1; k < fx.v.length; k++) if (fx.v[k] > 10 && !(fx.v[k - 1] > 10)) want.push(k);
  } else {
    want.push(...steps(fx.spike_times ?? []));
  }
  return { name, rms, got: steps(result.spikes.time), want, izhikevich };
}
