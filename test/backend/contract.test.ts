import { describe, expect, it } from 'vitest';
import { BACKEND_NAMES, BACKENDS, compile, create, simulate, UnsupportedOnBackend } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';
import { testDevice } from '../helpers/gpu.ts';

// The backend contract (src/backend/types.ts): every backend runs a compiled model from a
// RunRequest, and simulate() is a thin layer over the registry: the same spikes either way.

function tut2(duration: number) {
  const spec = readFixture('netpyne/tut2.spec.json');
  spec.simConfig.duration = duration;
  return create(spec);
}

describe('the backend registry', () => {
  it('names what simulate and --backend accept: auto and each backend by its id', () => {
    expect(Object.entries(BACKENDS).map(([id, b]) => [id, b.id])).toEqual([
      ['cpu', 'cpu'],
      ['webgpu', 'webgpu'],
    ]);
    expect(BACKEND_NAMES).toEqual(['auto', 'cpu', 'webgpu']);
  });

  it('runs the CPU backend from a request as simulate does (f64, unmerged synapses: NEURON bit for bit)', async () => {
    const net = tut2(200);
    const { model, mechanisms } = compile(net, { mergeSynapses: false });
    const run = await BACKENDS.cpu.run({ model, mechanisms, recordStim: false });
    const viaSimulate = await simulate(net, { backend: 'cpu' });
    expect(run.precision).toBe('f64');
    expect(run.spikes.time.length).toBeGreaterThan(20);
    expect(run.spikes.time).toEqual(viaSimulate.simData.spkt);
    expect(run.spikes.gid).toEqual(viaSimulate.simData.spkid);
  });

  it('refuses a WebGPU request without a device as a model it cannot run, before any step', async () => {
    const { model, mechanisms } = compile(tut2(10), { mergeSynapses: true });
    const run = BACKENDS.webgpu.run({ model, mechanisms, recordStim: false });
    await expect(run).rejects.toBeInstanceOf(UnsupportedOnBackend);
    await expect(run).rejects.toThrow('the webgpu backend needs a device');
  });

  it('runs WebGPU from a request as simulate does, and says how', async () => {
    const device = await testDevice();
    if (!device) return;
    const net = tut2(200);
    const { model, mechanisms } = compile(net, { mergeSynapses: true });
    const run = await BACKENDS.webgpu.run({ model, mechanisms, recordStim: false, device });
    const viaSimulate = await simulate(net, { backend: 'webgpu', device });
    expect(run.precision).toBe('f32');
    expect(run.adapter).toBe(device.description);
    expect(run.path).toMatch(/^fused chunks of \d+ steps$/);
    expect(viaSimulate.gpuPath).toBe(run.path);
    expect(run.dispatchesPerStep).toBeGreaterThan(0);
    expect(run.spikes.time.length).toBeGreaterThan(20);
    expect(run.spikes.time).toEqual(viaSimulate.simData.spkt);
    expect(run.spikes.gid).toEqual(viaSimulate.simData.spkid);
  });
});
