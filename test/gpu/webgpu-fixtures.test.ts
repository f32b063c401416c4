import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { assertGpuFixture } from '../helpers/assert-gpu-fixture.ts';
import { fixturesDir, readFixture } from '../helpers/fixtures.ts';
import { testDevice } from '../helpers/gpu.ts';
import { gpuFixtureCheck } from '../helpers/gpu-fixture-check.ts';

// The WebGPU backend (f32, Dawn in Node) on every NEURON 8.2.2 fixture (bounds in
// assertGpuFixture). test/runtimes runs the same checks in Deno and in Chromium.

const names = readdirSync(join(fixturesDir, 'neuron'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();

describe.each(names)('%s', (name) => {
  it('WebGPU f32 follows NEURON', async () => {
    const d = await testDevice();
    if (!d) return;
    const somaA = readFixture('neuron/A_hh_soma_amp0.1.json').params.soma;
    assertGpuFixture(await gpuFixtureCheck(d.device, name, readFixture(`neuron/${name}.json`), somaA));
  });
});
