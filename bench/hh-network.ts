// HH-network simulation benchmark (issue 3): N single-compartment HH cells (fixture A), each
// driven by its own NetStim (10 Hz, noise 0.5) through an Exp2Syn (0.01 uS, 5 ms), with
// recurrent Exp2Syn connections of in-degree 20 (0.002 uS, 5 ms); dt 0.025 ms, 1 s.
//   node dist/bench/hh-network.js [--indegree 20] [--sizes 2000,20000] [--duration 1000] [--runs cpu-f64,cpu-f32,webgpu-f32] [--runs-above-20000 webgpu-f32] [--neuron-sizes 2000,20000] [--per-connection-sizes 2000] [--out file]
// A run is backend-precision, merging identical synapses on a node (one state for the 21
// Exp2Syns of a cell); backend-precision-exact keeps every synapse its own state, as CPU f64
// does by default (NEURON's numbers bit for bit).
// Each run is a child process (its own peak RSS). When Debian's NEURON (python3-neuron) is
// installed, the same model runs in NEURON in this invocation (bench/neuron_hh_network.py)
// twice: as NEURON users write it (one Exp2Syn per cell for its 21 NetCons: `neuronRatio`,
// NEURON time / spikegpu time, against the fastest NEURON) and as NetPyNE builds it (an Exp2Syn
// per connection: `neuronPerConnectionRatio`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, simulate } from '../src/index.ts';
import { acquireNodeDevice, machineMemoryBytes } from '../src/node.ts';

/** The network; `indegree` recurrent inputs per cell (weight scaled by 20/indegree: the same recurrent drive). */
function spec(cells: number, duration: number, indegree: number) {
  return {
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
  };
}

