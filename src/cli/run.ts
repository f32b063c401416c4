import { SingleBar } from 'cli-progress';
import { saveJsonPath } from '../analysis/analyze.ts';
import { checkAnalysis } from '../analysis/check.ts';
import { machineThreads, nodeThreads } from '../backend/cpu/node-threads.ts';
import { UnsupportedOnBackend } from '../backend/index.ts';
import { CompileError } from '../compile/index.ts';
import { acquireNodeDevice } from '../gpu/node.ts';
import { FileError, OutputDir } from '../io/files.ts';
import { LoadError, loadNetwork } from '../io/load.ts';
import type { MechanismRegistry } from '../mech/index.ts';
import { buildNetwork, type Network, NetworkBuildError, validateModel } from '../network/index.ts';
import { BACKEND_NAMES, type BackendName, simulate } from '../sim/simulate.ts';
import { checkOutputPaths, isPlainObject, type SimConfigData, SpecError } from '../spec/index.ts';
import { writingInterruptibly } from './interrupt.ts';
import { printDiagnostics, readModelFile, readSpecFile } from './io.ts';
import { maxMemoryOption } from './memory.ts';
import { loadModOptions } from './mods.ts';
import { type OutputFile, writeOutputs } from './outputs.ts';

export interface RunOptions {
  out?: string;
  outDir: string;
  allowOutsidePaths?: boolean;
  figures: boolean;
  figDir?: string;
  figFormat: string;
  binary?: boolean;
  backend: string;
  precision?: string;
  duration?: string;
  /** CPU worker threads (default: this machine's cores). */
  threads?: string;
  quiet?: boolean;
  maxMemory?: string;
  /** Mod files or folders of them (--mod, repeatable). */
  mod?: string[];
  /** A JSON file whose simConfig (or the file itself) replaces the spec's (NetPyNE's cfg.py beside netParams.py). */
  cfg?: string;
}

/**
 * spikegpu run: create, simulate, write NetPyNE's saved data (saveDataInclude) to --out or,
 * with simConfig.saveJson, where NetPyNE would; draw the figures of simConfig.analysis (every
 * one: there is no screen to show them on) and print population rates.
 */
