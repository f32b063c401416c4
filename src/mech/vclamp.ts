import type { MechanismInfo } from '../spec/index.ts';
import type { MechanismDef } from './types.ts';

// The one built-in the NMODL front end cannot compile yet (vclmp.mod's PARAMETER arrays, its
// FROM loop with a C break, its LINEAR block and a SOLVE inside a FUNCTION): its definition and
// catalogue entry written by hand from mod/VClamp.mod and nocmodl's C for it.
//
// Two-electrode voltage clamp with three levels and a control amplifier (NEURON's vclmp.mod;
// mod/VClamp.mod). States: e (amplifier input), vo (amplifier output), vi (measured v).
// The LINEAR block `clamp` (three equations in vi, vo, e; t1 = tau1/dt, t2 = tau2/dt) is
// solved by scopmath's simeq on the augmented matrix exactly as nocmodl fills it.
// nrn_cur picks the level (vstim) and solves the clamp at v + 0.001 and at v; nrn_state
// (update) solves again with the new v, so i is the current at t + dt, and keeps the
// solution as the next step's e0, vo0, vi0. Off (i = 0) after dur0 + dur1 + dur2.

const ICUR = `
  if (t > tc) {
    e0 = 0
    vo0 = 0
    i = 0
  } else {
    solve(clamp)
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
  linear: {
    clamp: {
      unknowns: ['vi', 'vo', 'e'],
      body: 't1 = tau1/dt\nt2 = tau2/dt',
      // vi = v + fac*vo - fac*v;  t2*vo - t2*vo0 + vo = -gain*e;
      // -stim - e + vi - e + t1*vi - t1*e - t1*(vi0 - e0) = 0  (entries accumulated as nocmodl does)
      matrix: [
        ['-1.0', 'fac*1.0', '0', '-v + fac*v'],
        ['0', '-(t2*1.0) - 1.0', '-(gain*1.0)', '-(t2*vo0)'],
        ['-1.0 - t1*1.0', '0', '1.0 + 1.0 + t1*1.0', '-stim - t1*(vi0 - e0) - 0.0'],
      ],
    },
  },
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

export const VCLAMP_INFO: MechanismInfo = {
  name: 'VClamp',
  kinds: ['pointProcess'],
  params: {
    dur: { default: [0, 0, 0], units: 'ms' },
    amp: { default: [0, 0, 0], units: 'mV' },
    gain: { default: 1e5 },
    rstim: { default: 1, units: 'megohm' },
    tau1: { default: 0.001, units: 'ms' },
    tau2: { default: 0, units: 'ms' },
    fac: { default: 0 },
  },
  variables: ['e', 'vo', 'vi', 'i', 'stim', 'tc'],
};
