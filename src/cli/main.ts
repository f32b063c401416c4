#!/usr/bin/env node
// spikegpu command line (Node entry point).
import { Command } from 'commander';
import { BACKEND_NAMES } from '../sim/simulate.ts';
import { runBatchCommand } from './batch.ts';
import { runCreate } from './create.ts';
import { runInfo } from './info.ts';
import { runNmodl } from './nmodl.ts';
import { runRun } from './run.ts';
import { runValidate } from './validate.ts';

const program = new Command();
program
  .name('spikegpu')
  .description('NetPyNE-style neuronal network models, NEURON-exact, on WebGPU')
  .version('0.1.0')
  .option('--debug', 'show the stack trace of an unexpected error');

program
  .command('create')
  .description("instantiate the network of a NetPyNE spec ({netParams, simConfig} JSON) and write it in NetPyNE's saved-data layout")
  .argument('<spec>', 'spec JSON file')
  .requiredOption('-o, --out <file>', 'output JSON file ({net: {cells, pops, params}, simConfig})')
  .option('-q, --quiet', 'print only errors')
  .option('--max-memory <size>', "refuse a model estimated to need more memory (e.g. 8G, 512M; default: this machine's memory)")
  .option('--mod <path>', "a model's own mod file, or a folder of them (NEURON's nrnivmodl folder); repeatable", collect, [])
  .action(async (spec: string, options: { out: string; quiet?: boolean; maxMemory?: string; mod: string[] }) => {
    process.exitCode = await runCreate(spec, options);
  });

program
  .command('run')
  .description(
    "create and simulate a NetPyNE spec (on the faster backend for it here: --backend auto); print population rates, write NetPyNE's saved data and the figures of simConfig.analysis",
  )
  .argument('<spec>', "spec JSON file ({netParams, simConfig}), or a NetPyNE saved-data file with net.cells (simulated as saved, like NetPyNE's loadSimulate)")
  .option('-o, --out <file>', "saved-data JSON file (default: NetPyNE's <saveFolder>/<filename>_data.json when simConfig.saveJson is set, else none)")
  .option('--out-dir <dir>', "the folder every file the model names is written under (NetPyNE's saveFolder, saveFig, saveData, saveDat files)", '.')
  .option('--allow-outside-paths', 'let the model write outside --out-dir (absolute paths, ..)')
  .option('--no-figures', 'do not draw the figures of simConfig.analysis')
  .option('--fig-dir <dir>', "folder for the figures (default: the current folder, NetPyNE's <filename>_raster.png etc.)")
  .option('--fig-format <format>', 'png or svg', 'png')
  .option('--binary', "write simData's arrays (spikes, traces) to <out>.bin, with --out as the JSON sidecar")
  .option('--backend <backend>', BACKEND_NAMES.join(', '), 'auto')
  .option('--precision <precision>', 'f64 (CPU reference) or f32 (as on the GPU); default: f32 on WebGPU, f64 on the CPU')
  .option('--duration <ms>', 'simulated time [ms], overriding simConfig.duration')
  .option('--threads <n>', "CPU backend: worker threads to split the cells over (default: this machine's cores; results are one thread's bit for bit)")
  .option('-q, --quiet', 'print only errors')
  .option('--max-memory <size>', "refuse a model estimated to need more memory (e.g. 8G, 512M; default: this machine's memory)")
  .option('--mod <path>', "a model's own mod file, or a folder of them (NEURON's nrnivmodl folder); repeatable", collect, [])
  .option('--cfg <file>', "a JSON file whose simConfig replaces the spec's (NetPyNE's cfg beside its netParams)")
  .action(async (spec: string, options) => {
    process.exitCode = await runRun(spec, options);
  });

program
  .command('batch')
  .description("run every job of a NetPyNE batch (grid or list over cfg attributes), NetPyNE's files in <out-dir>/<saveFolder>")
  .argument('<batch>', 'batch JSON file ({batchLabel, saveFolder, method, params, netParamsFile, cfgFile, initCfg, runCfg, skip})')
  .option('--out-dir <dir>', 'the folder saveFolder is under', '.')
  .option('--allow-outside-paths', 'let saveFolder lie outside --out-dir (absolute paths, ..)')
  .option('--backend <backend>', `each job's backend: ${BACKEND_NAMES.join(', ')}`, 'cpu')
  .option('--jobs <n>', "jobs at once (default: runCfg.jobs, else this machine's cores)")
  .option('-q, --quiet', 'print only errors')
  .option('--mod <path>', "a model's own mod file, or a folder of them, for every job; repeatable", collect, [])
  .action(async (file: string, options) => {
    process.exitCode = await runBatchCommand(file, options);
  });

program
  .command('validate')
  .description('check a spec and print every problem with its path; exits non-zero on errors')
  .argument('<spec>', 'spec JSON file')
  .option('--scope <scope>', "'all' (default) or 'network' (only what network creation uses)", 'all')
  .option('--allow-outside-paths', 'accept output paths outside the output folder (as run --allow-outside-paths)')
  .option('--max-memory <size>', "refuse a model estimated to need more memory (e.g. 8G, 512M; default: this machine's memory)")
  .option('--mod <path>', "a model's own mod file, or a folder of them (NEURON's nrnivmodl folder); repeatable", collect, [])
  .action((spec: string, options: { scope: string; allowOutsidePaths?: boolean; maxMemory?: string; mod: string[] }) => {
    process.exitCode = runValidate(spec, options);
  });

program
  .command('nmodl')
  .description('compile NMODL mod files for every target; per file: ok, or the first unsupported construct with file:line:column')
  .argument('<files...>', 'mod files')
  .option('--json', 'print an array of {file, ok, mechanism, error}')
  .action((files: string[], options: { json?: boolean }) => {
    process.exitCode = runNmodl(files, options);
  });

program
  .command('info')
  .description('list the backends and WebGPU adapters spikegpu can use here')
  .action(async () => {
    process.exitCode = await runInfo();
  });

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

// An error no command reports itself is one line, never a stack trace (unless --debug).
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (program.opts().debug) console.error(e);
  else console.error(`error: ${e instanceof Error ? e.message : String(e)} (spikegpu --debug ... shows where)`);
  process.exitCode = 1;
}
