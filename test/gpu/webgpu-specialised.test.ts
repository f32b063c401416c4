import { expect, it } from 'vitest';
import { create, simulate } from '../../src/index.ts';
import { testDevice } from '../helpers/gpu.ts';

// Group-specialised WGSL (src/mech/field-flow.ts): uniform parameters become constants and
// fields nobody reads are not stored, unless recorded. A recorded assigned-only field (hh's
// gna) and a parameter that differs between cells (gnabar) give the CPU's f32 values.

it('records a field the mechanism never reads back, with per-cell and uniform parameters', async () => {
  const d = await testDevice();
  if (!d) return;
  const spec = {
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: { gnabar: '0.12 + 0.01*ynorm', gl: 0.003, el: -70 } } } } } },
      popParams: { P: { cellType: 'HH', numCells: 3 } },
      stimSourceParams: { clamp: { type: 'IClamp', del: 2, dur: 20, amp: 1.0 } },
      stimTargetParams: { 'clamp->P': { source: 'clamp', conds: { pop: 'P' }, sec: 'soma', loc: 0.5 } },
    },
    simConfig: {
      duration: 30,
      dt: 0.025,
      recordCells: [0, 2],
      recordTraces: { gna: { sec: 'soma', loc: 0.5, mech: 'hh', var: 'gna' }, V: { sec: 'soma', loc: 0.5, var: 'v' } },
    },
  };
  const gpu = await simulate(create(spec), { backend: 'webgpu', device: d });
  const cpu = await simulate(create(spec), { backend: 'cpu', precision: 'f32' });
  expect(gpu.backend).toBe('webgpu');
  for (const trace of ['gna', 'V']) {
    for (const cell of ['cell_0', 'cell_2']) {
      const g = (gpu.simData[trace] as Record<string, number[]>)[cell];
      const c = (cpu.simData[trace] as Record<string, number[]>)[cell];
      const scale = Math.max(...c.map(Math.abs));
      const err = Math.max(...g.map((x, i) => Math.abs(x - c[i])));
      // f32 on both; the GPU's exp and operation order differ slightly: 1e-3 of the range
      expect(err, `${trace} ${cell}`).toBeLessThanOrEqual(1e-3 * scale);
    }
  }
  expect(Math.max(...(gpu.simData.gna as Record<string, number[]>).cell_0)).toBeGreaterThan(0.01);
});
