// NetPyNE tutorial 1 (doc/source/code/tut1.py): sim.createSimulateAnalyze on the parameters of
// netpyne/examples/HHTut/HHTut.py, a network of 200 Hodgkin-Huxley cells with random recurrent
// excitation driven by background NetStims.

export const netParams = {
  // Population parameters
  popParams: {
    PYR: { cellModel: 'HH', cellType: 'PYR', numCells: 200 },
  },

  // Cell parameters: PYR cell properties
  cellParams: {
    PYR: {
      conds: { cellModel: 'HH', cellType: 'PYR' },
      secs: {
        soma: {
          geom: { diam: 18.8, L: 18.8, Ra: 123.0 },
          mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } },
          vinit: -71,
        },
      },
    },
  },

  // Synaptic mechanism parameters
  synMechParams: {
    AMPA: { mod: 'Exp2Syn', tau1: 0.1, tau2: 1.0, e: 0 },
  },

  // Stimulation parameters
  stimSourceParams: {
    bkg: { type: 'NetStim', rate: 10, noise: 0.5, start: 1 },
  },
  stimTargetParams: {
    'bkg->PYR1': { source: 'bkg', conds: { pop: 'PYR' }, weight: 0.1, delay: 'uniform(1,5)' },
  },

  // Connectivity parameters
  connParams: {
    'PYR->PYR': {
      preConds: { pop: 'PYR' },
      postConds: { pop: 'PYR' },
      weight: 0.002, // weight of each connection
      delay: '0.2+normal(13.0,1.4)', // delay min=0.2, mean=13.0, var = 1.4
      threshold: 10, // threshold
      convergence: 'uniform(1,15)', // convergence (num presyn targeting postsyn) uniformly distributed between 1 and 15
    },
  },
};

export const simConfig = {
  duration: 1 * 1e3, // Duration of the simulation, in ms
  dt: 0.025, // Internal integration timestep to use
  seeds: { conn: 1, stim: 1, loc: 1 }, // Seeds for randomizers (connectivity, input stimulation and cell locations)
  createNEURONObj: true, // create HOC objects when instantiating network
  createPyStruct: true, // create Python structure (simulator-independent) when instantiating network
  verbose: false, // show detailed messages

  // Recording
  recordCells: [],
  recordTraces: { Vsoma: { sec: 'soma', loc: 0.5, var: 'v' } },
  recordStim: true, // record spikes of cell stims
  recordStep: 0.1, // Step size in ms to save data (eg. V traces, LFP, etc)

  // Saving
  filename: 'tut1',
  savePickle: false,

  // Analysis and plotting
  analysis: {
    plotRaster: { saveFig: true },
    plotTraces: { include: [2], saveFig: true },
    plot2Dnet: { saveFig: true },
  },
};
