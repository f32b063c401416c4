import type { MechanismDef } from '../types.ts';

// Passive leak (NEURON's passive.mod; mod/pas.mod): i = g*(v - e) [mA/cm2].
export const pas: MechanismDef = {
  name: 'pas',
  kind: 'density',
  modFile: 'mod/pas.mod',
  states: [],
  assigned: ['i'],
  currents: { names: ['i'], kind: 'membrane' },
  breakpoint: 'i = g*(v - e)',
};
