import { describe, expect, it } from 'vitest';
import { create, simulate } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';
import { testDevice } from '../helpers/gpu.ts';

// backend 'auto' picks the faster backend for the model on this machine and says why
// (sim/backend-choice.ts). CI's adapter is Mesa's llvmpipe, a software rasteriser: the CPU
// backend where steps cannot be fused or the model is small, fused WebGPU for a large model. The
// GPU path (measure the CPU run, bound the GPU's by its dispatch cost) is run on the same
// adapter presented as hardware, where a dispatch costs tens of microseconds.

function tut2(duration: number, cellsPerPop?: number, delay?: number) {
  const spec = readFixture('netpyne/tut2.spec.json');
  spec.simConfig.duration = duration;
  if (cellsPerPop) for (const pop of Object.values(spec.netParams.popParams) as Array<{ numCells: number }>) pop.numCells = cellsPerPop;
  if (delay !== undefined) for (const c of Object.values(spec.netParams.connParams) as Array<{ delay: unknown }>) c.delay = delay;
  return create(spec);
}

/** n HH somas, each driven by an IClamp: much CPU work per step, no synapses. */
function manyCells(n: number, duration: number) {
  return create({
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { diam: 18.8, L: 18.8, Ra: 123 }, mechs: { hh: {} } } } } },
      popParams: { P: { cellType: 'HH', numCells: n } },
      stimSourceParams: { ic: { type: 'IClamp', del: 0.5, dur: 10, amp: 0.5 } },
      stimTargetParams: { 'ic->P': { source: 'ic', conds: { pop: 'P' }, sec: 'soma', loc: 0.5 } },
    },
    simConfig: { duration, dt: 0.025 },
  });
}

describe("backend 'auto'", () => {
  it('on a software adapter, runs the CPU backend where steps cannot be fused', async () => {
    const d = await testDevice();
    if (!d) return;
    expect(d.software).toBe(true);
    const r = await simulate(tut2(50, undefined, 0.05), { device: d });
    expect(r.backend).toBe('cpu');
    expect(r.backendReason).toMatch(
      /is a software rasteriser on this machine's CPU, slower than the CPU backend where steps cannot be fused \(the minimum NetCon delay is 2 steps/,
    );
  });

  it('on a software adapter, runs the CPU backend for a small model', async () => {
    const d = await testDevice();
    if (!d) return;
    const r = await simulate(tut2(50), { device: d });
    expect(r.backend).toBe('cpu');
    expect(r.backendReason).toMatch(
      /^the CPU backend is as fast or faster for this model: .* \(fused chunks on .*: the merged model's time on one CPU thread \/ 4 \+ 0.5 s setup \+ 10 chunks x 4 dispatches x [\d.]+ us on .*\)$/,
    );
  });

  it("decides whether steps can be fused on the model WebGPU runs (synapses merged), not the CPU backend's", async () => {
    const d = await testDevice();
    if (!d) return;
    // 150 inputs a cell: 151 Exp2Syns unmerged (more instances than a fused cell holds), one merged
    const spec = {
      netParams: {
        cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8 }, mechs: { hh: {} } } } } },
        popParams: { E: { cellType: 'HH', numCells: 200 } },
        synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
        connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: 150, weight: 0.0003, delay: 5, synMech: 'exc' } },
        stimSourceParams: { bkg: { type: 'NetStim', rate: 10, noise: 0.5 } },
        stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.01, delay: 5, synMech: 'exc' } },
      },
      simConfig: { duration: 20, dt: 0.025 },
    };
    const r = await simulate(create(spec), { device: d });
    expect(r.backendReason).not.toMatch(/cannot be fused/);
    expect(r.backendReason).toMatch(/fused chunks on /);
  });

  it('on a software adapter, runs fused WebGPU for a large model', async () => {
    const d = await testDevice();
    if (!d) return;
    // 20 000 HH cells for 100 ms: the CPU backend takes some 10 s here, 4 times the margin
    const r = await simulate(manyCells(20000, 100), { device: d });
    expect(r.backend).toBe('webgpu');
    // decided on the merged model's time alone (a lower bound of the CPU backend's own model's)
    expect(r.backendReason).toMatch(
      /^WebGPU is faster for this model: CPU backend at least [\d.]+ s \(measured over \d+ steps of the model with identical synapses merged\), WebGPU about [\d.]+ s \(fused chunks on /,
    );
  }, 120_000);

  it('on a GPU, goes on with the measured CPU run when the GPU cannot be faster, spikes unchanged', async () => {
    const d = await testDevice();
    if (!d) return;
    // two cells a population: the CPU's step is some 50 times cheaper than three dispatches,
    // so the choice holds on a loaded machine too (tut2's 40 cells came within the margin)
    // a delay of 2 steps: the per-step path
    const r = await simulate(tut2(300, 2, 0.05), { device: { ...d, software: false } });
    expect(r.backend).toBe('cpu');
    expect(r.backendReason).toMatch(
      /^the CPU backend is as fast or faster for this model: CPU backend about [\d.]+ s \(measured over \d+ steps\), WebGPU at least [\d.]+ s \(12000 steps x 3 dispatches x [\d.]+ us on /,
    );
    const reference = await simulate(tut2(300, 2, 0.05), { backend: 'cpu' });
    expect(r.simData.spkid).toEqual(reference.simData.spkid);
    expect(r.simData.spkt).toEqual(reference.simData.spkt);
  });

  it('on a GPU, runs WebGPU when the CPU backend would take over twice its least time', async () => {
    const d = await testDevice();
    if (!d) return;
    const r = await simulate(manyCells(10000, 2), { device: { ...d, software: false } });
    expect(r.backend).toBe('webgpu');
    expect(r.backendReason).toMatch(/^WebGPU is faster for this model: /);
  }, 120_000);
});
