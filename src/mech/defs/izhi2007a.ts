import type { MechanismDef } from '../types.ts';
import { recoveryUpdate } from './izhikevich-recovery.ts';

// Izhikevich (2007) cell with its own voltage V and four receptor conductances (NetPyNE's
// izhi2007a.mod; mod/Izhi2007a.mod). A point process without a current: the section it sits
// on is a dummy; NetPyNE detects spikes on V (`vref: 'V'`, section threshold) and aims
// connections at the point process with a weight index from `synList` (AMPA, NMDA, GABAA,
// GABAB, Opsin). BREAKPOINT (run by nrn_state once per step, at t + dt) advances the
// conductances and V, u by forward Euler over delta = t - t0. INITIAL's net_send(0, 1) arms
// the WATCH on V (threshold by cell type); flag 2 resets V, u and the conductances.

const resetHandler = `
  if (alive != 0) {
    net_event(t)
  }
  if (celltype < 4 or celltype == 7) {
    V = c
    u = u + d
  } else if (celltype == 4) {
    V = c + 0.04*u
    if ((u + d) < 670) {
      u = u + d
    } else {
      u = 670
    }
  } else if (celltype == 5) {
    V = c
  } else if (celltype == 6) {
    V = c - 0.1*u
    u = u + d
  }
  gAMPA = 0
  gNMDA = 0
  gGABAA = 0
  gGABAB = 0
  gOpsin = 0`;

export const Izhi2007a: MechanismDef = {
  name: 'Izhi2007a',
  kind: 'point',
  modFile: 'mod/Izhi2007a.mod',
  states: [],
  assigned: ['factor', 'eventflag', 'V', 'u', 'gAMPA', 'gNMDA', 'gGABAA', 'gGABAB', 'gOpsin', 'I', 'delta', 't0'],
  initial: `
    V = vr
    u = 0.2*vr
    t0 = t
    gAMPA = 0
    gNMDA = 0
    gGABAA = 0
    gGABAB = 0
    gOpsin = 0
    I = 0
    delta = 0`,
  breakpoint: `
    delta = t - t0
    gAMPA = gAMPA - delta*gAMPA/tauAMPA
    gNMDA = gNMDA - delta*gNMDA/tauNMDA
    gGABAA = gGABAA - delta*gGABAA/tauGABAA
    gGABAB = gGABAB - delta*gGABAB/tauGABAB
    gOpsin = gOpsin - delta*gOpsin/tauOpsin
    factor = ((V + 80)/60)*((V + 80)/60)
    I = gAMPA*(V - 0) + gNMDA*factor/(1 + factor)*(V - 0) + gGABAA*(V + 70) + gGABAB*(V + 90) + gOpsin*(V - 0)
    Vpre = V
    V = V + delta*(k*(V - vr)*(V - vt) - u - I + Iin)/C
    if (Vpre <= c and V > vpeak) {
      V = c + 1
    }
    ${recoveryUpdate('V', '(V - d)**3')}
    t0 = t`,
  receiveArgs: ['wAMPA', 'wNMDA', 'wGABAA', 'wGABAB', 'wOpsin'],
  linearReceive: true,
  receive: `
    gAMPA = gAMPA + wAMPA
    gNMDA = gNMDA + wNMDA
    gGABAA = gGABAA + wGABAA
    gGABAB = gGABAB + wGABAB
    gOpsin = gOpsin + wOpsin`,
  watches: [
    { flag: 2, condition: 'V > vpeak', armedIf: 'celltype < 4 or celltype == 5 or celltype == 7', handler: resetHandler },
    { flag: 2, condition: 'V > (vpeak - 0.1*u)', armedIf: 'celltype == 4', handler: resetHandler },
    { flag: 2, condition: 'V > (vpeak + 0.1*u)', armedIf: 'celltype == 6', handler: resetHandler },
  ],
};
