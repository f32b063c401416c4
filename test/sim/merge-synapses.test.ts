import { describe, expect, it } from 'vitest';
import { CpuSimulator } from '../../src/backend/cpu/simulator.ts';
import { compile } from '../../src/compile/index.ts';
import { create } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';

// Sharing one Exp2Syn state among the synapses of a node (same parameters) is exact up to the
// order of floating-point additions: tutorial 2 gives the same spikes and the same trace.

describe('merged linear synapses', () => {
  const net = create(readFixture('netpyne/tut2.spec.json'));
  const runs = [true, false].map((mergeSynapses) => {
    const { model, mechanisms } = compile(net, { mergeSynapses });
    const sim = new CpuSimulator(model, mechanisms, 'f64');
    sim.initialize();
    sim.advance(model.steps);
    return { model, sim };
  });

  it('shares states: one Exp2Syn per cell instead of one per connection', () => {
    expect(runs[0].model.groups.find((g) => g.mech === 'Exp2Syn')!.count).toBe(40);
    expect(runs[1].model.groups.find((g) => g.mech === 'Exp2Syn')!.count).toBe(280);
    expect(runs[0].model.netcons.count).toBe(280);
  });

  it('gives the same spikes and traces', () => {
    const [merged, separate] = runs.map((r) => r.sim);
    expect(merged.spikes.gid).toEqual(separate.spikes.gid);
    merged.spikes.time.forEach((t, i) => expect(Math.abs(t - separate.spikes.time[i])).toBeLessThanOrEqual(1e-9));
    const diff = merged.samples[0].reduce((m, v, k) => Math.max(m, Math.abs(v - separate.samples[0][k])), 0);
    expect(diff).toBeLessThanOrEqual(1e-9);
  });
});
