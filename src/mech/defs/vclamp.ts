import type { MechanismDef } from '../types.ts';

// Two-electrode voltage clamp with three levels and a control amplifier (NEURON's vclmp.mod;
// mod/VClamp.mod). States: e (amplifier input), vo (amplifier output), vi (measured v).
// The LINEAR block `clamp` (three equations in vi, vo, e; t1 = tau1/dt, t2 = tau2/dt)
//   vi - fac*vo = (1 - fac)*v
//   (t2 + 1)*vo + gain*e = t2*vo0
//   (1 + t1)*vi - (2 + t1)*e = stim + t1*(vi0 - e0)
// is solved here in closed form (NEURON eliminates with simeq; the two differ by rounding).
// nrn_cur picks the level (vstim) and solves the clamp at v + 0.001 and at v; nrn_state
// (update) solves again with the new v, so i is the current at t + dt, and keeps the
// solution as the next step's e0, vo0, vi0. Off (i = 0) after dur0 + dur1 + dur2.

const ICUR = `
  if (t > tc) {
    e0 = 0
    vo0 = 0
    i = 0
  } else {
    t1 = tau1/dt
    t2 = tau2/dt
    r3 = stim + t1*(vi0 - e0)
    e = ((1 + t1)*(1 - fac)*v + (1 + t1)*fac*t2*vo0/(t2 + 1) - r3)/((2 + t1) + (1 + t1)*fac*gain/(t2 + 1))
    vo = (t2*vo0 - gain*e)/(t2 + 1)
    vi = v + fac*vo - fac*v
    i = (vo - v)/rstim
  }`;

const VSTIM = `
  tc = 0
  stim = amp0
  tc = tc + dur0
  if (t < tc) {
    tc = tc + 100
  } else {
    stim = amp1
    tc = tc + dur1
    if (t < tc) {
      tc = tc + 100
    } else {
      stim = amp2
      tc = tc + dur2
      if (t < tc) {
        tc = tc + 100
      }
    }
  }`;

export const VClamp: MechanismDef = {
  name: 'VClamp',
  kind: 'point',
  modFile: 'mod/VClamp.mod',
  states: ['e', 'vo', 'vi'],
  assigned: ['i', 'stim', 'tc', 'e0', 'vo0', 'vi0'],
  currents: { names: ['i'], kind: 'electrode' },
  procedures: {
    vstim: { args: [], body: VSTIM },
    icur: { args: [], body: ICUR },
  },
  initial: `
    e0 = 0
    vo = v
    vo0 = v
    vi = v
    vi0 = v
    e = 0`,
  breakpoint: `
    vstim()
    icur()`,
  state: `
    icur()
    e0 = e
    vo0 = vo
    vi0 = vi`,
};
