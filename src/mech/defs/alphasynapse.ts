import type { MechanismDef } from '../types.ts';

// Alpha-function conductance from a fixed onset, without events (NEURON's syn.mod;
// mod/AlphaSynapse.mod): g = gmax*alpha((t - onset)/tau) [uS], alpha(x) = x*exp(1 - x) on
// [0, 10], else 0; i = g*(v - e) [nA].
export const AlphaSynapse: MechanismDef = {
  name: 'AlphaSynapse',
  kind: 'point',
  modFile: 'mod/AlphaSynapse.mod',
  states: [],
  assigned: ['i', 'g'],
  currents: { names: ['i'], kind: 'membrane' },
  functions: {
    alpha: {
      args: ['x'],
      body: `
        if (x < 0 or x > 10) {
          alpha = 0
        } else {
          alpha = x*exp(1 - x)
        }`,
    },
  },
  breakpoint: `
    g = gmax*alpha((t - onset)/tau)
    i = g*(v - e)`,
};
