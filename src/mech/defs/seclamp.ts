import type { MechanismDef } from '../types.ts';

// Single-electrode voltage clamp with three levels (NEURON's svclmp.mod; mod/SEClamp.mod):
// i = (vc - v)/rs [nA] while on; vc = amp1, amp2, amp3 for dur1, dur2, dur3 [ms] from t = 0,
// then off. nrn_cur sets vc at mid-step; nrn_state recomputes i with the new v (SOLVE icur
// METHOD after_cvode), so the recorded i is (vc - v(t+dt))/rs.
const icur = `
    if (on) {
      i = (vc - v)/rs
    } else {
      i = 0
    }`;

export const SEClamp: MechanismDef = {
  name: 'SEClamp',
  kind: 'point',
  modFile: 'mod/SEClamp.mod',
  states: [],
  assigned: ['i', 'vc', 'tc2', 'tc3', 'on'],
  currents: { names: ['i'], kind: 'electrode' },
  initial: `
    tc2 = dur1 + dur2
    tc3 = tc2 + dur3
    on = 0`,
  breakpoint: `
    on = 1
    if (t < dur1) {
      vc = amp1
    } else if (t < tc2) {
      vc = amp2
    } else if (t < tc3) {
      vc = amp3
    } else {
      vc = 0
      on = 0
    }
    ${icur}`,
  state: icur,
};
