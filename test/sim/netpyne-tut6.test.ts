import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { create, loadSpec, simulate } from '../../src/index.ts';

// NetPyNE's tutorial 6 (IClamp, VClamp, AlphaSynapse and NetStim stims with string-function
// parameters) on the CPU f64 backend must give NetPyNE 1.1 + NEURON 8.2.2's 134 spikes
// (test/data/netpyne/tut6.ref.json, scripts/netpyne-refs). Its M-population gid 33 gets a
// negative NetStim weight (0.1 + normal(0.2, 0.05) = -0.331): the Exp2Syn conductance turns
// negative, the implicit step goes unstable and v runs to -1e13 mV before flipping to a
// "spike" at 607.125 ms. That trajectory amplifies one-ulp differences in hh's rate table and
// cnexp updates (glibc's exp vs the engine's Math.exp) into spikes at other steps, so it checks
// that mechanism code uses NEURON's math library.

const data = resolve(__dirname, '../data/netpyne');

describe('tut6 against NetPyNE 1.1', async () => {
  const spec = loadSpec(readFileSync(resolve(data, 'tut6.spec.json'), 'utf8'));
  const ref = JSON.parse(readFileSync(resolve(data, 'tut6.ref.json'), 'utf8'));
  const net = create(spec);
  const { simData } = await simulate(net, { backend: 'cpu' });

  it('builds the Input_4 NetStim of gid 33 as NetPyNE', () => {
    const cell = net.cell(33);
    expect(cell.stims).toEqual([{ source: 'Input_4', type: 'NetStim', rate: 10.611012849394575, noise: 0.1, number: 1e9, start: 600, seed: 1 }]);
    expect(cell.conns.map((c) => [c.synMech, c.weight, c.delay])).toEqual([['exc', -0.3311162243945329, 1]]);
  });

  it('reproduces all 134 spikes: gids equal, times within 1e-9 ms', () => {
    expect(ref.spkt).toHaveLength(134);
    expect(simData.spkid).toEqual(ref.spkid);
    const worst = Math.max(...(simData.spkt as number[]).map((t, i) => Math.abs(t - ref.spkt[i])));
    expect(worst).toBeLessThanOrEqual(1e-9);
  });
});
