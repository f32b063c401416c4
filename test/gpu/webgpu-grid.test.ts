import { expect, it } from 'vitest';
import { GpuSimulator } from '../../src/backend/webgpu/simulator.ts';
import { compile } from '../../src/compile/index.ts';
import { create } from '../../src/index.ts';
import { testDevice } from '../helpers/gpu.ts';

// Sizes the WebGPU backend must handle: dispatches beyond maxComputeWorkgroupsPerDimension run
// as 2-D grids (with the limit lowered to 2 workgroups, a 300-cell HH network, 5 workgroups per
// kernel, gives the same spikes as with 1-D grids), spike lists longer than the first
// read-back copy, and models too large for the adapter (refused with a clear reason).

it('2-D dispatch grids give the same simulation', async () => {
  const d = await testDevice();
  if (!d) return;
  const net = create({
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: { gl: 0.003, el: -70 } } } } } },
      popParams: { E: { cellType: 'HH', numCells: 300 } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
      connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: 10, weight: 0.002, delay: 2, synMech: 'exc' } },
      stimSourceParams: { bkg: { type: 'NetStim', rate: 40, noise: 0.5 } },
      stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.01, delay: 1, synMech: 'exc' } },
    },
    simConfig: { duration: 100, dt: 0.025 },
  });
  const { model, mechanisms } = compile(net);
  const flat = await new GpuSimulator(d.device, model, mechanisms).run();
  const grid = await new GpuSimulator(d.device, model, mechanisms, { workgroupsPerDimension: 2 }).run();
  expect(flat.spikes.time.length).toBeGreaterThan(50);
  expect(grid.spikes).toEqual(flat.spikes);
});

// An epoch with more spikes than the first spike-list copy (4096 entries) copies the rest
// again: 5000 cells all spiking within the first epoch give every spike.
it('reads back epochs with more spikes than the first copy holds', async () => {
  const d = await testDevice();
  if (!d) return;
  const net = create({
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: { gl: 0.003, el: -70 } } } } } },
      popParams: { E: { cellType: 'HH', numCells: 5000 } },
      stimSourceParams: { ic: { type: 'IClamp', del: 1, dur: 2, amp: 1 } },
      stimTargetParams: { 'ic->E': { source: 'ic', conds: { pop: 'E' }, sec: 'soma', loc: 0.5 } },
    },
    simConfig: { duration: 20, dt: 0.025 },
  });
  const { model, mechanisms } = compile(net);
  const r = await new GpuSimulator(d.device, model, mechanisms).run();
  expect(r.spikes.gid.length).toBe(5000);
  expect(new Set(r.spikes.gid).size).toBe(5000);
});

// A model whose tables exceed the adapter's largest binding is refused with the table, its size
// and what makes it grow (here with the limit lowered to 64 KiB).
it('names the table that does not fit the adapter', async () => {
  const d = await testDevice();
  if (!d) return;
  const net = create({
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: {} } } } } },
      popParams: { E: { cellType: 'HH', numCells: 300 } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
      connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: 10, weight: 0.002, delay: 20, synMech: 'exc' } },
    },
    // the run outlasts the delay: the ring spans the delay (at most the run)
    simConfig: { duration: 25, dt: 0.025 },
  });
  const { model, mechanisms } = compile(net);
  const sim = new GpuSimulator(d.device, model, mechanisms, { bindingBytes: 65536 });
  await expect(sim.run()).rejects.toThrow(
    /a model whose 'ring' table needs 0\.9 MiB \(it grows with cells with synaptic inputs x the longest delay in steps\), more than this adapter's largest binding \(0 MiB\), is not supported by the webgpu backend/,
  );
  sim.destroy();
});
