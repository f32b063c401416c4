import type { MechanismDef } from '../types.ts';

// Izhikevich (2003) cell as a current on its section (NetPyNE's izhi2003b.mod;
// mod/Izhi2003b.mod): i = -0.001*(0.04 v^2 + f v + g - u + Iin) [nA], u' = a (b v - u) solved
// by derivimplicit (scopmath Newton) in nrn_state. INITIAL's v = -65 only sets u (a point
// process's INITIAL does not write the node); a WATCH (v > thresh) resets the node's v = c and
// u += d. Spikes are NetPyNE's section detector, inputs ordinary synMechs.

export const Izhi2003b: MechanismDef = {
  name: 'Izhi2003b',
  kind: 'point',
  modFile: 'mod/Izhi2003b.mod',
  states: ['u'],
  assigned: ['i'],
  currents: { names: ['i'], kind: 'membrane' },
  derivatives: { states: { states: ['u'], body: 'Du = a*(b*v - u)' } },
  initial: `
    v = -65
    u = 0.2*v`,
  breakpoint: 'i = -0.001*(0.04*v*v + f*v + g - u + Iin)',
  state: 'solve(states)',
  watches: [{ flag: 2, condition: 'v > thresh', handler: 'net_event(t)\nv = c\nu = u + d' }],
};
