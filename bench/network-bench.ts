// The network benchmarks' harness (bench/hh-network.ts, bench/izhi-network.ts): spikegpu runs,
// each a child process (its own peak RSS) repeated --repeat times, and in the same invocation the
// baselines run the same model the fastest way they can: NEURON as its users write it (one
// synapse per cell for its NetCons: `neuronRatio`, NEURON's time / spikegpu's), NEURON as NetPyNE
// builds it (a synapse per connection: `neuronPerConnectionRatio`) and Brian2 (cython and C++
// standalone: `brian2Ratio`, against the faster). Ratios are of medians. The machine's limits
// (bench/machine-limits.c: triad bandwidth, f32/f64 FMA peak on every core) give the fraction of
// the machine a fused WebGPU run reaches: its step loop's arithmetic (counted in the generated
// kernel) and its modelled memory traffic.
//   runs: cpu-f64 (merged synapses), cpu-f64-exact (NEURON bit for bit), cpu-f32, webgpu-f32,
//   auto (what `spikegpu run` does by default: the backend choice included in the time, CPU
//   threads on every core); a CPU run with the suffix -threads runs on every core
//   (cpu-f64-threads, cpu-f64-exact-threads), else on one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, simulate } from '../src/index.ts';
import { acquireNodeDevice, machineMemoryBytes, machineThreads, nodeThreads } from '../src/node.ts';

export interface BenchModel {
  name: string;
  /** The NetPyNE spec of `cells` cells with `indegree` recurrent inputs each. */
  spec(cells: number, duration: number, indegree: number): { netParams: Record<string, unknown>; simConfig: { duration: number; dt: number } };
  defaultIndegree: number;
  /** Baseline scripts under bench/: NEURON's (CELLS DURATION --indegree K [--one-synapse]) and Brian2's (... --target T), if any. */
  neuronScript: string;
  brian2Script?: string;
}

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../bench');
const DT = 0.025;

type Json = Record<string, unknown>;

