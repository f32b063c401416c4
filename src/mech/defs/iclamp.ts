import type { MechanismDef } from '../types.ts';

// Current pulse (NEURON's stim.mod; mod/IClamp.mod): amp [nA] while del <= t < del + dur, with
// t the mid-step time of nrn_cur. An electrode current: positive amp depolarises.
export const IClamp: MechanismDef = {
  name: 'IClamp',
  kind: 'point',
  modFile: 'mod/IClamp.mod',
  states: [],
  assigned: ['i'],
  currents: { names: ['i'], kind: 'electrode' },
  initial: 'i = 0',
  breakpoint: `
    if (t < del + dur and t >= del) {
      i = amp
    } else {
      i = 0
    }`,
};
