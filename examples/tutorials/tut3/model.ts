// NetPyNE tutorial 3 (doc/source/code/tut3.py): tutorial 2's network with a passive dendrite on
// every cell; S -> M with probability 0.5 onto the end of the dendrite.

export const netParams = {
  // Cell types
  cellParams: {
    PYR: {
      secs: {
        soma: {
          geom: { diam: 18.8, L: 18.8, Ra: 123.0 },
          mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } },
        },
        dend: {
          geom: { diam: 5.0, L: 150.0, Ra: 150.0, cm: 1 },
          topol: { parentSec: 'soma', parentX: 1.0, childX: 0 },
          mechs: { pas: { g: 0.0000357, e: -70 } },
        },
      },
    },
  },

  // Population parameters
  popParams: {
    S: { cellType: 'PYR', numCells: 20 },
    M: { cellType: 'PYR', numCells: 20 },
  },

  // Synaptic mechanism parameters
  synMechParams: {
    exc: { mod: 'Exp2Syn', tau1: 1.0, tau2: 5.0, e: 0 }, // excitatory synaptic mechanism
  },

  // Stimulation parameters
  stimSourceParams: {
    bkg: { type: 'NetStim', rate: 10, noise: 0.5 },
  },
  stimTargetParams: {
    'bkg->PYR': { source: 'bkg', conds: { cellType: 'PYR' }, weight: 0.01, delay: 5, synMech: 'exc' },
  },

  // Cell connectivity rules
  connParams: {
    'S->M': {
      preConds: { pop: 'S' }, // presynaptic conditions
      postConds: { pop: 'M' }, // postsynaptic conditions
      probability: 0.5, // probability of connection
      weight: 0.01, // synaptic weight
      delay: 5, // transmission delay (ms)
      sec: 'dend', // section to connect to
      loc: 1.0, // location of synapse
      synMech: 'exc', // target synaptic mechanism
    },
  },
};

export const simConfig = {
  duration: 1 * 1e3, // Duration of the simulation, in ms
  dt: 0.025, // Internal integration timestep to use
  verbose: false, // Show detailed messages
  recordTraces: { V_soma: { sec: 'soma', loc: 0.5, var: 'v' } }, // Dict with traces to record
  recordStep: 1, // Step size in ms to save data (eg. V traces, LFP, etc)
  filename: 'tut3', // Set file output name
  savePickle: false, // Save params, network and sim output to pickle file

  analysis: {
    plotRaster: { saveFig: true }, // Plot a raster
    plotTraces: { include: [1], saveFig: true }, // Plot recorded traces for this list of cells
    plot2Dnet: { saveFig: true }, // plot 2D cell positions and connections
  },
};
