import { describe, expect, it } from 'vitest';
import { cellShapes, MAX_SHAPE_NODES, shapeWgsl } from '../../src/backend/webgpu/cell-shape.ts';
import { GpuSimulator } from '../../src/backend/webgpu/simulator.ts';
import { compile } from '../../src/compile/index.ts';
import { create } from '../../src/index.ts';
import { testDevice } from '../helpers/gpu.ts';

// The cell kernel solves the network's most common cell shape by straight-line code
// (src/backend/webgpu/cell-shape.ts) and other cells by loops over their nodes. Both do the
// same operations in the same order, so a branched cell gives the same trace either way.

describe('cellShapes', () => {
  it('picks the most common shape of at most MAX_SHAPE_NODES nodes', () => {
    // cells: a 3-node chain, a branched 4-node cell twice, a chain longer than the limit
    const long = MAX_SHAPE_NODES + 1;
    const parents = [[-1, 0, 1], [-1, 0, 0, 1], [-1, 0, 0, 1], Array.from({ length: long }, (_, i) => i - 1)];
    const nodeStart = [0];
    const parent: number[] = [];
    for (const p of parents) {
      const n0 = parent.length;
      p.forEach((q) => parent.push(q < 0 ? -1 : n0 + q));
      nodeStart.push(parent.length);
    }
    const s = cellShapes(Int32Array.from(nodeStart), Int32Array.from(parent), parents.length);
    expect(s.shape).toEqual([-1, 0, 0, 1]);
    expect(Array.from(s.shaped)).toEqual([0, 1, 1, 0]);
    const only = cellShapes(Int32Array.from([0, long]), Int32Array.from(parents[3].map((q) => q)), 1);
    expect(only.shape).toEqual([]);
    expect(Array.from(only.shaped)).toEqual([0]);
  });

  it('eliminates from the leaves and substitutes from the root', () => {
    const code = shapeWgsl([-1, 0, 0, 1]);
    const order = [
      '{ let f = a3 / d3; d1',
      '{ let f = a2 / d2; d0',
      '{ let f = a1 / d1; d0',
      'r0 = r0 / d0;',
      'r1 = (r1 - b1 * r0) / d1;',
      'r3 = (r3 - b3 * r1) / d3;',
    ];
    const at = order.map((s) => code.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

const branched = {
  secs: {
    soma: { geom: { L: 20, diam: 20, Ra: 150 }, mechs: { hh: {} } },
    dendA: { geom: { L: 150, diam: 2, Ra: 150, nseg: 3 }, topol: { parentSec: 'soma', parentX: 1, childX: 0 }, mechs: { pas: { g: 0.0001, e: -65 } } },
    dendB: { geom: { L: 100, diam: 1.5, Ra: 150, nseg: 2 }, topol: { parentSec: 'soma', parentX: 0.5, childX: 0 }, mechs: { pas: { g: 0.0001, e: -65 } } },
  },
};
const point = { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: {} } } } };

function network(withPoints: boolean) {
  return create({
    netParams: {
      cellParams: { B: branched, P: point },
      popParams: { B: { cellType: 'B', numCells: 1 }, ...(withPoints ? { P: { cellType: 'P', numCells: 3 } } : {}) },
      stimSourceParams: { clamp: { type: 'IClamp', del: 5, dur: 40, amp: 0.4 } },
      stimTargetParams: { 'clamp->B': { source: 'clamp', conds: { pop: 'B' }, sec: 'soma', loc: 0.5 } },
    },
    simConfig: {
      duration: 50,
      dt: 0.025,
      recordCells: [0],
      recordTraces: { V_soma: { sec: 'soma', loc: 0.5, var: 'v' }, V_dend: { sec: 'dendA', loc: 0.9, var: 'v' } },
    },
  });
}

it('a branched cell gives the same trace by straight-line code and by the loops', async () => {
  const d = await testDevice();
  if (!d) return;
  const alone = compile(network(false));
  const mixed = compile(network(true));
  const run = (c: typeof alone) => new GpuSimulator(d.device, c.model, c.mechanisms).run();
  const shaped = await run(alone);
  const looped = await run(mixed);
  expect(shaped.spikes.time.length).toBeGreaterThan(2);
  expect(looped.spikes.time.filter((_, i) => looped.spikes.gid[i] === 0)).toEqual(shaped.spikes.time);
  for (let p = 0; p < 2; p++) {
    const diff = shaped.samples[p].reduce((m, v, k) => Math.max(m, Math.abs(v - looped.samples[p][k])), 0);
    // the same f32 operations in the same order; a compiler may still contract a*b+c into an
    // FMA differently in the two codes, so allow a few ulps at ~60 mV
    expect(diff).toBeLessThanOrEqual(1e-4);
  }
});
