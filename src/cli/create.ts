import { FileError, OutputDir } from '../io/files.ts';
import { buildNetwork, type Network, NetworkBuildError, netpyneJsonChunks, validateModel } from '../network/index.ts';
import { writingInterruptibly } from './interrupt.ts';
import { printDiagnostics, readSpecFile } from './io.ts';
import { maxMemoryOption } from './memory.ts';
import { loadModOptions } from './mods.ts';

export async function runCreate(path: string, options: { out: string; quiet?: boolean; maxMemory?: string; mod?: string[] }): Promise<number> {
  const maxMemoryBytes = maxMemoryOption(options.maxMemory);
  if (typeof maxMemoryBytes === 'string') {
    console.error(`error: ${maxMemoryBytes}`);
    return 2;
  }
  const mechanisms = loadModOptions(options.mod, options.quiet);
  if (typeof mechanisms === 'string') {
    console.error(`error: ${mechanisms}`);
    return 1;
  }
  const spec = readSpecFile(path);
  if (Array.isArray(spec)) {
    printDiagnostics(spec);
    return 1;
  }
  const { netParams, simConfig, diagnostics } = validateModel(spec, mechanisms, 'network', { maxMemoryBytes });
  printDiagnostics(diagnostics.list, options.quiet);
  if (diagnostics.errors.length > 0) return 1;
  let network: Network;
  try {
    network = buildNetwork(netParams, simConfig, mechanisms, { maxMemoryBytes });
  } catch (e) {
    if (e instanceof NetworkBuildError) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
  if (!options.quiet) for (const w of network.warnings) console.warn(`warning: ${w}`);
  const t0 = performance.now();
  let written: string;
  try {
    written = await writingInterruptibly(() => new OutputDir('.', { allowOutside: true }).write(options.out, '--out', netpyneJsonChunks(network)));
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    console.error(`error: ${e.message}`);
    return 1;
  }
  if (!options.quiet) {
    const t = network.data.timings;
    console.log(
      `${network.cellCount} cells, ${network.connCount} synapses, ${network.data.stims.count} stims; ` +
        `built in ${t.total.toFixed(2)} s (cells ${t.cells.toFixed(2)} s, conns ${t.conns.toFixed(2)} s, stims ${t.stims.toFixed(2)} s), ` +
        `written in ${((performance.now() - t0) / 1e3).toFixed(2)} s to ${written}`,
    );
  }
  return 0;
}
