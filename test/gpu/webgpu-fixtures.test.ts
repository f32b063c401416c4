import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/index.ts';
import { GpuSimulator } from '../../src/backend/webgpu/simulator.ts';
import { fixturesDir, readFixture } from '../helpers/fixtures.ts';
import { testDevice } from '../helpers/gpu.ts';
import { fixtureNetwork } from '../helpers/neuron-fixtures.ts';

// The WebGPU backend (f32) on every NEURON 8.2.2 fixture it supports: v within 0.05 mV RMS of
// NEURON at every step and the same spike steps (issue 4's bound for f32).

const names = readdirSync(join(fixturesDir, 'neuron')).filter((f) => f.endsWith('.json') && !f.startsWith('E_')).map((f) => f.slice(0, -5)).sort();

describe.each(names)('%s', (name) => {
  it('WebGPU f32 follows NEURON', async () => {
    const d = await testDevice();
    if (!d) return;
    const fx = readFixture(`neuron/${name}.json`);
    const { model, mechanisms } = compile(fixtureNetwork(name, fx));
    const result = await new GpuSimulator(d.device, model, mechanisms).run();
    model.probes.forEach((p, i) => {
      const want = fx[p.trace];
      if (!Array.isArray(want) || !/^v/.test(p.trace)) return;
      const got = result.samples[i];
      expect(got.length, p.trace).toBe(want.length);
      let sq = 0;
      want.forEach((w: number, k: number) => { sq += (got[k] - w) ** 2; });
      expect(Math.sqrt(sq / want.length), `${p.trace} RMS`).toBeLessThanOrEqual(0.05);
    });
    const steps = (ts: number[]) => ts.map((t) => Math.round(t / fx.dt));
    expect(steps(result.spikes.time)).toEqual(steps(fx.spike_times ?? []));
  });
});