/** One spikegpu run in this process; `shaders` collects the WGSL of its kernels. */
async function runChild(model: BenchModel, cells: number, duration: number, run: string, indegree: number): Promise<Json> {
  const [backend, precision, ...flags]: [string, ('f64' | 'f32')?, ...string[]] =
    run === 'auto' ? ['auto'] : (run.split('-') as ['cpu' | 'webgpu', 'f64' | 'f32', ...string[]]);
  const exact = flags.includes('exact');
  const threads = run === 'auto' || flags.includes('threads') ? machineThreads() : 1;
  const t0 = performance.now();
  const limits = { maxMemoryBytes: machineMemoryBytes() };
  const net = create(model.spec(cells, duration, indegree), limits);
  const build = (performance.now() - t0) / 1e3;
  const device = backend !== 'cpu' ? await acquireNodeDevice() : null;
  if (backend === 'webgpu' && !device) throw new Error('no WebGPU adapter');
  const shaders: string[] = [];
  if (device) {
    const make = device.device.createShaderModule.bind(device.device);
    device.device.createShaderModule = (d) => (shaders.push(d.code), make(d));
  }
  const t1 = performance.now();
  const r = await simulate(net, {
    backend: backend as 'auto' | 'cpu' | 'webgpu',
    ...(precision ? { precision } : {}),
    ...(run === 'auto' ? {} : { mergeSynapses: !exact }),
    threads,
    spawnThread: nodeThreads,
    ...limits,
    ...(device ? { device } : {}),
  });
  // auto: the measurement that chose the backend is part of the default's time
  const runSeconds = run === 'auto' ? (performance.now() - t1) / 1e3 - r.timings.compile : r.timings.run;
  const steps = Math.round(duration / DT);
  const events = r.simData.spkt.length * indegree;
  const ops = r.gpuPath?.startsWith('fused') ? stepLoopOps(shaders) : undefined;
  return {
    simulator: 'spikegpu',
    run,
    backend: r.backend,
    precision: r.precision,
    adapter: r.adapter,
    ...(r.backendReason ? { backendReason: r.backendReason } : {}),
    gpuPath: r.gpuPath,
    ...(r.threads ? { threads: r.threads } : {}),
    cells,
    synapses: net.connCount,
    indegree,
    durationMs: duration,
    buildSeconds: build,
    compileSeconds: r.timings.compile,
    runSeconds,
    ...(r.timings.gpuSetup !== undefined ? { gpuSetupSeconds: r.timings.gpuSetup } : {}),
    spikes: r.simData.spkt.length,
    avgRate: r.simData.avgRate,
    cellStepsPerSecond: (cells * steps) / runSeconds,
    // recurrent events delivered per second of run time (each spike reaches `indegree` synapses)
    synapticEventsPerSecond: events / runSeconds,
    dispatchesPerStep: r.dispatchesPerStep,
    ...(r.dispatchesPerStep !== undefined ? { dispatchesPerSimulatedSecond: (r.dispatchesPerStep * steps * 1000) / duration } : {}),
    ...(r.gpuBytes
      ? {
          gpuBytes: r.gpuBytes.total,
          gpuBytesPerSynapse: r.gpuBytes.synapses / net.connCount,
          gpuBytesPerCell: (r.gpuBytes.total - r.gpuBytes.synapses) / cells,
        }
      : {}),
    ...(ops !== undefined ? { stepLoopOpsPerCellStep: ops, chunkSteps: Number(/(\d+) steps/.exec(r.gpuPath ?? '')?.[1]) } : {}),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

/**
 * Arithmetic operations per cell-step of the fused kernels' step loops (the largest if several
 * cell types): binary + - * / and the math builtins, counted in the WGSL, every branch included
 * (an upper bound for branchy code such as a table lookup's edges; exp counted as one).
 */
function stepLoopOps(shaders: string[]): number {
  let most = 0;
  for (const code of shaders.filter((c) => c.includes('fn epoch('))) {
    const start = code.indexOf('for (var j = 0u; j < chunk.count; j++) {');
    let depth = 0;
    let end = start;
    for (let i = code.indexOf('{', start); i < code.length; i++) {
      if (code[i] === '{') depth++;
      else if (code[i] === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    const body = code.slice(start, end).replace(/\/\/.*$/gm, '');
    const binary = body.match(/ [-+*/] /g)?.length ?? 0;
    const calls = body.match(/\b(exp|log|pow|sqrt|abs|min|max|fma)\(/g)?.length ?? 0;
    most = Math.max(most, binary + calls);
  }
  return most;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs `once` `repeat` times; the last result with every run time and their median as runSeconds. */
function repeated(repeat: number, once: () => Json | null): Json | null {
  const all: Json[] = [];
  for (let k = 0; k < repeat; k++) {
    const r = once();
    if (!r) return null;
    all.push(r);
  }
  const times = all.map((r) => r.runSeconds as number);
  const last = all[all.length - 1];
  const runSeconds = median(times);
  const perSecond = (key: string) => (typeof last[key] === 'number' ? { [key]: ((last[key] as number) * (last.runSeconds as number)) / runSeconds } : {});
  return { ...last, runSeconds, runSecondsEach: times, ...perSecond('cellStepsPerSecond'), ...perSecond('synapticEventsPerSecond') };
}

function lastJsonLine(stdout: string): Json {
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no JSON line in:\n${stdout}`);
  return JSON.parse(line);
}

/** The baseline script's run, or null (with the reason printed) where its simulator is missing. */
function python(script: string, args: string[]): Json | null {
  const r = spawnSync('/usr/bin/python3', [join(benchDir, script), ...args], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`${script} skipped: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`);
    return null;
  }
  return lastJsonLine(r.stdout);
}

/** This machine's triad bandwidth and FMA peaks (bench/machine-limits.c, built with gcc), or null without gcc. */
function machineLimits(): Json | null {
  const dir = mkdtempSync(join(tmpdir(), 'spikegpu-limits-'));
  const exe = join(dir, 'machine-limits');
  const cc = spawnSync('gcc', ['-O3', '-march=native', '-fopenmp', join(benchDir, 'machine-limits.c'), '-o', exe], { encoding: 'utf8' });
  if (cc.status !== 0) {
    console.log(`machine limits not measured: ${(cc.stderr || cc.error?.message || '').trim().split('\n').pop()}`);
    return null;
  }
  const r = spawnSync(exe, [], { encoding: 'utf8' });
  return r.status === 0 ? lastJsonLine(r.stdout) : null;
}

/** A fused run's share of the machine: its counted arithmetic against the f32 peak, its modelled traffic against the triad. */
function machineFractions(r: Json, limits: Json | null): Json {
  if (!limits || typeof r.stepLoopOpsPerCellStep !== 'number') return {};
  const opsPerSecond = (r.stepLoopOpsPerCellStep as number) * (r.cellStepsPerSecond as number);
  // each cell's state is read and written once per chunk; each event reads its NetCon (16 B) and updates a ring word (8 B)
  const bytesPerSecond =
    ((2 * (r.gpuBytesPerCell as number)) / (r.chunkSteps as number)) * (r.cellStepsPerSecond as number) + 24 * (r.synapticEventsPerSecond as number);
  return {
    arithmeticOpsPerSecond: opsPerSecond,
    fractionOfF32Peak: opsPerSecond / (limits.f32FlopsPerSecond as number),
    modelledBytesPerSecond: bytesPerSecond,
    fractionOfTriadBandwidth: bytesPerSecond / (limits.triadBytesPerSecond as number),
  };
}

export async function main(model: BenchModel): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const indegree = Number(option('--indegree', String(model.defaultIndegree)));
  const duration = Number(option('--duration', '1000'));
  if (args.includes('--child')) {
    console.log(JSON.stringify(await runChild(model, Number(option('--cells', '2000')), duration, option('--run', 'cpu-f64'), indegree)));
    return;
  }
  const sizes = option('--sizes', '2000,20000').split(',').map(Number);
  const neuronSizes = option('--neuron-sizes', sizes.join(',')).split(',').map(Number);
  // NetPyNE's per-connection NEURON model (8x slower again at in-degree 20)
  const perConnectionSizes = option('--per-connection-sizes', neuronSizes.join(',')).split(',').map(Number);
  const brian2Targets = model.brian2Script ? option('--brian2', 'cython,cpp_standalone').split(',').filter(Boolean) : [];
  const brian2Sizes = option('--brian2-sizes', neuronSizes.join(',')).split(',').map(Number);
  const repeat = Number(option('--repeat', '1'));
  const runs = option('--runs', 'cpu-f64,cpu-f32,webgpu-f32,auto').split(',');
  const bigRuns = option('--runs-above-20000', runs.join(',')).split(',');
  const out = option('--out', `bench/results/${model.name}.json`);
  const limits = machineLimits();
  if (limits) console.log(`machine: ${JSON.stringify(limits)}`);
  const results: Json[] = [];
  for (const cells of sizes) {
    const ours: Json[] = [];
    for (const run of cells > 20000 ? bigRuns : runs) {
      const res = repeated(repeat, () => {
        const r = spawnSync(
          process.execPath,
          [
            '--max-old-space-size=8192',
            process.argv[1],
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
        if (r.status !== 0) throw new Error(`spikegpu ${run} at ${cells} cells failed:\n${r.stderr}`);
        return lastJsonLine(r.stdout);
      })!;
      Object.assign(res, machineFractions(res, limits));
      console.log(
        `spikegpu ${run} (${res.backend} ${res.precision}${res.adapter ? `, ${res.adapter}` : ''}${res.gpuPath ? `, ${res.gpuPath}` : ''}): ${cells} cells, ${res.synapses} synapses, ${duration} ms in ${(res.runSeconds as number).toFixed(2)} s ` +
          `(median of ${repeat}; ${((res.cellStepsPerSecond as number) / 1e6).toFixed(2)} M cell-steps/s, ${((res.synapticEventsPerSecond as number) / 1e6).toFixed(2)} M events/s, ${res.spikes} spikes, peak RSS ${((res.peakRssBytes as number) / 2 ** 20).toFixed(0)} MiB` +
          `${res.fractionOfF32Peak !== undefined ? `, ${(100 * (res.fractionOfF32Peak as number)).toFixed(1)} % of the f32 peak, ${(100 * (res.fractionOfTriadBandwidth as number)).toFixed(2)} % of the bandwidth` : ''})`,
      );
      ours.push(res);
    }
    results.push(...ours);
    const baseline = (script: string, extra: string[], times: number) =>
      repeated(times, () => python(script, [String(cells), String(duration), '--indegree', String(indegree), ...extra]));
    const neuron = neuronSizes.includes(cells) ? baseline(model.neuronScript, ['--one-synapse'], repeat) : null;
    const perConnection = perConnectionSizes.includes(cells) ? baseline(model.neuronScript, [], 1) : null;
    const brian2 = brian2Sizes.includes(cells)
      ? brian2Targets.map((t) => baseline(model.brian2Script!, ['--target', t], repeat)).filter((b) => b !== null)
      : [];
    for (const b of [neuron, perConnection, ...brian2])
      if (b)
        console.log(
          `${b.simulator}, ${b.synapsesPerCell} synapse(s) per cell: ${cells} cells in ${(b.runSeconds as number).toFixed(2)} s (${((b.cellStepsPerSecond as number) / 1e6).toFixed(2)} M cell-steps/s, ${b.spikes} spikes)`,
        );
    const fastestBrian2 = brian2.reduce<Json | null>((a, b) => (!a || (b.runSeconds as number) < (a.runSeconds as number) ? b : a), null);
    for (const r of ours) {
      const t = r.runSeconds as number;
      if (neuron) r.neuronRatio = (neuron.runSeconds as number) / t;
      if (perConnection) r.neuronPerConnectionRatio = (perConnection.runSeconds as number) / t;
      if (fastestBrian2) r.brian2Ratio = (fastestBrian2.runSeconds as number) / t;
      console.log(
        `spikegpu ${r.run}: ${[neuron && `NEURON ${(r.neuronRatio as number).toFixed(2)}x`, perConnection && `NetPyNE's NEURON model ${(r.neuronPerConnectionRatio as number).toFixed(2)}x`, fastestBrian2 && `${fastestBrian2.simulator} ${(r.brian2Ratio as number).toFixed(2)}x`].filter(Boolean).join(', ')}`,
      );
    }
    results.push(...[neuron, perConnection, ...brian2].filter((b): b is Json => b !== null));
  }
  const report = {
    benchmark: model.name,
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    repeat,
    machineLimits: limits,
    results,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`wrote ${out}`);
}
