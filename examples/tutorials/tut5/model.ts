// NetPyNE tutorial 5 (doc/source/code/tut5.py): position- and distance-based connectivity. Six
// populations of 50 HH cells (E and I in layers 2/3, 4 and 5) in a 100 x 1000 x 100 um cuboid;
// E -> all with depth-dependent weights and distance-based delays, I -> E with a probability
// that decays with distance; background NetStims with normally distributed delays.

export const netParams = {
  sizeX: 100, // x-dimension (horizontal length) size in um
  sizeY: 1000, // y-dimension (vertical height or cortical depth) size in um
  sizeZ: 100, // z-dimension (horizontal length) size in um
  propVelocity: 100.0, // propagation velocity (um/ms)
  probLengthConst: 150.0, // length constant for conn probability (um)

  // Cell types
  cellParams: {
    E: {
      secs: {
        soma: {
          geom: { diam: 15, L: 14, Ra: 120.0 }, // soma geometry
          mechs: { hh: { gnabar: 0.13, gkbar: 0.036, gl: 0.003, el: -70 } }, // soma hh mechanism
        },
      },
    },
    I: {
      secs: {
        soma: {
          geom: { diam: 10.0, L: 9.0, Ra: 110.0 },
          mechs: { hh: { gnabar: 0.11, gkbar: 0.036, gl: 0.003, el: -70 } },
        },
      },
    },
  },

  // Population parameters
  popParams: {
    E2: { cellType: 'E', numCells: 50, yRange: [100, 300] },
    I2: { cellType: 'I', numCells: 50, yRange: [100, 300] },
    E4: { cellType: 'E', numCells: 50, yRange: [300, 600] },
    I4: { cellType: 'I', numCells: 50, yRange: [300, 600] },
    E5: { cellType: 'E', numCells: 50, ynormRange: [0.6, 1.0] },
    I5: { cellType: 'I', numCells: 50, ynormRange: [0.6, 1.0] },
  },

  // Synaptic mechanism parameters
  synMechParams: {
    exc: { mod: 'Exp2Syn', tau1: 0.8, tau2: 5.3, e: 0 }, // NMDA synaptic mechanism
    inh: { mod: 'Exp2Syn', tau1: 0.6, tau2: 8.5, e: -75 }, // GABA synaptic mechanism
  },

  // Stimulation parameters
  stimSourceParams: {
    bkg: { type: 'NetStim', rate: 20, noise: 0.3 },
  },
  stimTargetParams: {
    'bkg->all': { source: 'bkg', conds: { cellType: ['E', 'I'] }, weight: 0.01, delay: 'max(1, normal(5,2))', synMech: 'exc' },
  },

  // Cell connectivity rules
  connParams: {
    'E->all': {
      preConds: { cellType: 'E' },
      postConds: { y: [100, 1000] }, //  E -> all (100-1000 um)
      probability: 0.1, // probability of connection
      weight: '0.005*post_ynorm', // synaptic weight
      delay: 'dist_3D/propVelocity', // transmission delay (ms)
      synMech: 'exc', // synaptic mechanism
    },
    'I->E': {
      preConds: { cellType: 'I' }, // presynaptic conditions
      postConds: { pop: ['E2', 'E4', 'E5'] }, // postsynaptic conditions
      probability: '0.4*exp(-dist_3D/probLengthConst)', // probability of connection
      weight: 0.001, // synaptic weight
      delay: 'dist_3D/propVelocity', // transmission delay (ms)
      synMech: 'inh', // synaptic mechanism
    },
  },
};

export const simConfig = {
  duration: 1 * 1e3, // Duration of the simulation, in ms
  dt: 0.05, // Internal integration timestep to use
  verbose: false, // Show detailed messages
  recordTraces: { V_soma: { sec: 'soma', loc: 0.5, var: 'v' } }, // Dict with traces to record
  recordStep: 1, // Step size in ms to save data (e.g. V traces, LFP, etc)
  filename: 'tut5', // Set file output name
  savePickle: false, // Save params, network and sim output to pickle file

  analysis: {
    plotRaster: { orderBy: 'y', orderInverse: true, saveFig: true }, // Plot a raster
    plotTraces: {
      include: [
        ['E2', 0],
        ['E4', 0],
        ['E5', 5],
      ],
      saveFig: true,
    }, // Plot recorded traces for this list of cells
    plot2Dnet: { saveFig: true }, // plot 2D cell positions and connections
    plotConn: { saveFig: true }, // plot connectivity matrix
  },
};
