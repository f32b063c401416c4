// NetPyNE tutorial 6 (doc/source/code/tut6.py): tutorial 2's two populations without connections,
// driven by four kinds of stimulation: an IClamp (first 15 S cells), a VClamp (S cells in the
// upper half), an AlphaSynapse (7 M cells) and NetStims from 600 ms (all cells in the lower 40%).

export const netParams = {
  // Cell params
  cellParams: {
    PYR: {
      secs: {
        soma: {
          geom: { diam: 18.8, L: 18.8 }, // soma geometry
          mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } }, // soma hh mechanism
        },
      },
    },
  },

  // Population parameters
  popParams: {
    S: { cellType: 'PYR', numCells: 20, cellModel: 'HH' },
    M: { cellType: 'PYR', numCells: 20, cellModel: 'HH' },
  },

  // Synaptic mechanism parameters
  synMechParams: {
    exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5.0, e: 0 }, // excitatory synaptic mechanism
  },

  // Stimulation parameters
  stimSourceParams: {
    Input_1: { type: 'IClamp', del: 300, dur: 100, amp: 'uniform(0.4,0.5)' },
    Input_2: { type: 'VClamp', dur: [0, 50, 200], amp: [-60, -30, 40], gain: 1e5, rstim: 1, tau1: 0.1, tau2: 0 },
    Input_3: { type: 'AlphaSynapse', onset: 'uniform(300,600)', tau: 5, gmax: 'post_ynorm', e: 0 },
    Input_4: { type: 'NetStim', interval: 'uniform(20,100)', start: 600, noise: 0.1 },
  },
  stimTargetParams: {
    'Input_1->S': { source: 'Input_1', sec: 'soma', loc: 0.8, conds: { pop: 'S', cellList: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] } },
    'Input_2->S': { source: 'Input_2', sec: 'soma', loc: 0.5, conds: { pop: 'S', ynorm: [0, 0.5] } },
    'Input_3->M1': { source: 'Input_3', sec: 'soma', loc: 0.2, conds: { pop: 'M', cellList: [2, 4, 5, 8, 10, 15, 19] } },
    'Input_4->PYR': { source: 'Input_4', sec: 'soma', loc: 0.5, weight: '0.1+normal(0.2,0.05)', delay: 1, conds: { cellType: 'PYR', ynorm: [0.6, 1.0] } },
  },
};

export const simConfig = {
  duration: 1 * 1e3, // Duration of the simulation, in ms
  dt: 0.025, // Internal integration timestep to use
  verbose: false, // Show detailed messages
  recordTraces: { V_soma: { sec: 'soma', loc: 0.5, var: 'v' } }, // Dict with traces to record
  recordStep: 0.1, // Step size in ms to save data (eg. V traces, LFP, etc)
  filename: 'tut6', // Set file output name
  savePickle: false, // Save params, network and sim output to pickle file

  analysis: {
    plotRaster: { saveFig: true }, // Plot a raster
    plotTraces: {
      include: [
        ['S', 0],
        ['M', 0],
      ],
      saveFig: true,
    }, // Plot recorded traces for this list of cells
  },
};
