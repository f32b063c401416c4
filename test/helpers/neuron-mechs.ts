import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { create } from '../../src/index.ts';

// The stimulus point-process cases of test/data/neuron-mechs.json (NEURON 8.2.2 traces made by
// scripts/neuron-mech-traces.py) as NetPyNE specs: the fixture-A HH soma with the point process
// at soma(0.5), recording v and every variable the case has, every step.

export const mechData = JSON.parse(readFileSync(resolve(__dirname, '../data/neuron-mechs.json'), 'utf8'));

export function mechNetwork(name: string) {
  const c = mechData.cases[name];
  const traces: Record<string, unknown> = { v: { sec: 'soma', loc: 0.5, var: 'v' } };
  for (const k of Object.keys(c)) if (!['params', 'tstop', 'v'].includes(k)) traces[k] = { stim: 'src', var: k };
  return create({
    netParams: {
      cellParams: { C: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: { gl: 0.003, el: -70 } } } } } },
      popParams: { P: { cellType: 'C', numCells: 1 } },
      stimSourceParams: { src: { type: name, ...c.params } },
      stimTargetParams: { 'src->P': { source: 'src', conds: { pop: 'P' }, sec: 'soma', loc: 0.5 } },
    },
    simConfig: {
      duration: c.tstop,
      dt: mechData.dt,
      recordStep: mechData.dt,
      recordCells: ['all'],
      recordTraces: traces,
      hParams: { v_init: mechData.v_init, celsius: mechData.celsius },
    },
  });
}
