import type { MechanismDef } from '../types.ts';

// Dual-exponential conductance synapse (NEURON's exp2syn.mod; mod/Exp2Syn.mod): g = B - A [uS],
// rise tau1, decay tau2 [ms]; `factor` normalises the peak of a unit event to 1.
export const Exp2Syn: MechanismDef = {
  name: 'Exp2Syn',
  kind: 'point',
  modFile: 'mod/Exp2Syn.mod',
  states: ['A', 'B'],
  assigned: ['i', 'g', 'factor'],
  currents: { names: ['i'], kind: 'membrane' },
  mergeable: true,
  linearReceive: true,
  initial: `
    if (tau1/tau2 > 0.9999) {
      tau1 = 0.9999*tau2
    }
    if (tau1/tau2 < 1e-9) {
      tau1 = tau2*1e-9
    }
    A = 0
    B = 0
    tp = (tau1*tau2)/(tau2 - tau1)*log(tau2/tau1)
    factor = -exp(-tp/tau1) + exp(-tp/tau2)
    factor = 1/factor`,
  breakpoint: `
    g = B - A
    i = g*(v - e)`,
  state: `
    A = A + (1.0 - exp(dt*((-1.0)/tau1)))*(-(0.0)/((-1.0)/tau1) - A)
    B = B + (1.0 - exp(dt*((-1.0)/tau2)))*(-(0.0)/((-1.0)/tau2) - B)`,
  receive: `
    A = A + w*factor
    B = B + w*factor`,
};
