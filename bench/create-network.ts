// Network-creation benchmark: NetPyNE-exact instantiation of large networks.
//   node dist/bench/create-network.js [--out bench/results/create-network.json] [--only name]
// Each workload runs in its own child process so its peak RSS is its own. When Debian's NEURON
// (python3-neuron) is installed, the same 10k-cell network is also built directly in NEURON in
// this invocation, as a baseline.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_MECHANISMS, buildNetwork, validateModel } from '../src/index.ts';
import { machineMemoryBytes } from '../src/node.ts';

interface Workload {
  name: string;
  description: string;
  spec: () => { netParams: Record<string, unknown>; simConfig: Record<string, unknown> };
}

/** Single-compartment HH soma (as NEURON fixture A), Exp2Syn synapses, one NetStim per cell. */
function hhNetwork(cells: number, connRule: Record<string, unknown>, size = 100) {
  return {
    netParams: {
      sizeX: size,
      sizeY: size,
      sizeZ: size,
      cellParams: { HH: { secs: { soma: { geom: { L: 18.8, diam: 18.8, Ra: 123 }, mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } } } } } },
      popParams: { E: { cellType: 'HH', numCells: cells } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 } },
      connParams: { 'E->E': { preConds: { pop: 'E' }, postConds: { pop: 'E' }, weight: 0.002, delay: 5, synMech: 'exc', ...connRule } },
      stimSourceParams: { bkg: { type: 'NetStim', rate: 10, noise: 0.5 } },
      stimTargetParams: { 'bkg->E': { source: 'bkg', conds: { pop: 'E' }, weight: 0.01, delay: 5, synMech: 'exc' } },
    },
    simConfig: { duration: 1000 },
  };
}

const WORKLOADS: Workload[] = [
  { name: 'hh-10k-conv100', description: '10k HH cells, convergence 100 (1M connections) + 10k NetStims', spec: () => hhNetwork(10_000, { convergence: 100 }) },
  {
    name: 'hh-100k-conv100',
    description: '100k HH cells, convergence 100 (10M connections) + 100k NetStims',
    spec: () => hhNetwork(100_000, { convergence: 100 }),
  },
  {
    name: 'hh-20k-distance-prob',
    description: "20k HH cells in a 1000 um cube, probability '0.4*exp(-dist_3D/200)' (400M pairs)",
    spec: () => hhNetwork(20_000, { probability: '0.4*exp(-dist_3D/200)' }, 1000),
  },
];

function runWorkload(w: Workload) {
  const t0 = performance.now();
  const limits = { maxMemoryBytes: machineMemoryBytes() };
  const { netParams, simConfig, diagnostics } = validateModel(w.spec(), BUILTIN_MECHANISMS, 'network', limits);
  diagnostics.throwIfErrors();
  const net = buildNetwork(netParams, simConfig, BUILTIN_MECHANISMS, limits);
  const seconds = (performance.now() - t0) / 1e3;
  const rss = process.resourceUsage().maxRSS * 1024; // [bytes]
  return {
    workload: w.name,
    description: w.description,
    cells: net.cellCount,
    synapses: net.connCount,
    stims: net.data.stims.count,
    seconds,
    phases: net.data.timings,
    connectionsPerSecond: net.connCount / seconds,
    peakRssBytes: rss,
    bytesPerSynapse: synapseBytes(net),
  };
}

function synapseBytes(net: ReturnType<typeof buildNetwork>): number {
  const c = net.data.conns;
  const arrays = [c.pre, c.post, c.rule, c.synMech, c.sec, c.loc, c.weight, c.delay, c.stim, c.weightIndex, c.synMechRow, c.byPost];
  return arrays.reduce((n, a) => n + a.byteLength, 0) / c.count;
}

function neuronBaseline(): Record<string, unknown> | null {
  const script = resolve(dirname(fileURLToPath(import.meta.url)), '../../bench/neuron_create.py');
  const r = spawnSync('/usr/bin/python3', [script, '10000', '100'], { encoding: 'utf8' });
  if (r.status !== 0) return { skipped: `NEURON not available (${(r.stderr || r.error?.message || '').trim().split('\n').pop()})` };
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const args = process.argv.slice(2);
const child = args.indexOf('--child');
if (child >= 0) {
  const w = WORKLOADS.find((x) => x.name === args[child + 1])!;
  console.log(JSON.stringify(runWorkload(w)));
} else {
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : 'bench/results/create-network.json';
  const only = args.indexOf('--only') >= 0 ? args[args.indexOf('--only') + 1] : null;
  const results = [];
  for (const w of WORKLOADS.filter((x) => !only || x.name === only)) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', w.name], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${w.name} failed:\n${r.stderr}`);
    const result = JSON.parse(r.stdout.trim().split('\n').pop()!);
    console.log(
      `${w.name}: ${result.cells} cells, ${result.synapses} synapses in ${result.seconds.toFixed(2)} s, peak RSS ${(result.peakRssBytes / 2 ** 30).toFixed(2)} GiB, ${result.bytesPerSynapse.toFixed(1)} B/synapse`,
    );
    results.push(result);
  }
  const baseline = only ? null : neuronBaseline();
  if (baseline && 'seconds' in baseline) {
    const ours = results.find((r) => r.workload === 'hh-10k-conv100');
    if (ours) baseline.ratio = (baseline.seconds as number) / ours.seconds;
    console.log(
      `NEURON (Python) builds the 10k-cell network in ${(baseline.seconds as number).toFixed(2)} s: spikegpu is ${(baseline.ratio as number).toFixed(1)}x faster`,
    );
  } else if (baseline) {
    console.log(baseline.skipped);
  }
  const report = {
    benchmark: 'create-network',
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    results,
    neuronBaseline: baseline,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`wrote ${out}`);
}