async function runChild(cells: number, duration: number, backend: 'cpu' | 'webgpu', precision: 'f64' | 'f32', mergeSynapses: boolean, indegree: number) {
  const t0 = performance.now();
  const limits = { maxMemoryBytes: machineMemoryBytes() };
  const net = create(spec(cells, duration, indegree), limits);
  const build = (performance.now() - t0) / 1e3;
  const device = backend === 'webgpu' ? await acquireNodeDevice() : null;
  if (backend === 'webgpu' && !device) throw new Error('no WebGPU adapter');
  const r = await simulate(net, { backend, precision, mergeSynapses, ...limits, ...(device ? { device } : {}) });
  const steps = Math.round(duration / 0.025);
  return {
    simulator: 'spikegpu',
    backend,
    precision: r.precision,
    mergedSynapses: mergeSynapses,
    adapter: r.adapter,
    cells,
    synapses: net.connCount,
    indegree,
    durationMs: duration,
    buildSeconds: build,
    compileSeconds: r.timings.compile,
    runSeconds: r.timings.run,
    ...(r.timings.gpuSetup !== undefined ? { gpuSetupSeconds: r.timings.gpuSetup } : {}),
    spikes: r.simData.spkt.length,
    avgRate: r.simData.avgRate,
    cellStepsPerSecond: (cells * steps) / r.timings.run,
    // recurrent events delivered per second of run time (each spike reaches `indegree` synapses)
    synapticEventsPerSecond: (r.simData.spkt.length * indegree) / r.timings.run,
    dispatchesPerStep: r.dispatchesPerStep,
    ...(r.gpuBytes
      ? {
          gpuBytes: r.gpuBytes.total,
          gpuBytesPerSynapse: r.gpuBytes.synapses / net.connCount,
          gpuBytesPerCell: (r.gpuBytes.total - r.gpuBytes.synapses) / cells,
        }
      : {}),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const indegree = Number(option('--indegree', '20'));
if (args.includes('--child')) {
  const [backend, precision, exact] = option('--run', 'cpu-f64').split('-') as ['cpu' | 'webgpu', 'f64' | 'f32', string | undefined];
  console.log(
    JSON.stringify(await runChild(Number(option('--cells', '2000')), Number(option('--duration', '1000')), backend, precision, exact !== 'exact', indegree)),
  );
} else {
  const sizes = option('--sizes', '2000,20000').split(',').map(Number);
  // NEURON takes ~25 min per simulated second at 20 000 cells on a 2-core machine: the sizes it runs at
  const neuronSizes = option('--neuron-sizes', sizes.join(',')).split(',').map(Number);
  // ... and NetPyNE's per-connection NEURON model (8x slower again)
  const perConnectionSizes = option('--per-connection-sizes', neuronSizes.join(',')).split(',').map(Number);
  const duration = Number(option('--duration', '1000'));
  const runs = option('--runs', 'cpu-f64,cpu-f32,webgpu-f32').split(',');
  const bigRuns = option('--runs-above-20000', runs.join(',')).split(',');
  const out = option('--out', 'bench/results/hh-network.json');
  const results: Record<string, unknown>[] = [];
  for (const cells of sizes) {
    for (const run of cells > 20000 ? bigRuns : runs) {
      const r = spawnSync(
        process.execPath,
        [
          '--max-old-space-size=8192',
          fileURLToPath(import.meta.url),
          '--child',
          '--cells',
          String(cells),
          '--duration',
          String(duration),
          '--run',
          run,
          '--indegree',
          String(indegree),
        ],
        { encoding: 'utf8', env: { EGL_PLATFORM: 'surfaceless', ...process.env } },
      );
      if (r.status !== 0) throw new Error(`spikegpu ${cells} cells failed:\n${r.stderr}`);
      const res = JSON.parse(r.stdout.trim().split('\n').pop()!);
      console.log(
        `spikegpu ${run}${res.adapter ? ` (${res.adapter})` : ''}: ${cells} cells, ${res.synapses} synapses, ${duration} ms in ${res.runSeconds.toFixed(2)} s ` +
          `(${(res.cellStepsPerSecond / 1e6).toFixed(2)} M cell-steps/s, ${res.spikes} spikes, peak RSS ${(res.peakRssBytes / 2 ** 20).toFixed(0)} MiB` +
          `${res.dispatchesPerStep ? `, ${res.dispatchesPerStep.toFixed(2)} dispatches/step` : ''}` +
          `${res.gpuBytes ? `, GPU ${(res.gpuBytes / 2 ** 20).toFixed(1)} MiB: ${res.gpuBytesPerCell.toFixed(0)} B/cell, ${res.gpuBytesPerSynapse.toFixed(1)} B/synapse` : ''})`,
      );
      results.push(res);
    }
    if (!neuronSizes.includes(cells)) {
      console.log(`NEURON baseline not run at ${cells} cells (--neuron-sizes)`);
      continue;
    }
    const script = resolve(dirname(fileURLToPath(import.meta.url)), '../../bench/neuron_hh_network.py');
    const neuronRun = (extra: string[]) => {
      const n = spawnSync('/usr/bin/python3', [script, String(cells), String(duration), '--indegree', String(indegree), ...extra], { encoding: 'utf8' });
      if (n.status !== 0) {
        console.log(`NEURON baseline skipped: ${(n.stderr || n.error?.message || '').trim().split('\n').pop()}`);
        return null;
      }
      const line = n.stdout
        .trim()
        .split('\n')
        .find((l) => l.startsWith('{'))!;
      return JSON.parse(line) as { runSeconds: number; cellStepsPerSecond: number; spikes: number; synapsesPerCell: number };
    };
    const fastest = neuronRun(['--one-synapse']);
    const perConnection = perConnectionSizes.includes(cells) ? neuronRun([]) : null;
    if (!fastest) continue;
    const ours = results.filter((x) => x.cells === cells && x.simulator === 'spikegpu');
    for (const r of ours) {
      r.neuronRatio = fastest.runSeconds / (r.runSeconds as number);
      if (perConnection) r.neuronPerConnectionRatio = perConnection.runSeconds / (r.runSeconds as number);
    }
    for (const n of perConnection ? [fastest, perConnection] : [fastest])
      console.log(
        `NEURON, ${n.synapsesPerCell} Exp2Syn per cell: ${cells} cells in ${n.runSeconds.toFixed(2)} s (${(n.cellStepsPerSecond / 1e6).toFixed(2)} M cell-steps/s, ${n.spikes} spikes)`,
      );
    console.log(
      ours
        .map(
          (x) =>
            `spikegpu ${x.backend} ${x.precision}${x.mergedSynapses ? '' : ' exact'} ${(x.neuronRatio as number).toFixed(2)}x` +
            (perConnection ? ` (NetPyNE's NEURON model: ${(x.neuronPerConnectionRatio as number).toFixed(2)}x)` : ''),
        )
        .join(', '),
    );
    results.push(fastest, ...(perConnection ? [perConnection] : []));
  }
  const report = { benchmark: 'hh-network', date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, results };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`wrote ${out}`);
}
