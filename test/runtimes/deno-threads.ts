// Run by test/runtimes/deno.test.ts in Deno: the threaded CPU backend on Deno's Web Workers
// (the default where Worker exists) against one thread, as one JSON line.
//   deno run --allow-read --allow-env test/runtimes/deno-threads.ts
import { BACKENDS, compile, create } from '../../src/index.ts';

const net = create({
  netParams: {
    cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: {} } } } } },
    popParams: { E: { cellType: 'HH', numCells: 60 } },
    synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
    connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, convergence: 10, weight: 'uniform(0.002, 0.006)', delay: 5, synMech: 'exc' } },
    stimSourceParams: { bkg: { type: 'NetStim', rate: 20, noise: 0.5 } },
    stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.01, delay: 5, synMech: 'exc' } },
  },
  simConfig: { duration: 200, dt: 0.025, recordCells: ['all'], recordTraces: { V: { sec: 'soma', loc: 0.5, var: 'v' } } },
});
const { model, mechanisms } = compile(net, { mergeSynapses: true });
const one = await BACKENDS.cpu.run({ model, mechanisms, recordStim: false });
const two = await BACKENDS.cpu.run({ model, mechanisms, recordStim: false, threads: 2 });
const same = JSON.stringify([one.spikes, one.samples.map((s) => Array.from(s))]) === JSON.stringify([two.spikes, two.samples.map((s) => Array.from(s))]);
console.log(JSON.stringify({ threads: two.threads, spikes: one.spikes.time.length, same }));
