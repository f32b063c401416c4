import { describe, expect, it } from 'vitest';
import { GpuSimulator } from '../../src/backend/webgpu/simulator.ts';
import { compile } from '../../src/compile/index.ts';
import { testDevice } from '../helpers/gpu.ts';
import { mechData, mechNetwork } from '../helpers/neuron-mechs.ts';

// The stimulus point processes (AlphaSynapse, SEClamp, VClamp with its LINEAR block solved by
// simeq in WGSL) on the WebGPU backend against NEURON 8.2.2 (test/data/neuron-mechs.json):
// v within 0.05 mV RMS at every step.

const data = mechData;

describe.each(Object.keys(data.cases))('%s', (name) => {
  it('WebGPU f32 follows NEURON', async () => {
    const d = await testDevice();
    if (!d) return;
    const c = data.cases[name];
    const net = mechNetwork(name);
    const { model, mechanisms } = compile(net);
    const r = await new GpuSimulator(d.device, model, mechanisms).run();
    const got = r.samples[0];
    expect(got.length).toBe(c.v.length);
    const rms = Math.sqrt(c.v.reduce((s: number, w: number, k: number) => s + (got[k] - w) ** 2, 0) / c.v.length);
    expect(rms).toBeLessThanOrEqual(0.05);
  });
});
