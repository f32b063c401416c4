import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { fixturesDir, readFixture } from '../helpers/fixtures.ts';

// `spikegpu run --backend cpu` on NetPyNE's tutorials 2-4 must reproduce NetPyNE 1.1 on
// NEURON 8.2.2 bit for bit: the same spikes in the same order (time, gid), and the recorded
// soma voltage of the plotTraces cell at every sample.

const out = mkdtempSync(join(tmpdir(), 'spikegpu-run-'));

describe.each(['tut2', 'tut3', 'tut4'])('%s', (tut) => {
  const outPath = join(out, `${tut}.json`);
  const result = runCli(['run', join(fixturesDir, `netpyne/${tut}.spec.json`), '--backend', 'cpu', '--out', outPath]);
  const want = readFixture(`netpyne/${tut}.spikes.json`);

  it('runs and prints the population rates', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/population\s+cells\s+rate \[Hz\]/);
    expect(result.stdout).toMatch(/\nS\s+20\s+\d+\.\d\d\n/);
  });

  const simData = JSON.parse(readFileSync(outPath, 'utf8')).simData;

  it('reproduces every spike of the fixture, in order', () => {
    expect(simData.spkt.length).toBe(want.spkt.length);
    expect(simData.spkid).toEqual(want.spkid);
    expect(simData.spkt).toEqual(want.spkt);
    expect(simData.avgRate).toBeCloseTo(want.spkt.length / 40, 12);
  });

  it('records the traced cell like NEURON', () => {
    const traces = readFixture(`netpyne/${tut}.traces.json`);
    const got = simData.V_soma.cell_1 as number[];
    const expected = traces.traces.V_soma.cell_1 as number[];
    expect(got.length).toBe(expected.length);
    expect(Math.max(...got.map((v, k) => Math.abs(v - expected[k])))).toBe(0);
    expect(Math.max(...(simData.t as number[]).map((t, k) => Math.abs(t - traces.t[k])))).toBeLessThanOrEqual(1e-9);
  });
});
