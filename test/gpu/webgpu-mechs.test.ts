import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { create } from '../../src/index.ts';
import { compile } from '../../src/compile/index.ts';
import { GpuSimulator } from '../../src/backend/webgpu/simulator.ts';
import { testDevice } from '../helpers/gpu.ts';

// The stimulus point processes (AlphaSynapse, SEClamp, VClamp with its LINEAR block solved by
// simeq in WGSL) on the WebGPU backend against NEURON 8.2.2 (test/data/neuron-mechs.json):
// v within 0.05 mV RMS at every step.

const data = JSON.parse(readFileSync(resolve(__dirname, '../data/neuron-mechs.json'), 'utf8'));

describe.each(Object.keys(data.cases))('%s', (name) => {
  it('WebGPU f32 follows NEURON', async () => {
    const d = await testDevice();
    if (!d) return;
    const c = data.cases[name];
    const net = create({
      netParams: {
        cellParams: { C: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: { gl: 0.003, el: -70 } } } } } },
        popParams: { P: { cellType: 'C', numCells: 1 } },
        stimSourceParams: { src: { type: name, ...c.params } },
        stimTargetParams: { 'src->P': { source: 'src', conds: { pop: 'P' }, sec: 'soma', loc: 0.5 } },
      },
      simConfig: { duration: c.tstop, dt: data.dt, recordStep: data.dt, recordCells: ['all'], recordTraces: { v: { sec: 'soma', loc: 0.5, var: 'v' } }, hParams: { v_init: data.v_init, celsius: data.celsius } },
    });
    const { model, mechanisms } = compile(net);
    const r = await new GpuSimulator(d.device, model, mechanisms).run();
    const got = r.samples[0];
    expect(got.length).toBe(c.v.length);
    const rms = Math.sqrt(c.v.reduce((s: number, w: number, k: number) => s + (got[k] - w) ** 2, 0) / c.v.length);
    expect(rms).toBeLessThanOrEqual(0.05);
  });
});
