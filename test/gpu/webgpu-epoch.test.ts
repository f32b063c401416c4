import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GpuSimulator } from '../../src/backend/webgpu/simulator.ts';
import { compile } from '../../src/compile/index.ts';
import { create, loadSpec, simulate } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';
import { testDevice } from '../helpers/gpu.ts';

// The epoch-fused path (one kernel per cell type integrating whole chunks of steps) performs the
// per-step path's operations in the same order: the same spikes and the same samples, bit for
// bit, on networks with one and several cell types, multi-node cells, NetStim inputs, WATCH
// handlers that reset v, and recordings of v and mechanism states. Models it cannot fuse take the per-step path and say why.

const hhNetwork = (delay: number) =>
  create({
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: { gl: 0.003, el: -70 } } } } } },
      popParams: { E: { cellType: 'HH', numCells: 200 } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
      connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: 10, weight: 0.002, delay, synMech: 'exc' } },
      stimSourceParams: { bkg: { type: 'NetStim', rate: 40, noise: 0.5 } },
      stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.01, delay: 1, synMech: 'exc' } },
    },
    simConfig: {
      duration: 200,
      dt: 0.025,
      recordCells: [0, 5],
      recordTraces: { V_soma: { sec: 'soma', loc: 0.5, var: 'v' }, m: { sec: 'soma', loc: 0.5, mech: 'hh', var: 'm' } },
      recordStep: 0.1,
    },
  });

async function both(net: ReturnType<typeof create>) {
  const d = await testDevice();
  if (!d) return null;
  const { model, mechanisms } = compile(net);
  const fused = await new GpuSimulator(d.device, model, mechanisms).run();
  const steps = await new GpuSimulator(d.device, model, mechanisms, { perStep: true }).run();
  return { fused, steps };
}

it("gives the per-step path's spikes and traces on an HH network", async () => {
  const r = await both(hhNetwork(2));
  if (!r) return;
  // 2 ms = 80 steps: a spike at boundary m reaches m + 80 at the earliest
  expect(r.fused.fused).toEqual({ chunkSteps: 81 });
  expect(r.steps.fused).toEqual({ perStep: 'the per-step path was asked for' });
  expect(r.fused.dispatchesPerStep).toBeLessThan(0.1);
  expect(r.fused.spikes.time.length).toBeGreaterThan(1000);
  expect(r.fused.spikes).toEqual(r.steps.spikes);
  expect(r.fused.samples).toEqual(r.steps.samples);
});

describe.each(['tut2', 'tut3', 'tut4'])('%s', (tut) => {
  it("gives the per-step path's spikes and traces", async () => {
    const spec = readFixture(`netpyne/${tut}.spec.json`);
    const r = await both(create({ ...spec, simConfig: { ...spec.simConfig, duration: 300 } }));
    if (!r) return;
    expect(r.fused.fused).toHaveProperty('chunkSteps');
    expect(r.fused.spikes.time.length).toBeGreaterThan(20);
    expect(r.fused.spikes).toEqual(r.steps.spikes);
    expect(r.fused.samples).toEqual(r.steps.samples);
  });
});

// hh's rate table ends at -100 and 100 mV: the fused kernel reads the edge rows without branches
// (src/mech/render-wgsl.ts tableRowLookup); clamped cells beyond both ends give the per-step
// path's (branchy) values. A synapse and an IClamp on one node: two scaled currents summed, which
// a compiler would contract to an FMA in the fused kernel but not in the per-step path.
it("gives the per-step path's traces where v leaves hh's table at both ends", async () => {
  const net = create({
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: {} } } } } },
      popParams: { E: { cellType: 'HH', numCells: 2 } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
      connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, probability: 1, weight: 0.01, delay: 2, synMech: 'exc' } },
      stimSourceParams: { down: { type: 'IClamp', del: 5, dur: 20, amp: -5 }, up: { type: 'IClamp', del: 30, dur: 20, amp: 100 } },
      stimTargetParams: {
        'down->E': { source: 'down', conds: { cellList: [0] }, sec: 'soma', loc: 0.5 },
        'up->E': { source: 'up', conds: { cellList: [1] }, sec: 'soma', loc: 0.5 },
      },
    },
    simConfig: {
      duration: 60,
      dt: 0.025,
      recordCells: [0, 1],
      recordTraces: { V_soma: { sec: 'soma', loc: 0.5, var: 'v' }, n: { sec: 'soma', loc: 0.5, mech: 'hh', var: 'n' } },
      recordStep: 0.1,
    },
  });
  const r = await both(net);
  if (!r) return;
  expect(r.fused.fused).toHaveProperty('chunkSteps');
  const { probes } = compile(net).model;
  const [down, up] = [0, 1].map((gid) => r.fused.samples[probes.findIndex((p) => p.trace === 'V_soma' && p.gid === gid)]);
  expect(Math.min(...down)).toBeLessThan(-100);
  expect(Math.max(...up)).toBeGreaterThan(100);
  expect(r.fused.samples).toEqual(r.steps.samples);
  expect(r.fused.spikes).toEqual(r.steps.spikes);
});

// M1: Izhi2007b cells (WATCH, handlers resetting v), 2 ms delays: 21-step chunks.
it("gives the per-step path's spikes and traces on M1 (Izhi2007b's WATCH)", async () => {
  const spec = loadSpec(readFileSync(resolve(__dirname, '../data/netpyne/M1.spec.json'), 'utf8'), 'M1');
  spec.simConfig.duration = 200;
  const r = await both(create(spec));
  if (!r) return;
  expect(r.fused.fused).toEqual({ chunkSteps: 21 });
  expect(r.fused.spikes.time.length).toBeGreaterThan(100);
  expect(r.fused.spikes).toEqual(r.steps.spikes);
  expect(r.fused.samples).toEqual(r.steps.samples);
}, 120_000);

it('keeps the per-step path where a delay is shorter than a few steps, and says why', async () => {
  const r = await both(hhNetwork(0.05));
  if (!r) return;
  expect(r.fused.fused).toEqual({ perStep: 'the minimum NetCon delay is 2 steps (the path needs 3)' });
  expect(r.fused.spikes).toEqual(r.steps.spikes);
});

it('says which path ran', async () => {
  const d = await testDevice();
  if (!d) return;
  const fused = await simulate(hhNetwork(2), { backend: 'webgpu', device: d });
  expect(fused.gpuPath).toBe('fused chunks of 81 steps');
  const steps = await simulate(hhNetwork(0.05), { backend: 'webgpu', device: d });
  expect(steps.gpuPath).toBe('per step (the minimum NetCon delay is 2 steps (the path needs 3))');
});
