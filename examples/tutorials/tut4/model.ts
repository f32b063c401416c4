// NetPyNE tutorial 4 (doc/source/code/tut4.py, as in NetPyNE 1.1.0): a hybrid network, S made of
// Izhikevich 2007 point neurons (Izhi2007b on a soma section), M of two-compartment HH cells;
// S -> M with probability 0.1 onto the dendrite; background NetStims at 100 Hz into both.

export const netParams = {
  // Cell types
  cellParams: {
    PYR_HH: {
      secs: {
        soma: {
          geom: { diam: 18.8, L: 18.8, Ra: 123.0 }, // soma geometry
          mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } }, // soma hh mechanisms
        },
        dend: {
          geom: { diam: 5.0, L: 150.0, Ra: 150.0, cm: 1 }, // dend geometry
          topol: { parentSec: 'soma', parentX: 1.0, childX: 0 }, // dend topology
          mechs: { pas: { g: 0.0000357, e: -70 } }, // dend mechanisms
        },
      },
    },
    PYR_Izhi: {
      secs: {
        soma: {
          geom: { diam: 10.0, L: 10.0, cm: 31.831 }, // soma geometry
          pointps: {
            // soma Izhikevich properties (k drawn per cell, as in NetPyNE 1.1.0's tut4.py)
            Izhi: { mod: 'Izhi2007b', C: 1, k: 'normal(0.7, 0.05)', vr: -60, vt: -40, vpeak: 35, a: 0.03, b: -2, c: -50, d: 100, celltype: 1 },
          },
        },
      },
    },
  },

  // Population parameters
  popParams: {
    S: { cellType: 'PYR_Izhi', numCells: 20 },
    M: { cellType: 'PYR_HH', numCells: 20 },
  },

  // Synaptic mechanism parameters
  synMechParams: {
    exc: { mod: 'Exp2Syn', tau1: 1.0, tau2: 5.0, e: 0 }, // excitatory synapse
  },

  // Stimulation parameters
  stimSourceParams: {
    bkg: { type: 'NetStim', rate: 100, noise: 0.5 },
  },
  stimTargetParams: {
    'bkg->PYR': { source: 'bkg', conds: { cellType: ['PYR_Izhi', 'PYR_HH'] }, weight: 0.01, delay: 5, synMech: 'exc' },
  },

  // Cell connectivity rules
  connParams: {
    'S->M': {
      preConds: { pop: 'S' },
      postConds: { pop: 'M' }, //  S -> M
      probability: 0.1, // probability of connection
      weight: 0.005, // synaptic weight
      delay: 5, // transmission delay (ms)
      sec: 'dend', // section to connect to
      loc: 1.0, // location in section to connect to
      synMech: 'exc', // target synapse
    },
  },
};

export const simConfig = {
  duration: 1 * 1e3, // Duration of the simulation, in ms
  dt: 0.025, // Internal integration timestep to use
  verbose: false, // Show detailed messages
  recordTraces: { V_soma: { sec: 'soma', loc: 0.5, var: 'v' } }, // Dict with traces to record
  recordStep: 1, // Step size in ms to save data (eg. V traces, LFP, etc)
  filename: 'tut4', // Set file output name
  savePickle: false, // Save params, network and sim output to pickle file

  analysis: {
    plotRaster: { saveFig: true }, // Plot a raster
    plotTraces: { include: [1], saveFig: true }, // Plot recorded traces for this list of cells
    plot2Dnet: { saveFig: true }, // plot 2D cell positions and connections
  },
};
