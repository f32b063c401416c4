// Runs one of the NetPyNE tutorial ports in this folder and writes its figures:
//
//   npx tsx examples/tutorials/run.ts <name> [--duration ms] [--out dir] [--backend auto|cpu|webgpu]
//
// <name> is a folder here (tut1 ... tut7, artificial) whose model.ts exports netParams and
// simConfig, and optionally rerun(net, options) for steps after the first run (tutorial 7).

import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type AnalysisResult, type BackendName, createSimulateAnalyze, type Network, type SimulateOptions, type SimulationResult } from '../../src/index.ts';
import { acquireNodeDevice, OutputDir, writeFigure } from '../../src/node.ts';

export const EXAMPLES = ['tut1', 'tut2', 'tut3', 'tut4', 'tut5', 'tut6', 'tut7', 'artificial'];

const here = dirname(fileURLToPath(import.meta.url));

/** A further run of the same network (tutorial 7: modify it, then simulate again). */
export interface Rerun {
  /** Inserted into the file names, e.g. 'weight0.5' gives tut7_weight0.5_raster.png. */
  label: string;
  result: SimulationResult;
  analysis: AnalysisResult;
}

export interface TutorialModel {
  netParams: Record<string, unknown>;
  simConfig: Record<string, unknown>;
  rerun?: (net: Network, options: SimulateOptions) => Promise<Rerun[]>;
}

export interface RunOptions {
  /** [ms] overrides simConfig.duration. */
  duration?: number;
  /** Folder for the files (default examples/tutorials/<name>/out). */
  out?: string;
  backend?: BackendName;
  /** Progress lines and warnings (default: none). */
  log?: (line: string) => void;
}

export interface RunSummary {
  /** '' for the first run, else the rerun's label. */
  label: string;
  backend: string;
  spikes: number;
  /** [Hz] per population. */
  rates: Record<string, number>;
}

export interface ExampleResult {
  /** The first run's population rates [Hz] and spike count. */
  rates: Record<string, number>;
  spikes: number;
  /** Every run, the first included. */
  runs: RunSummary[];
  /** Files written: figures (.png), then NetPyNE's saved data where simConfig.saveJson asks. */
  files: string[];
}

/** `tut7_raster.png` with label 'L160' -> `tut7_L160_raster.png`. */
function labelled(file: string, filename: string, label: string): string {
  if (!label) return file;
  return file.startsWith(filename) ? `${filename}_${label}${file.slice(filename.length)}` : `${label}_${file}`;
}

export async function runExample(name: string, options: RunOptions = {}): Promise<ExampleResult> {
  if (!EXAMPLES.includes(name)) throw new Error(`unknown example '${name}' (examples: ${EXAMPLES.join(', ')})`);
  const log = options.log ?? (() => {});
  const model = (await import(`./${name}/model.ts`)) as TutorialModel;
  const simConfig: Record<string, unknown> = { ...model.simConfig, ...(options.duration !== undefined && { duration: options.duration }) };
  const out = options.out ?? join(here, name, 'out');
  const backend = options.backend ?? 'auto';
  const device = backend === 'cpu' ? null : await acquireNodeDevice();
  const simOptions: SimulateOptions = { backend, ...(device && { device }) };
  try {
    const first = await createSimulateAnalyze({ netParams: model.netParams, simConfig }, { ...simOptions, onWarning: (m) => log(`warning: ${m}`) });
    const runs: Rerun[] = [{ label: '', result: first, analysis: first.analysis }];
    if (model.rerun) runs.push(...(await model.rerun(first.net, simOptions)));

    const filename = String(simConfig.filename);
    const files: string[] = [];
    const outDir = new OutputDir(out);
    for (const { label, analysis } of runs) {
      for (const fig of analysis.figures) files.push(await writeFigure(fig, outDir, labelled(basename(fig.file), filename, label)));
    }
    for (const { label, analysis } of runs) {
      if (!analysis.saveJsonPath) continue;
      files.push(await outDir.write(labelled(basename(analysis.saveJsonPath), filename, label), 'saved data', analysis.savedData()));
    }
    const summaries = runs.map(({ label, result, analysis }) => ({
      label,
      backend: result.adapter ? `${result.backend} (${result.adapter})` : result.backend,
      spikes: result.simData.spkt.length,
      rates: analysis.popRates,
    }));
    return { rates: summaries[0].rates, spikes: summaries[0].spikes, runs: summaries, files };
  } finally {
    device?.device.destroy();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { duration: { type: 'string' }, out: { type: 'string' }, backend: { type: 'string', default: 'auto' } },
  });
  const name = positionals[0];
  const usage = 'usage: npx tsx examples/tutorials/run.ts <name> [--duration ms] [--out dir] [--backend auto|cpu|webgpu]';
  if (positionals.length !== 1 || !EXAMPLES.includes(name)) throw new Error(`${usage}\n  <name>: ${EXAMPLES.join(', ')}`);
  const duration = values.duration === undefined ? undefined : Number(values.duration);
  if (duration !== undefined && !(duration > 0)) throw new Error(`--duration must be a positive number of ms (got '${values.duration}')`);
  if (!['auto', 'cpu', 'webgpu'].includes(values.backend!)) throw new Error(`--backend must be auto, cpu or webgpu (got '${values.backend}')`);

  const t0 = performance.now();
  const result = await runExample(name, { duration, out: values.out, backend: values.backend as BackendName, log: (l) => console.error(l) });
  for (const run of result.runs) {
    console.log(`${name}${run.label ? ` after ${run.label}` : ''}: ${run.spikes} spikes on ${run.backend}`);
    for (const [pop, rate] of Object.entries(run.rates)) console.log(`  ${pop.padEnd(8)} ${rate.toFixed(2).padStart(8)} Hz`);
  }
  console.log(`wrote (${((performance.now() - t0) / 1000).toFixed(1)} s):`);
  for (const file of result.files) console.log(`  ${file}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
