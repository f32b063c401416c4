import { describe, expect, it } from 'vitest';
import { compileShader } from '../../src/gpu/device.ts';
import { NeuronRandom } from '../../src/rng/neuron-random.ts';
import { Random123Stream } from '../../src/rng/stream.ts';
import { SHADERS } from '../../src/shaders.gen.ts';
import { readFixture } from '../helpers/fixtures.ts';
import { runKernel, testDevice, testShader } from '../helpers/gpu.ts';

// The WGSL Random123 generator must produce the TypeScript generator's uint32 draws bit for bit
// on the CI adapter; its f32 distributions must agree with the f64 ones to f32 precision.

const device = await testDevice();
const describeGpu = device ? describe : describe.skip;

const streams: Array<[number, number, number, number]> = [
  ...readFixture('netpyne/rng_vectors.json').random123_streams.map((s: { ids: number[] }) => [...s.ids, 0]),
  [4294967295, 4294967295, 4294967295, 0],
  [123, 456, 789, 11],
  ...Array.from({ length: 200 }, (_, i) => [(i * 2654435761) >>> 0, i, 1, 0] as [number, number, number, number]),
];

describeGpu('WGSL Random123 on the adapter', () => {
  it('every library module compiles', async () => {
    // Templates (shaders/templates) compile once filled: test/gpu/mechanism-wgsl.test.ts.
    for (const [name, code] of Object.entries(SHADERS).filter(([n]) => n.startsWith('lib/'))) {
      const deps = name === 'lib/random.wgsl' ? SHADERS['lib/philox.wgsl'] : '';
      await compileShader(device!.device, deps + code, name);
    }
  });

  it('matches the TypeScript Philox draws bit for bit, and its distributions to f32 precision', async () => {
    const ids = Uint32Array.from(streams.flat());
    const code = SHADERS['lib/philox.wgsl'] + SHADERS['lib/random.wgsl'] + testShader('philox-streams.wgsl');
    const [drawsBuf, samplesBuf] = await runKernel(device!, code, streams.length, [ids], [streams.length * 16 * 4, streams.length * 4 * 4]);
    const draws = new Uint32Array(drawsBuf);
    const samples = new Float32Array(samplesBuf);
    streams.forEach(([a, b, c, g], i) => {
      const ts = new Random123Stream(a, b, c, g);
      const expected = Array.from({ length: 16 }, () => ts.nextUint32());
      expect(Array.from(draws.subarray(16 * i, 16 * i + 16)), `stream ${[a, b, c, g]}`).toEqual(expected);
      const r = new NeuronRandom(a, b, c, g);
      const ref = [r.uniform(2, 5), r.negexp(1.5), r.discunif(0, 19), r.uniform(-1, 1)];
      ref.forEach((v, k) => {
        const tolerance = k === 2 ? 0 : 2e-6 * Math.max(1, Math.abs(v));
        // discunif may differ where f32 rounding moves the draw across an integer boundary
        if (k === 2 && Math.abs(samples[4 * i + k] - v) === 1) return;
        expect(Math.abs(samples[4 * i + k] - v), `stream ${i} sample ${k}`).toBeLessThanOrEqual(tolerance);
      });
    });
  });
});
