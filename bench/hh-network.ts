// HH-network simulation benchmark (issue 3): N single-compartment HH cells (fixture A), each
// driven by its own NetStim (10 Hz, noise 0.5) through an Exp2Syn (0.01 uS, 5 ms), with
// recurrent Exp2Syn connections of in-degree 20 (0.002 uS x 20/K, 5 ms); dt 0.025 ms, 1 s.
//   node dist/bench/hh-network.js [--indegree 20] [--sizes 2000,20000] [--duration 1000] [--repeat 1]
//     [--runs cpu-f64,cpu-f32,webgpu-f32,auto] [--runs-above-20000 webgpu-f32] [--neuron-sizes 2000,20000]
//     [--per-connection-sizes 2000] [--brian2 cython,cpp_standalone] [--brian2-sizes 2000] [--out file]
// Baselines in the same invocation: bench/neuron_hh_network.py (NEURON) and
// bench/brian2_hh_network.py (Brian2); the harness is bench/network-bench.ts.
import { main } from './network-bench.ts';

await main({
  name: 'hh-network',
  defaultIndegree: 20,
  neuronScript: 'neuron_hh_network.py',
  brian2Script: 'brian2_hh_network.py',
  spec: (cells, duration, indegree) => ({
    netParams: {
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } } } } } },
      popParams: { E: { cellType: 'HH', numCells: cells } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
      connParams: {
        'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: indegree, weight: (0.002 * 20) / indegree, delay: 5, synMech: 'exc' },
      },
      stimSourceParams: { bkg: { type: 'NetStim', rate: 10, noise: 0.5 } },
      stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.01, delay: 5, synMech: 'exc' } },
    },
    simConfig: { duration, dt: 0.025 },
  }),
});
