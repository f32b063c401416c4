import { describe, expect, it } from 'vitest';
import { createSimulate } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';

// A section trace of an ion variable (NetPyNE `{'sec': 'soma', 'loc': 0.5, 'var': 'ina'}`, NEURON's
// soma(0.5)._ref_ina) records the segment's ion: with hh alone it is hh's own ina, and ena is
// NEURON's default 50 mV. Recording it gives na per-segment state; the trace must not change
// anything else (v is the run without it, bit for bit).

describe('section traces of ion variables (tut2, CPU f64)', () => {
  const spec = readFixture('netpyne/tut2.spec.json');
  const traces = {
    V_soma: { sec: 'soma', loc: 0.5, var: 'v' },
    hh_ina: { sec: 'soma', loc: 0.5, mech: 'hh', var: 'ina' },
    ina: { sec: 'soma', loc: 0.5, var: 'ina' },
    ena: { sec: 'soma', loc: 0.5, var: 'ena' },
  };
  const run = (recordTraces: Record<string, unknown>) =>
    createSimulate({ ...spec, simConfig: { ...spec.simConfig, duration: 50, recordCells: [0], recordTraces } }, { backend: 'cpu' });

  it('records the segment ion, equal to the only writer, without changing v', async () => {
    const [withIons, plain] = await Promise.all([run(traces), run({ V_soma: traces.V_soma })]);
    const got = withIons.simData as unknown as Record<string, Record<string, number[]>>;
    const base = plain.simData as unknown as Record<string, Record<string, number[]>>;
    expect(got.ina.cell_0.length).toBeGreaterThan(100);
    expect(got.ina.cell_0).toEqual(got.hh_ina.cell_0);
    expect(new Set(got.ena.cell_0)).toEqual(new Set([50]));
    expect(got.V_soma.cell_0).toEqual(base.V_soma.cell_0);
  });
});
