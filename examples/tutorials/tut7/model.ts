// NetPyNE tutorial 7 (doc/source/code/tut7.py): a Hopfield-Brody network of 50 HH cells with
// 50 Hz background input and all-to-all inhibitory connections, first with weight 0. The
// instantiated network is then modified and simulated again (rerun below): the inhibitory
// weights set to 0.5 synchronise the cells; then a soma length of 160 um lowers the rate.

import { analyze, type Network, type SimulateOptions, simulate } from '../../../src/index.ts';
import type { Rerun } from '../run.ts';

export const netParams = {
  // Cell parameters: PYR cell properties
  cellParams: {
    PYR: {
      secs: {
        soma: {
          geom: { diam: 18.8, L: 18.8 },
          topol: {},
          mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } },
        },
      },
    },
  },

  // Population parameters
  popParams: {
    hop: { cellType: 'PYR', cellModel: 'HH', numCells: 50 },
  },

  // Synaptic mechanism parameters
  synMechParams: {
    exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 1.0, e: 0 },
    inh: { mod: 'Exp2Syn', tau1: 0.1, tau2: 1.0, e: -80 },
  },

  // Stimulation parameters
  stimSourceParams: {
    bkg: { type: 'NetStim', rate: 50, noise: 0.5 },
  },
  stimTargetParams: {
    'bkg->all': { source: 'bkg', conds: { pop: 'hop' }, weight: 0.1, delay: 1, synMech: 'exc' },
  },

  // Connectivity parameters
  connParams: {
    'hop->hop': {
      preConds: { pop: 'hop' }, // presynaptic conditions
      postConds: { pop: 'hop' }, // postsynaptic conditions
      weight: 0.0, // weight of each connection
      synMech: 'inh', // target inh synapse
      delay: 5, // delay
    },
  },
};

export const simConfig = {
  duration: 0.5 * 1e3, // Duration of the simulation, in ms
  dt: 0.025, // Internal integration timestep to use
  verbose: false, // Show detailed messages
  recordTraces: { V_soma: { sec: 'soma', loc: 0.5, var: 'v' } }, // Dict with traces to record
  recordStep: 1, // Step size in ms to save data (eg. V traces, LFP, etc)
  filename: 'tut7', // Set file output name
  savePickle: false, // Save params, network and sim output to pickle file

  analysis: {
    plotRaster: { syncLines: true, saveFig: true }, // Plot a raster
    plotTraces: { include: [1], saveFig: true }, // Plot recorded traces for this list of cells
    plot2Dnet: { saveFig: true }, // plot 2D cell positions and connections
  },
};

/** The tutorial's interactive part: modify the instantiated network and simulate it again, twice. */
export async function rerun(net: Network, options: SimulateOptions): Promise<Rerun[]> {
  // modify conn weights: sim.net.modifyConns({'conds': {'label': 'hop->hop'}, 'weight': 0.5})
  net.modifyConns({ conds: { label: 'hop->hop' }, weight: 0.5 });
  const inhibited = await simulate(net, options); // sim.runSim(); sim.gatherData()
  const stage2 = { label: 'weight0.5', result: inhibited, analysis: analyze(net, inhibited) }; // sim.analysis.plotData()

  // modify cells geometry: sim.net.modifyCells({'conds': {'pop': 'hop'}, 'secs': {'soma': {'geom': {'L': 160}}}})
  net.modifyCells({ conds: { pop: 'hop' }, secs: { soma: { geom: { L: 160 } } } });
  const longer = await simulate(net, options); // sim.simulate()
  const analysis = analyze(net, longer);
  // sim.analysis.plotRaster(syncLines=True); sim.analysis.plotTraces(include=[1])
  analysis.figures = analysis.figures.filter((f) => f.kind === 'plotRaster' || f.kind === 'plotTraces');
  return [stage2, { label: 'L160', result: longer, analysis }];
}
