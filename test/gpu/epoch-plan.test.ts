import { expect, it } from 'vitest';
import { epochPlan, topoWithFlagRows } from '../../src/backend/webgpu/epoch-plan.ts';
import { gpuLayout } from '../../src/backend/webgpu/layout.ts';
import { compile } from '../../src/compile/index.ts';
import { create } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';

// The epoch-fused path's plan, without a GPU: chunk length from the minimum NetCon delay, cell
// types by node tree and mechanism instances, one row per cell, and the models it leaves to the
// per-step path with their reason.

const plan = (spec: unknown) => {
  const { model, mechanisms } = compile(create(spec as Parameters<typeof create>[0]));
  return { model, plan: epochPlan(model, mechanisms, gpuLayout(model, mechanisms)) };
};

it('chunks hold the minimum delay in steps + 1; one type per kind of cell, a row per cell', () => {
  const { model, plan: p } = plan(readFixture('netpyne/tut3.spec.json'));
  if ('reason' in p) throw new Error(p.reason);
  // tut3: delays from 5 ms (200 steps at dt 0.025)
  expect(p.chunkSteps).toBeGreaterThan(4);
  const cells = p.types.flatMap((t) => t.cells);
  expect(cells.sort((a, b) => a - b)).toEqual(Array.from({ length: model.cellCount }, (_, c) => c).filter((c) => model.nodeStart[c + 1] > model.nodeStart[c]));
  for (const t of p.types) {
    for (const [j, c] of t.cells.entries()) {
      const row = p.table.subarray(t.rows + j * (5 + 2 * t.slots.length));
      expect(row[0]).toBe(c);
      expect(row[1]).toBe(model.nodeStart[c]);
      // each slot's instance is of its group, on its node, in the cell
      t.slots.forEach((s, i) => {
        const k = row[5 + i];
        expect(model.groups[s.group].cell[k]).toBe(c);
        expect(model.groups[s.group].node[k] - model.nodeStart[c]).toBe(s.node);
      });
    }
  }
});

it('fuses WATCH mechanisms (their states in registers); leaves artificial cells to the per-step path', () => {
  const izhi = plan(readFixture('netpyne/tut4.spec.json')).plan;
  if ('reason' in izhi) throw new Error(izhi.reason);
  expect(izhi.held.flat()).toContain('u');
  const hh = (delay: number) => ({
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8 }, mechs: { hh: {} } } } } },
      popParams: { E: { cellType: 'HH', numCells: 4 }, I: { cellModel: 'IntFire1', numCells: 2 } },
      synMechParams: { exc: { mod: 'ExpSyn' } },
      connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, probability: 1, weight: 0.01, delay, synMech: 'exc' } },
    },
    simConfig: { duration: 10, dt: 0.025 },
  });
  expect(plan(hh(1)).plan).toEqual({ reason: 'artificial cells (IntFire1)' });
});

it('plans models with hundreds of thousands of synapse instances (one per connection, unmerged), and gives every NetCon its flag row', () => {
  // 2 000 cells x 100 inputs and a stimulus, each its own Exp2Syn: 202 000 ring targets
  const spec = {
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8 }, mechs: { hh: {} } } } } },
      popParams: { E: { cellType: 'HH', numCells: 2000 } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
      connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: 100, weight: 0.0004, delay: 5, synMech: 'exc' } },
      stimSourceParams: { bkg: { type: 'NetStim', rate: 10, noise: 0.5 } },
      stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.01, delay: 5, synMech: 'exc' } },
    },
    simConfig: { duration: 10, dt: 0.025 },
  };
  const { model, mechanisms } = compile(create(spec), { mergeSynapses: false });
  const layout = gpuLayout(model, mechanisms);
  const p = epochPlan(model, mechanisms, layout);
  if ('reason' in p) throw new Error(p.reason);
  expect(layout.ringStride).toBe(202_000);
  const topo = topoWithFlagRows(layout, p);
  const flags = p.ringSlots * layout.ringStride;
  const cellOfTarget = new Map<number, number>();
  const exp2syn = model.groups.findIndex((g) => g.count === 202_000);
  model.groups[exp2syn].cell.forEach((c, k) => cellOfTarget.set(layout.ringBase[exp2syn] + k, c));
  for (let q = layout.offsets.nc; q < topo.length; q += 4) {
    // cells are one type here, in order: cell c's workgroup is c / 64
    const c = cellOfTarget.get(topo[q])!;
    expect(topo[q + 3]).toBe(flags + Math.floor(c / 64) * p.ringSlots);
  }
  expect(layout.offsets.nc % 4).toBe(0);
});
