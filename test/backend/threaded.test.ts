import { describe, expect, it } from 'vitest';
import { nodeThreads } from '../../src/backend/cpu/node-threads.ts';
import { partitionModel } from '../../src/backend/cpu/partition.ts';
import { BACKENDS, type BackendRun, compile, create, simulate } from '../../src/index.ts';
import type { Precision } from '../../src/mech/index.ts';
import { cpuThreads } from '../../src/sim/backend-choice.ts';
import { readFixture } from '../helpers/fixtures.ts';

// The threaded CPU backend (backend/cpu/threaded.ts): the cells split over worker threads,
// spikes exchanged once per epoch, and every result the single thread's bit for bit (f64 and
// f32): spikes in the same order, every trace sample, NetStim spike times.

type Spec = Parameters<typeof create>[0];

async function runBoth(spec: Spec, threads: number, merge: boolean, precision: Precision = 'f64') {
  const net = create(spec);
  const { model, mechanisms } = compile(net, { mergeSynapses: merge });
  const request = { model, mechanisms, precision, recordStim: net.data.simConfig.recordStim };
  const one = await BACKENDS.cpu.run(request);
  const many = await BACKENDS.cpu.run({ ...request, threads, spawnThread: nodeThreads });
  return { one, many, model, mechanisms };
}

function expectSame(one: BackendRun, many: BackendRun): void {
  expect(many.spikes.time).toEqual(one.spikes.time);
  expect(many.spikes.gid).toEqual(one.spikes.gid);
  expect(many.sampleCount).toBe(one.sampleCount);
  expect(Array.from(many.sampleTimes)).toEqual(Array.from(one.sampleTimes));
  expect(many.samples.map((s) => Array.from(s))).toEqual(one.samples.map((s) => Array.from(s)));
  expect(many.stimSpikes).toEqual(one.stimSpikes);
}

/** HH somas with NetStim drive and recurrent Exp2Syns of one delay and drawn weights: cells spike together, so merged synapses add simultaneous events of different weights, whose order shows in the last bits. */
function hhNetwork(cells: number, delay: number, duration: number): Spec {
  return {
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } } } } } },
      popParams: { E: { cellType: 'HH', numCells: cells } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
      connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: 20, weight: 'uniform(0.002, 0.006)', delay, synMech: 'exc' } },
      stimSourceParams: { bkg: { type: 'NetStim', rate: 20, noise: 0.5 } },
      stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.01, delay: 5, synMech: 'exc' } },
    },
    simConfig: { duration, dt: 0.025, recordCells: ['all'], recordTraces: { V: { sec: 'soma', loc: 0.5, var: 'v' } }, recordStim: true },
  };
}

