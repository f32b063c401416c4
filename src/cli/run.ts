import { closeSync, openSync, writeSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { UnsupportedOnGpu } from '../backend/webgpu/layout.ts';
import { CompileError } from '../compile/index.ts';
import { buildNetwork, NetworkBuildError, validateModel } from '../network/index.ts';
import { acquireNodeDevice } from '../gpu/node.ts';
import { analyze } from '../sim/analyze.ts';
import { simulate, type BackendName } from '../sim/simulate.ts';
import { printDiagnostics, readSpecFile } from './io.ts';

export interface RunOptions {
  out: string;
  backend: string;
  precision?: string;
  duration?: string;
  quiet?: boolean;
}

/** spikegpu run: create, simulate, write NetPyNE's saved data (saveDataInclude) and print population rates. */
export async function runRun(path: string, options: RunOptions): Promise<number> {
  const spec = readSpecFile(path);
  if (Array.isArray(spec)) {
    printDiagnostics(spec);
    return 1;
  }
  if (!['auto', 'cpu', 'webgpu'].includes(options.backend)) return usage(`--backend must be cpu, webgpu or auto (got '${options.backend}')`);
  if (options.precision !== undefined && !['f64', 'f32'].includes(options.precision)) return usage(`--precision must be f64 or f32 (got '${options.precision}')`);
  if (options.duration !== undefined) {
    const duration = Number(options.duration);
    if (!(duration > 0)) return usage(`--duration must be a positive number of ms (got '${options.duration}')`);
    spec.simConfig.duration = duration;
    spec.simConfig.tstop = duration;
  }
  const { netParams, simConfig, diagnostics } = validateModel(spec, 'all');
  printDiagnostics(diagnostics.list, options.quiet);
  if (diagnostics.errors.length > 0) return 1;
  try {
    const net = buildNetwork(netParams, simConfig);
    if (!options.quiet) for (const w of net.warnings) console.warn(`warning: ${w}`);
    const bar = options.quiet || !process.stderr.isTTY ? null : new SingleBar({ format: 'simulating [{bar}] {percentage}% | {value}/{total} ms | eta {eta}s', stream: process.stderr, hideCursor: true });
    bar?.start(simConfig.duration, 0);
    const wantsGpu = options.backend !== 'cpu' && options.precision !== 'f64';
    const device = wantsGpu ? await acquireNodeDevice() : null;
    if (options.backend === 'webgpu' && !device) {
      console.error('error: --backend webgpu: no WebGPU adapter found (install a GPU driver, or Mesa: libvulkan1 mesa-vulkan-drivers libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri)');
      return 1;
    }
    const result = await simulate(net, {
      backend: options.backend as BackendName,
      precision: options.precision as 'f64' | 'f32' | undefined,
      onProgress: (_, t) => bar?.update(Math.round(t)),
      ...(device ? { device } : {}),
    });
    device?.device.destroy();
    bar?.stop();
    const analysis = analyze(net, result);
    const fd = openSync(options.out, 'w');
    for (const chunk of analysis.savedData()) writeSync(fd, chunk);
    closeSync(fd);
    if (!options.quiet) {
      if (result.fallbackReason) console.warn(`note: running on the CPU backend: ${result.fallbackReason}`);
      console.log(`${net.cellCount} cells, ${net.connCount} synapses; backend ${result.backend} (${result.precision}${result.adapter ? `, ${result.adapter}` : ''}); ` +
        `network ${net.data.timings.total.toFixed(2)} s, compile ${result.timings.compile.toFixed(2)} s, run ${result.timings.run.toFixed(2)} s`);
      printRates(analysis.popRates, result.simData.avgRate, net);
      console.log(`wrote ${options.out}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof NetworkBuildError || e instanceof CompileError || e instanceof UnsupportedOnGpu) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

function printRates(rates: Record<string, number>, avgRate: number, net: { pops: Record<string, { cellGids: number[] }> }): void {
  const rows = Object.entries(rates).map(([pop, r]) => [pop, String(net.pops[pop].cellGids.length), r.toFixed(2)]);
  rows.push(['all', String(Object.values(net.pops).reduce((s, p) => s + p.cellGids.length, 0)), avgRate.toFixed(2)]);
  const header = ['population', 'cells', 'rate [Hz]'];
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

function usage(message: string): number {
  console.error(`error: ${message}`);
  return 2;
}
