import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { createSimulate } from '../../src/index.ts';
import { assertGpuFixture } from '../helpers/assert-gpu-fixture.ts';
import { fixturesDir, readFixture } from '../helpers/fixtures.ts';
import type { GpuFixtureResult } from '../helpers/gpu-fixture-check.ts';

// The core runs unchanged in Deno (npm package `deno`), on Deno's own WebGPU (wgpu; lavapipe
// where there is no GPU): examples/deno/run.ts on tutorial 2 for 200 ms gives the population
// rates of the CPU reference within the f32 bounds (2%), and every NEURON fixture meets the
// WebGPU bounds of assertGpuFixture.

const root = resolve(__dirname, '../..');
const deno = resolve(root, 'node_modules/.bin/deno');

it('runs tutorial 2 in Deno on WebGPU', async () => {
  if (!existsSync(deno)) throw new Error('the deno devDependency is missing: run npm install');
  const r = spawnSync(deno, ['run', '--unstable-webgpu', '--allow-read', '--allow-env', 'examples/deno/run.ts', 'examples/tut2.json', '200'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (/no WebGPU adapter/.test(r.stderr)) {
    console.log(`Deno test skipped: ${r.stderr.trim().split('\n').pop()}`);
    return;
  }
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/adapter: .+\(navigator\.gpu, (core|compatibility)\)/);
  const spec = readFixture('netpyne/tut2.spec.json');
  const cpu = await createSimulate({ ...spec, simConfig: { ...spec.simConfig, duration: 200 } }, { backend: 'cpu' });
  for (const [pop, p] of Object.entries(cpu.net.pops)) {
    const want = cpu.simData.spkid.filter((g) => p.cellGids.includes(g)).length / p.cellGids.length / 0.2;
    const got = Number(new RegExp(`^${pop}: ([\\d.]+) Hz$`, 'm').exec(r.stdout)?.[1]);
    expect(Math.abs(got - want), pop).toBeLessThanOrEqual(0.02 * want + 1e-9);
  }
}, 300_000);

it('meets the NEURON fixture bounds in Deno', () => {
  if (!existsSync(deno)) throw new Error('the deno devDependency is missing: run npm install');
  const r = spawnSync(deno, ['run', '--unstable-webgpu', '--allow-read', '--allow-env', 'test/runtimes/deno-fixtures.ts', fixturesDir], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (/no WebGPU adapter/.test(r.stderr)) {
    console.log(`Deno test skipped: ${r.stderr.trim().split('\n').pop()}`);
    return;
  }
  expect(r.status, r.stderr).toBe(0);
  const results = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as GpuFixtureResult);
  expect(results.length).toBeGreaterThan(5);
  results.forEach(assertGpuFixture);
}, 600_000);

it('runs the threaded CPU backend on Deno Web Workers exactly as on one thread', () => {
  if (!existsSync(deno)) throw new Error('the deno devDependency is missing: run npm install');
  const r = spawnSync(deno, ['run', '--allow-read', '--allow-env', 'test/runtimes/deno-threads.ts'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  expect(r.status, r.stderr).toBe(0);
  const result = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
  expect(result).toEqual({ threads: { used: 2 }, spikes: result.spikes, same: true });
  expect(result.spikes).toBeGreaterThan(100);
}, 300_000);
