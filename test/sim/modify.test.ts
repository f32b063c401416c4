import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CpuSimulator } from '../../src/backend/cpu/simulator.ts';
import { compile, create, type Network, type SimData } from '../../src/index.ts';
import { simData } from '../../src/sim/sim-data.ts';

// NetPyNE's tutorial 7 (doc/source/code/tut7.py): create and simulate, modify the network
// (sim.net.modifyConns, sim.net.modifyCells) and simulate again. NetPyNE is not available here,
// so the strong check is that modifying and re-simulating gives exactly the spikes and traces of
// a network created from netParams that already hold the modified values.

const tut7 = readFileSync(new URL('../../examples/tut7.json', import.meta.url), 'utf8');
type Spec = { netParams: Record<string, any>; simConfig: Record<string, any> };
const specWith = (edit: (s: Spec) => void): Spec => {
  const s = JSON.parse(tut7) as Spec;
  edit(s);
  return s;
};
/** The CPU backend as simulate({ backend: 'cpu' }) runs it, synchronously (for describe-level runs). */
const run = (net: Network): SimData => {
  const { model, mechanisms } = compile(net);
  const sim = new CpuSimulator(model, mechanisms, 'f64');
  sim.initialize();
  sim.advance(model.steps);
  return simData(net, model, sim);
};
const fresh = (edit: (s: Spec) => void) => run(create(specWith(edit) as never));

function expectSameRun(got: SimData, want: SimData): void {
  expect(got.spkid).toEqual(want.spkid);
  expect(got.spkt).toEqual(want.spkt);
  expect(got.V_soma).toEqual(want.V_soma);
}

describe('tutorial 7: modify the instantiated network, then simulate again', () => {
  const net = create(tut7);
  const first = run(net);
  const again = run(net);
  net.modifyConns({ conds: { label: 'hop->hop' }, weight: 0.5 });
  const inhibited = run(net);
  net.modifyCells({ conds: { pop: 'hop' }, secs: { soma: { geom: { L: 160 } } } });
  const longer = run(net);

  it('builds the tutorial network: 50 HH cells, 2450 hop->hop connections, 50 NetStims', () => {
    expect(net.cellCount).toBe(50);
    expect(net.connCount).toBe(2450 + 50);
    expect(first.spkt.length).toBeGreaterThan(500);
    expect(first.V_soma).toHaveProperty('cell_1');
  });

  it('re-running an unmodified network repeats the run exactly', () => {
    expectSameRun(again, first);
  });

  it('weight 0.5 on hop->hop: the all-to-all inhibition silences the population, as the tutorial shows', () => {
    expect(net.cells[3].conns.filter((c) => c.label === 'hop->hop').every((c) => c.weight === 0.5)).toBe(true);
    expect(net.cells[3].conns.filter((c) => c.preGid === 'NetStim').every((c) => c.weight === 0.1)).toBe(true);
    expect(inhibited.spkt.length).toBeLessThan(0.6 * first.spkt.length);
    expectSameRun(
      inhibited,
      fresh((s) => (s.netParams.connParams['hop->hop'].weight = 0.5)),
    );
  });

  it('soma L 160: the larger soma fires less, exactly as a network created with L 160', () => {
    expect(longer.spkt.length).toBeLessThan(inhibited.spkt.length);
    expectSameRun(
      longer,
      fresh((s) => {
        s.netParams.connParams['hop->hop'].weight = 0.5;
        s.netParams.cellParams.PYR.secs.soma.geom.L = 160;
      }),
    );
  });
});

describe('every modification equals creating the network with the modified values', () => {
  const modified = (modify: (net: Network) => void) => {
    const net = create(tut7);
    modify(net);
    return run(net);
  };
  const baseline = run(create(tut7));

  it('modifyCells on a subset of cells (ynorm range) equals a second cell rule with the same conds', () => {
    const got = modified((net) => net.modifyCells({ conds: { ynorm: [0, 0.5] }, secs: { soma: { geom: { L: 60 }, mechs: { hh: { gl: 0.001 } } } } }));
    const want = fresh((s) => {
      s.netParams.cellParams.low = { conds: { cellType: 'PYR', ynorm: [0, 0.5] }, secs: { soma: { geom: { L: 60 }, mechs: { hh: { gl: 0.001 } } } } };
    });
    expect(got.spkt).not.toEqual(baseline.spkt);
    expectSameRun(got, want);
  });

  it('modifySynMechs', () => {
    const got = modified((net) => net.modifySynMechs({ conds: { sec: 'soma', label: 'exc' }, tau2: 3, e: -10 }));
    expect(got.spkt).not.toEqual(baseline.spkt);
    expectSameRun(
      got,
      fresh((s) => Object.assign(s.netParams.synMechParams.exc, { tau2: 3, e: -10 })),
    );
  });

  it('modifyConns delay, and threshold (the presynaptic cells detect spikes at the new threshold)', () => {
    const got = modified((net) => net.modifyConns({ conds: { label: 'hop->hop' }, weight: 0.05, delay: 2, threshold: -10 }));
    expect(got.spkt).not.toEqual(baseline.spkt);
    expectSameRun(
      got,
      fresh((s) => {
        Object.assign(s.netParams.connParams['hop->hop'], { weight: 0.05, delay: 2 });
        s.netParams.cellParams.PYR.secs.soma.threshold = -10;
      }),
    );
  });

  it('modifyStims noise, seed and interval', () => {
    const got = modified((net) => net.modifyStims({ conds: { source: 'bkg' }, noise: 0.8, seed: 7, interval: 25 }));
    expect(got.spkt).not.toEqual(baseline.spkt);
    expectSameRun(
      got,
      fresh((s) => {
        s.netParams.stimSourceParams.bkg = { type: 'NetStim', interval: 25, noise: 0.8, seed: 7 };
      }),
    );
  });

  it('modifyStims rate r gives NetStim intervals of 1/r ms (NetPyNE 1.1), not 1000/r', () => {
    const net = create(tut7);
    const trains = (n: Network) => compile(n).model.trains.count;
    const before = trains(net);
    net.modifyStims({ conds: { source: 'bkg' }, rate: 50 });
    expect(trains(net)).toBeGreaterThan(500 * before);
  });
});
