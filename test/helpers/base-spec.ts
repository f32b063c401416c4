// A small valid spec (tutorial-3-like: HH cells with a dendrite, a NetStim pop, one conn rule,
// NetStim and IClamp stimulation) for tests that change one thing in it.

export function baseSpec(): any {
  return {
    netParams: {
      probLengthConst: 150,
      cellParams: {
        PYR: {
          secs: {
            soma: { geom: { diam: 18.8, L: 18.8, Ra: 123 }, mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } } },
            dend: { geom: { diam: 5, L: 150, Ra: 150 }, topol: { parentSec: 'soma', parentX: 1, childX: 0 }, mechs: { pas: { g: 3.57e-5, e: -70 } } },
          },
          secLists: { all: ['soma', 'dend'] },
        },
      },
      popParams: { S: { cellType: 'PYR', numCells: 20 }, M: { cellType: 'PYR', numCells: 20 }, N: { cellModel: 'NetStim', numCells: 5, rate: 10 } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
      connParams: { 'S->M': { preConds: { pop: 'S' }, postConds: { pop: 'M' }, divergence: 12, weight: 0.01, delay: 5, synMech: 'exc' } },
      stimSourceParams: { bkg: { type: 'NetStim', rate: 10, noise: 0.5 }, ic: { type: 'IClamp', del: 10, dur: 100, amp: 0.1 } },
      stimTargetParams: { 'bkg->PYR': { source: 'bkg', conds: { cellType: 'PYR' }, weight: 0.01, delay: 5, synMech: 'exc' } },
    },
    simConfig: { duration: 100, dt: 0.025 },
  };
}
