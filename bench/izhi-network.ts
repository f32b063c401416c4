// Delivery-bound benchmark (issue 14): N Izhikevich cells (NetPyNE's Izhi2007b RS cell on a soma
// section, as tutorial 4's), each driven by its own NetStim (100 Hz, noise 0.5, 0.002 uS) through
// an Exp2Syn (tau1 1, tau2 5 ms), with K recurrent Exp2Syn inputs (default 100; 0.008/K uS, 5 ms):
// about 20 Hz at N = 2 000 for K = 100 and for K = 1 000, asynchronous, so the synaptic events
// per second grow with K while the cells' work stays the same. dt 0.025 ms, 1 s.
//   node dist/bench/izhi-network.js [--indegree 100] [--sizes 2000] [--repeat 1] [--runs ...] [--neuron-sizes ...]
//     [--per-connection-sizes ...] [--out file]
// Baseline in the same invocation: bench/neuron_izhi_network.py (NEURON with Izhi2007b.mod
// compiled by nrnivmodl); the harness is bench/network-bench.ts.
import { main } from './network-bench.ts';

await main({
  name: 'izhi-network',
  defaultIndegree: 100,
  neuronScript: 'neuron_izhi_network.py',
  spec: (cells, duration, indegree) => ({
    netParams: {
      cellParams: {
        Izhi: {
          secs: {
            soma: {
              geom: { diam: 10, L: 10, cm: 31.831 },
              pointps: { Izhi: { mod: 'Izhi2007b', C: 1, k: 0.7, vr: -60, vt: -40, vpeak: 35, a: 0.03, b: -2, c: -50, d: 100, celltype: 1 } },
            },
          },
        },
      },
      popParams: { E: { cellType: 'Izhi', numCells: cells } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 1, tau2: 5, e: 0 } },
      connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: indegree, weight: 0.008 / indegree, delay: 5, synMech: 'exc' } },
      stimSourceParams: { bkg: { type: 'NetStim', rate: 100, noise: 0.5 } },
      stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.002, delay: 5, synMech: 'exc' } },
    },
    simConfig: { duration, dt: 0.025 },
  }),
});
