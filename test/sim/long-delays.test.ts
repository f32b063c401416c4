import { describe, expect, it } from 'vitest';
import { create, simulate } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';
import { testDevice } from '../helpers/gpu.ts';

// A NetCon delay far beyond the run (1e308 ms, a model file's value) delivers nothing in it, as
// in NEURON: the event ring spans at most the run (it had been sized by the delay, 'Invalid
// array length'), and on the GPU the delay's boundary no longer wraps to 0 in a u32.

function tut2(delay: number) {
  const spec = readFixture('netpyne/tut2.spec.json');
  spec.simConfig.duration = 100;
  for (const target of Object.values(spec.netParams.stimTargetParams) as Array<{ delay: number }>) target.delay = delay;
  return create(spec);
}

describe('delays beyond the run', () => {
  it('deliver nothing on the CPU', async () => {
    const r = await simulate(tut2(1e308), { backend: 'cpu' });
    expect(r.simData.spkt).toEqual([]);
    expect((await simulate(tut2(5), { backend: 'cpu' })).simData.spkt.length).toBeGreaterThan(0);
  });

  it('deliver nothing on WebGPU', async () => {
    const device = await testDevice();
    if (!device) return;
    const r = await simulate(tut2(1e308), { backend: 'webgpu', device });
    expect(r.simData.spkt).toEqual([]);
  });
});
