import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { create, simulate } from '../../src/index.ts';

// Synaptic input against NEURON 8.2.2 runs of the same NetPyNE specs
// (test/data/neuron-synaptic.json, made by scripts/neuron-synaptic-traces.py): at dt = 0.1 ms an
// HH soma at 200 Hz through M1's AMPA Exp2Syn (v, A, B, g, i) and M1's FS Izhi2007b cell with
// two such synapses for 500 ms (v, u); at dt = 0.05 ms the FS cell with eight AMPA, NMDA, GABAA
// and GABAB synapses for 300 ms (v, u). simulate() on the CPU in f64 must give NEURON's numbers
// bit for bit at every sample and the same spikes. (Each of these broke it once: Math.exp
// instead of glibc's exp in hh's cnexp update, the capacitance added to d before the synapses'
// di/dv instead of after, currents summed in creation order instead of NEURON's type order and a
// node's point processes last-added first (the eight-synapse case: v an ulp off at 16.6 ms when
// they are summed first-added first), and merging the FS cell's identical synapses.)

const data = JSON.parse(readFileSync(resolve(__dirname, '../data/neuron-synaptic.json'), 'utf8'));

describe.each(Object.keys(data.cases))('%s', (name) => {
  const c = data.cases[name];

  it('CPU f64: every trace sample and every spike as NEURON has them', async () => {
    const { simData } = await simulate(create({ netParams: c.netParams, simConfig: c.simConfig }), { backend: 'cpu' });
    for (const [trace, want] of Object.entries(c.traces as Record<string, number[]>)) {
      const got = (simData[trace] as Record<string, number[]>).cell_0;
      expect(got.length, trace).toBe(want.length);
      const first = got.findIndex((v, k) => !Object.is(v, want[k]));
      expect(first, `${trace}: first differing sample (t = ${(first * c.simConfig.recordStep).toFixed(2)} ms: ${got[first]} vs ${want[first]})`).toBe(-1);
    }
    expect(simData.spkid).toEqual(c.spikes.gid);
    expect(simData.spkt).toEqual(c.spikes.t);
  });
});
