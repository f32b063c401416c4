// NetPyNE's tutorial on artificial cells (doc/source/code/tut_artif.py): 100 HH cells driven by
// a population of 100 NetStims (convergence 8) and, from 500 ms, by background NetStims; the HH
// cells excite 100 IntFire2 cells, which excite 100 IntFire4 cells; 100 VecStims fire at 5 Hz
// with two pulses (60 Hz at 200-300 ms, 30 Hz at 500-800 ms) and connect to nothing.

export const netParams = {
  // Population parameters
  popParams: {
    PYR1: { cellModel: 'HH', cellType: 'PYR', numCells: 100 }, // pop of HH cells
    artif1: { cellModel: 'NetStim', numCells: 100, rate: 50, noise: 0.8, start: 1, seed: 2 }, // pop of NetStims
    artif2: { cellModel: 'IntFire2', numCells: 100, ib: 0.0 }, // pop of IntFire2
    artif3: { cellModel: 'IntFire4', numCells: 100, taue: 1.0 }, // pop of IntFire4
    artif4: {
      cellModel: 'VecStim',
      numCells: 100,
      rate: 5,
      noise: 0.5,
      start: 50,
      pulses: [
        { start: 200, end: 300, rate: 60, noise: 0.2 },
        { start: 500, end: 800, rate: 30, noise: 0.5 },
      ],
    }, // pop of VecStims with 2 pulses
  },

  // Synaptic mechanism parameters
  synMechParams: {
    AMPA: { mod: 'Exp2Syn', tau1: 0.1, tau2: 1.0, e: 0 },
  },

  // Stimulation parameters
  stimSourceParams: {
    background: { type: 'NetStim', interval: 100, number: 1e5, start: 500, noise: 0.5 }, // stim using NetStims after 500ms
  },
  stimTargetParams: {
    'bkg->PYR1': { source: 'background', conds: { pop: 'PYR1' }, sec: 'soma', loc: 0.5, weight: 0.5, delay: 1 },
  },

  // Cell parameters: PYR cell properties
  cellParams: {
    PYR: {
      secs: {
        soma: {
          geom: { diam: 18.8, L: 18.8, Ra: 123.0 },
          mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } },
        },
      },
      conds: { cellType: 'PYR' },
    },
  },

  // Connections
  connParams: {
    'artif1->PYR1': {
      preConds: { pop: 'artif1' },
      postConds: { pop: 'PYR1' },
      convergence: 8,
      weight: 0.005,
      synMech: 'AMPA',
      delay: 'uniform(1,5)',
    },
    'PYR1->artif2': {
      preConds: { pop: 'PYR1' },
      postConds: { pop: 'artif2' },
      probability: 0.2,
      weight: 0.2,
      delay: 'uniform(1,5)',
    },
    'artif2->artif3': {
      preConds: { pop: 'artif2' },
      postConds: { pop: 'artif3' },
      divergence: 20,
      weight: 0.05,
      delay: 3,
    },
  },
};

export const simConfig = {
  duration: 1 * 1e3, // Duration of the simulation, in ms
  dt: 0.1, // Internal integration timestep to use
  createNEURONObj: true, // create HOC objects when instantiating network
  createPyStruct: true, // create Python structure (simulator-independent) when instantiating network
  verbose: false, // show detailed messages

  // Recording
  recordTraces: { Vsoma: { sec: 'soma', loc: 0.5, var: 'v' } },

  filename: 'artificial',

  // Analysis and plotting
  analysis: {
    plotRaster: { saveFig: true },
  },
};