export async function runRun(path: string, options: RunOptions): Promise<number> {
  if (!BACKEND_NAMES.includes(options.backend as BackendName)) return usage(`--backend must be one of ${BACKEND_NAMES.join(', ')} (got '${options.backend}')`);
  if (options.precision !== undefined && !['f64', 'f32'].includes(options.precision))
    return usage(`--precision must be f64 or f32 (got '${options.precision}')`);
  if (!['png', 'svg'].includes(options.figFormat)) return usage(`--fig-format must be png or svg (got '${options.figFormat}')`);
  const duration = options.duration === undefined ? undefined : Number(options.duration);
  if (duration !== undefined && !(duration > 0)) return usage(`--duration must be a positive number of ms (got '${options.duration}')`);
  const threads = options.threads === undefined ? machineThreads() : Number(options.threads);
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= MAX_THREADS))
    return usage(`--threads must be a whole number from 1 to ${MAX_THREADS} (got '${options.threads}')`);
  const maxMemoryBytes = maxMemoryOption(options.maxMemory);
  if (typeof maxMemoryBytes === 'string') return usage(maxMemoryBytes);
  const mechanisms = loadModOptions(options.mod, options.quiet);
  if (typeof mechanisms === 'string') {
    console.error(`error: ${mechanisms}`);
    return 1;
  }
  try {
    const raw = readModelFile(path);
    if (Array.isArray(raw)) {
      printDiagnostics(raw);
      return 1;
    }
    if (options.cfg !== undefined) {
      const cfg = readModelFile(options.cfg);
      if (Array.isArray(cfg)) {
        printDiagnostics(cfg);
        return 1;
      }
      raw.simConfig = isPlainObject(cfg.simConfig) ? cfg.simConfig : cfg;
    }
    const net = savedNetwork(raw, path, duration, options, maxMemoryBytes) ?? specNetwork(raw, path, duration, options, maxMemoryBytes, mechanisms);
    if (typeof net === 'number') return net;
    const simConfig = net.data.simConfig;
    if (!options.quiet) {
      for (const w of net.warnings) console.warn(`warning: ${w}`);
      console.log(
        `network: ${net.cellCount} cells, ${net.connCount} synapses in ${Object.keys(net.pops).length} populations (built in ${net.data.timings.total.toFixed(2)} s)`,
      );
    }
    const bar =
      options.quiet || !process.stderr.isTTY
        ? null
        : new SingleBar({ format: 'simulating [{bar}] {percentage}% | {value}/{total} ms | eta {eta}s', stream: process.stderr, hideCursor: true });
    bar?.start(simConfig.duration, 0);
    const wantsGpu = options.backend !== 'cpu' && options.precision !== 'f64';
    const device = wantsGpu ? await acquireNodeDevice() : null;
    if (options.backend === 'webgpu' && !device) {
      console.error(
        'error: --backend webgpu: no WebGPU adapter found (install a GPU driver, or Mesa: libvulkan1 mesa-vulkan-drivers libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri)',
      );
      return 1;
    }
    const result = await simulate(net, {
      backend: options.backend as BackendName,
      precision: options.precision as 'f64' | 'f32' | undefined,
      onProgress: (_, t) => bar?.update(Math.round(t)),
      maxMemoryBytes,
      threads,
      spawnThread: nodeThreads,
      ...(device ? { device } : {}),
    });
    device?.device.destroy();
    bar?.stop();
    if (!options.quiet) {
      if (result.backendReason) console.log(`${result.backend === 'cpu' ? 'CPU backend' : 'WebGPU'}: ${result.backendReason}`);
      if (result.threads?.reason && options.threads !== undefined)
        console.log(`CPU backend on ${result.threads.used === 1 ? 'one thread' : `${result.threads.used} threads`}: ${result.threads.reason}`);
      const threadsUsed = result.threads && result.threads.used > 1 ? `, ${result.threads.used} threads` : '';
      console.log(
        `backend ${result.backend} (${result.precision}${threadsUsed}${result.adapter ? `, ${result.adapter}` : ''}): compile ${result.timings.compile.toFixed(2)} s, run ${result.timings.run.toFixed(2)} s for ${simConfig.duration} ms${result.gpuPath ? `, ${result.gpuPath}` : ''}`,
      );
      for (const w of result.warnings) console.warn(`warning: ${w}`);
    }
    const outDir = new OutputDir(options.outDir, { allowOutside: options.allowOutsidePaths });
    const out = savedDataFile(simConfig, outDir, options.out);
    const figDir = options.figDir ? new OutputDir(options.figDir, { allowOutside: options.allowOutsidePaths }) : outDir;
    const failures = await writingInterruptibly(() =>
      writeOutputs(net, result.simData, { ...options, out, outDir, figDir }, (rates) => printRates(rates, result.simData.avgRate, net)),
    );
    for (const f of failures) console.error(`error: ${f}`);
    if (failures.length > 0 && out && !failures[0].startsWith('could not write the saved data'))
      console.error(`(the simulation's results are in ${out.dir.resolve(out.path, out.what)})`);
    return failures.length > 0 ? 1 : 0;
  } catch (e) {
    if (
      e instanceof NetworkBuildError ||
      e instanceof CompileError ||
      e instanceof UnsupportedOnBackend ||
      e instanceof LoadError ||
      e instanceof SpecError ||
      e instanceof FileError
    ) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** Threads beyond this are surely a typing error (each one holds a copy of the mechanisms' kernels). */
const MAX_THREADS = 1024;

/** The saved-data file: --out (where the user said), else NetPyNE's saveJson path under the output folder. */
function savedDataFile(cfg: SimConfigData, outDir: OutputDir, given: string | undefined): OutputFile | null {
  if (given !== undefined) return { dir: new OutputDir('.', { allowOutside: true }), path: given, what: '--out' };
  const path = saveJsonPath(cfg);
  return path === null ? null : { dir: outDir, path, what: 'simConfig.saveFolder/filename' };
}

/** A NetPyNE saved-data file with net.cells: its network as saved (NetPyNE's loadSimulate); null for any other file. */
function savedNetwork(raw: Record<string, unknown>, path: string, duration: number | undefined, options: RunOptions, maxMemoryBytes: number): Network | null {
  const net = raw?.net as Record<string, unknown> | undefined;
  if (!raw || !net || !Array.isArray(net.cells)) return null;
  if (!options.quiet) console.log(`loading the network saved in ${path} (net.cells: ${net.cells.length} cells), as NetPyNE's loadSimulate`);
  const loaded = loadNetwork(raw, { simConfig: duration === undefined ? {} : { duration, tstop: duration }, maxMemoryBytes }, path);
  const diagnostics = checkAnalysis(loaded.data.netParams, loaded.data.simConfig);
  if (!options.allowOutsidePaths) checkOutputPaths(loaded.data.simConfig, diagnostics);
  diagnostics.throwIfErrors();
  return loaded;
}

/** The network of a spec file; an exit code when the spec has errors. */
function specNetwork(
  raw: Record<string, unknown>,
  path: string,
  duration: number | undefined,
  options: RunOptions,
  maxMemoryBytes: number,
  mechanisms: MechanismRegistry,
): Network | number {
  const spec = readSpecFile(path, raw);
  if (Array.isArray(spec)) {
    printDiagnostics(spec);
    return 1;
  }
  if (duration !== undefined) {
    spec.simConfig.duration = duration;
    spec.simConfig.tstop = duration;
  }
  const { netParams, simConfig, diagnostics } = validateModel(spec, mechanisms, 'all', { maxMemoryBytes });
  checkAnalysis(netParams, simConfig, diagnostics);
  if (!options.allowOutsidePaths) checkOutputPaths(simConfig, diagnostics);
  printDiagnostics(diagnostics.list, options.quiet, DIAGNOSTIC_LINES, path);
  if (diagnostics.errors.length > 0) return 1;
  return buildNetwork(netParams, simConfig, mechanisms, { maxMemoryBytes });
}

/** At most this many problems are printed before a run; `spikegpu validate` prints them all. */
const DIAGNOSTIC_LINES = 8;

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
