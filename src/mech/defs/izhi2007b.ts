import type { MechanismDef } from '../types.ts';
import { recoveryUpdate } from './izhikevich-recovery.ts';

// Izhikevich (2007) cell as a NONSPECIFIC_CURRENT on its section (NetPyNE's izhi2007b.mod,
// the version with C = 1 and u starting at 0; mod/Izhi2007b.mod). The section's cm carries
// the capacitance. u is advanced inside BREAKPOINT by u += (t - t0)*a*(...): nrn_cur runs
// the block at v + 0.001 first (t0 = t afterwards), so u moves once per step, with v + 0.001.
// INITIAL sends a flag-1 event (delivered inside finitialize) that sets v = vr and arms the
// WATCHes; flag 2 resets v and u at vpeak. The spike itself is NetPyNE's section detector
// (v >= threshold), not the mod's net_event, so handlers do not emit events.

export const Izhi2007b: MechanismDef = {
  name: 'Izhi2007b',
  kind: 'point',
  modFile: 'mod/Izhi2007b.mod',
  states: [],
  assigned: ['i', 'u', 'delta', 't0', 'derivtype'],
  currents: { names: ['i'], kind: 'membrane' },
  initial: `
    u = 0.0
    derivtype = 2`,
  breakpoint: `
    delta = t - t0
    ${recoveryUpdate('v', '(v - d)*(v - d)*(v - d)')}
    t0 = t
    i = -(k*(v - vr)*(v - vt) - u + Iin)/C/1000`,
  initEvent: 'v = vr',
  watches: [
    {
      flag: 2,
      condition: 'v > (vpeak - 0.1*u if celltype == 4 else (vpeak + 0.1*u if celltype == 6 else vpeak))',
      handler: `
        if (celltype == 4) {
          v = c + 0.04*u
          if ((u + d) < 670) {
            u = u + d
          } else {
            u = 670
          }
        } else if (celltype == 5) {
          v = c
        } else if (celltype == 6) {
          v = c - 0.1*u
          u = u + d
        } else {
          v = c
          u = u + d
        }`,
    },
    ...[
      ['v > -65', 'celltype == 6 or celltype == 7'],
      ['v > d', 'celltype == 5'],
    ].map(([condition, armedIf]) => ({
      flag: 3,
      condition,
      armedIf,
      handler: `
        if (celltype == 5) {
          derivtype = 1
        } else if (celltype == 6) {
          b = 0
        } else if (celltype == 7) {
          b = 2
        }`,
    })),
    ...[
      ['v < -65', 'celltype == 6 or celltype == 7'],
      ['v < d', 'celltype == 5'],
    ].map(([condition, armedIf]) => ({
      flag: 4,
      condition,
      armedIf,
      handler: `
        if (celltype == 5) {
          derivtype = 2
        } else if (celltype == 6) {
          b = 15
        } else if (celltype == 7) {
          b = 10
        }`,
    })),
  ],
};
