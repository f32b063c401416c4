import { describe, expect, it } from 'vitest';
import { CompileError, compile } from '../../src/compile/index.ts';
import { create } from '../../src/index.ts';

// The compile stage without any backend: NEURON's node layout and cable coefficients,
// merged mechanism groups, NetCons by source, fixed trains.

const twoSections = (extra: Record<string, unknown> = {}) =>
  create({
    netParams: {
      cellParams: {
        C: {
          secs: {
            soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: {} } },
            dend: { geom: { L: 150, diam: 5, Ra: 150, nseg: 3 }, mechs: { pas: { g: 3.57e-5, e: -70 } }, topol: { parentSec: 'soma', parentX: 1, childX: 0 } },
          },
        },
      },
      popParams: { P: { cellType: 'C', numCells: 2 } },
      synMechParams: { exc: { mod: 'ExpSyn', tau: 2 } },
      connParams: { r: { preConds: { pop: 'P' }, postConds: { pop: 'P' }, probability: 1, sec: 'dend', loc: 1, weight: 0.01, delay: 2, synMech: 'exc' } },
      stimSourceParams: { bkg: { type: 'NetStim', interval: 25, noise: 0, start: 5, number: 3 } },
      stimTargetParams: { 'bkg->P': { source: 'bkg', conds: { pop: 'P' }, weight: 0.01, delay: 1, synMech: 'exc' } },
      ...extra,
    },
    simConfig: { duration: 100 },
  });

describe('compile', () => {
  const { model } = compile(twoSections());

  it("lays out NEURON's nodes: root, segments, zero-area ends; dend(0) on soma(1)", () => {
    // soma: root node 0, segment 1, end 2; dend: segments 3..5 (first hangs on soma's end node 2), end 6.
    expect(Array.from(model.nodes.parent.subarray(0, 7))).toEqual([-1, 0, 1, 2, 3, 4, 5]);
    expect(Array.from(model.nodeStart)).toEqual([0, 7, 14]);
    expect(model.nodes.area[1]).toBeCloseTo(Math.PI * 18.8 * 18.8, 12);
    expect(model.nodes.area[0]).toBe(100);
    expect(model.nodes.area[6]).toBe(100);
    expect(model.nodes.cm[0]).toBe(0);
    // soma(1) - dend seg 0: half a dend segment, 1e-2*Ra*(dx/2)/(pi*diam^2/4) MOhm, dx = 50 um
    const r = (1e-2 * 150 * 25) / ((Math.PI * 25) / 4);
    expect(model.nodes.b[3]).toBeCloseTo(-1e2 / r / (Math.PI * 5 * 50), 12);
    expect(model.nodes.a[3]).toBeCloseTo(-1e2 / r / 100, 12);
  });

  it("merges mechanisms over cells, in NEURON's type order, and puts one synapse per connection", () => {
    expect(model.groups.map((g) => [g.mech, g.count])).toEqual([
      ['pas', 6],
      ['ExpSyn', 4],
      ['hh', 2],
    ]);
    const syn = model.groups[1];
    // creation order: the rule's connections (into dend(1) = end nodes 6, 13), then the stims' (soma(0.5))
    expect(Array.from(syn.node)).toEqual([6, 13, 1, 8]);
    expect(syn.scale[0]).toBe(1); // 1e2/area of a zero-area node
    expect(model.netcons.count).toBe(4);
    expect(Array.from(model.netcons.start)).toEqual([0, 1, 2, 3, 4]);
  });

  it('fixes NetStim trains before the run', () => {
    expect(Array.from(model.trains.time)).toEqual([5, 5, 30, 30, 55, 55]);
    expect(Array.from(model.trains.source)).toEqual([2, 3, 2, 3, 2, 3]);
  });

  it('names the spec path of what it cannot simulate', () => {
    const net = create({
      netParams: {
        popParams: {
          A: { cellModel: 'NetStim', numCells: 1, interval: 5, number: 3, start: 1, noise: 0 },
          B: { cellModel: 'VecStim', numCells: 1, spkTimes: [2, 4] },
        },
        connParams: { 'A->B': { preConds: { pop: 'A' }, postConds: { pop: 'B' }, weight: 1, delay: 1 } },
      },
      simConfig: { duration: 10 },
    });
    expect(() => compile(net)).toThrow(CompileError);
    expect(() => compile(net)).toThrow(
      /^netParams\.connParams\["A->B"\] \(connection 0, to gid 1\) = "VecStim": connections into NetStim\/VecStim populations are not supported by the simulator/,
    );
  });
});
