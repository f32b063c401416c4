import type { MechanismDef } from '../types.ts';

// Single-exponential conductance synapse (NEURON's expsyn.mod; mod/ExpSyn.mod).
// g [uS] jumps by the NetCon weight and decays with tau [ms]; i = g*(v - e) [nA].
export const ExpSyn: MechanismDef = {
  name: 'ExpSyn',
  kind: 'point',
  modFile: 'mod/ExpSyn.mod',
  states: ['g'],
  assigned: ['i'],
  currents: { names: ['i'], kind: 'membrane' },
  mergeable: true,
  linearReceive: true,
  initial: 'g = 0',
  breakpoint: 'i = g*(v - e)',
  state: 'g = g + (1.0 - exp(dt*((-1.0)/tau)))*(-(0.0)/((-1.0)/tau) - g)',
  receive: 'g = g + w',
};
