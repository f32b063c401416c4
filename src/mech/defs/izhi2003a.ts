import type { MechanismDef } from '../types.ts';

// Izhikevich (2003) cell with its own voltage V and a synaptic conductance gsyn (NetPyNE's
// izhi2003a.mod; mod/Izhi2003a.mod). A point process without a current on a placeholder
// section; NetPyNE detects spikes on V (`vref: 'V'`) and connections add their weight to
// gsyn. The DERIVATIVE block is solved by derivimplicit (scopmath Newton) in nrn_state:
//   V' = 0.04 V^2 + f V + g - u + Iin - gsyn (V - erev),  u' = a (b V - u),  gsyn' = -gsyn/taug.
// A WATCH (V > thresh) resets V = c and u += d.

export const Izhi2003a: MechanismDef = {
  name: 'Izhi2003a',
  kind: 'point',
  modFile: 'mod/Izhi2003a.mod',
  states: ['u', 'V', 'gsyn'],
  assigned: [],
  derivatives: {
    // nocmodl: _slist1 = V, u, gsyn; the Newton variables (_slist2) are V, gsyn, u.
    states: {
      states: ['V', 'u', 'gsyn'],
      variables: ['V', 'gsyn', 'u'],
      body: `
        DV = 0.04*V*V + f*V + g - u + Iin - gsyn*(V - erev)
        Du = a*(b*V - u)
        Dgsyn = -gsyn/taug`,
    },
  },
  initial: `
    V = -65
    u = 0.2*V
    gsyn = 0`,
  state: 'solve(states)',
  receive: 'gsyn = gsyn + w',
  linearReceive: true,
  watches: [{ flag: 2, condition: 'V > thresh', handler: 'net_event(t)\nV = c\nu = u + d' }],
};
