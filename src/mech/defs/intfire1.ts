import type { MechanismDef } from '../types.ts';

// Leaky integrate-and-fire artificial cell (NEURON's intfire1.mod; mod/IntFire1.mod). m decays
// with tau between events and is updated analytically when an event arrives; m > 1 fires
// (net_event at the event time), sets m = 2 and starts a refractory period that ends with a
// flag-1 self-event after refrac [ms]. Events during the refractory period are ignored.

export const IntFire1: MechanismDef = {
  name: 'IntFire1',
  kind: 'artificial',
  modFile: 'mod/IntFire1.mod',
  states: [],
  assigned: ['m', 't0', 'refractory'],
  functions: {
    M: {
      args: [],
      body: `
        if (refractory == 0) {
          M = m*exp(-(t - t0)/tau)
        } else if (refractory == 1) {
          if (t - t0 < 0.5) {
            M = 2
          } else {
            M = -1
          }
        }`,
    },
  },
  initial: `
    m = 0
    t0 = t
    refractory = 0`,
  receive: `
    if (refractory == 0) {
      m = m*exp(-(t - t0)/tau)
      t0 = t
      m = m + w
      if (m > 1) {
        refractory = 1
        m = 2
        net_send(refrac, refractory)
        net_event(t)
      }
    } else if (flag == 1) {
      t0 = t
      refractory = 0
      m = 0
    }`,
};