describe('the threaded CPU backend', () => {
  it('runs tutorial 2 (unmerged synapses, NEURON bit for bit) on 3 threads exactly as on one', async () => {
    const spec = readFixture('netpyne/tut2.spec.json');
    spec.simConfig.duration = 500;
    const { one, many } = await runBoth(spec, 3, false);
    expect(many.threads).toEqual({ used: 3 });
    expect(one.spikes.time.length).toBeGreaterThan(300);
    expectSame(one, many);
  });

  it('queues simultaneous spikes of different partitions in the single thread order (merged synapses: the order of additions shows)', async () => {
    const { one, many, model, mechanisms } = await runBoth(hhNetwork(100, 5, 300), 2, true);
    expect(many.threads).toEqual({ used: 2 });
    // the test means something only when cells of both partitions spike at one boundary onto shared synapses
    const split = partitionModel(model, mechanisms, 2);
    if ('reason' in split) throw new Error(split.reason);
    const cut = split.parts[0].end;
    const times = new Map<number, Set<boolean>>();
    one.spikes.time.forEach((t, i) => times.set(t, (times.get(t) ?? new Set()).add(one.spikes.gid[i] < cut)));
    expect([...times.values()].filter((s) => s.size === 2).length).toBeGreaterThan(20);
    expectSame(one, many);
  });

  it('is exact in f32 too, and with more threads than cores', async () => {
    const { one, many } = await runBoth(hhNetwork(60, 3, 200), 4, true, 'f32');
    expect(many.threads).toEqual({ used: 4 });
    expect(one.spikes.time.length).toBeGreaterThan(100);
    expectSame(one, many);
  });

  it('runs Izhi2007b cells (a point process with its own voltage, detected through vref) exactly', async () => {
    const spec: Spec = {
      netParams: {
        cellParams: {
          Izhi: {
            secs: {
              soma: {
                geom: { diam: 10, L: 10, cm: 31.831 },
                pointps: { Izhi: { mod: 'Izhi2007b', C: 1, k: 0.7, vr: -60, vt: -40, vpeak: 35, a: 0.03, b: -2, c: -50, d: 100, celltype: 1 } },
              },
            },
          },
        },
        popParams: { E: { cellType: 'Izhi', numCells: 80 } },
        synMechParams: { exc: { mod: 'Exp2Syn', tau1: 1, tau2: 5, e: 0 } },
        connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: 10, weight: 0.0008, delay: 2, synMech: 'exc' } },
        stimSourceParams: { bkg: { type: 'NetStim', rate: 100, noise: 0.5 } },
        stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.002, delay: 5, synMech: 'exc' } },
      },
      simConfig: { duration: 300, dt: 0.025, recordCells: [3], recordTraces: { u: { sec: 'soma', pointp: 'Izhi', var: 'u' } } },
    };
    const { one, many } = await runBoth(spec, 2, false);
    expect(one.spikes.time.length).toBeGreaterThan(100);
    expectSame(one, many);
  });

  it('runs on one thread, saying why, a model it cannot split', async () => {
    const artificial = hhNetwork(10, 5, 20) as { netParams: Record<string, Record<string, unknown>> };
    artificial.netParams.popParams.I = { cellModel: 'IntFire1', numCells: 2 };
    const a = await runBoth(artificial, 2, true);
    expect(a.many.threads?.used).toBe(1);
    expect(a.many.threads?.reason).toMatch(/^artificial cells \(IntFire1\) send spikes while events are delivered/);
    expectSame(a.one, a.many);
    const b = await runBoth(hhNetwork(10, 0.04, 20), 2, true);
    expect(b.many.threads).toEqual({ used: 1, reason: 'a NetCon from a cell has a delay under 2 steps (no epoch without exchange)' });
  });

  it('starts only the threads that pay for their start-up (a thread per 100 M node- and instance-steps)', async () => {
    // 2 000 HH cells for 1 s, synapses merged: 6 000 nodes (a soma and its two zero-area ends) + 2 000 hh + 2 000 Exp2Syn, 40 000 steps
    const big = compile(create(hhNetwork(2000, 5, 1000)), { mergeSynapses: true });
    expect(cpuThreads(big, 2)).toEqual({ threads: 2 });
    expect(cpuThreads(big, 8)).toEqual({
      threads: 4,
      reason: 'the model is small for 8 threads: 400 M node- and instance-steps, and a thread pays for its start-up from 100 M',
    });
    expect(cpuThreads(big, 1)).toEqual({ threads: 1 });
    const spec = readFixture('netpyne/tut2.spec.json');
    spec.simConfig.duration = 100;
    const r = await simulate(create(spec), { backend: 'cpu', threads: 2, spawnThread: nodeThreads });
    expect(r.threads).toEqual({
      used: 1,
      reason: 'the model is small for 2 threads: 2 M node- and instance-steps, and a thread pays for its start-up from 100 M',
    });
  });

  it('refuses threads without a way to start them', async () => {
    const { model, mechanisms } = compile(create(hhNetwork(4, 5, 5)));
    await expect(BACKENDS.cpu.run({ model, mechanisms, recordStim: false, threads: 2 })).rejects.toThrow(
      "threads: 2 needs spawnThread (Node: nodeThreads from 'spikegpu/node')",
    );
  });
});
