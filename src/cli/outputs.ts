import { type AnalysisResult, analyze } from '../analysis/analyze.ts';
import { writeFigure } from '../io/figure-files.ts';
import type { OutputDir } from '../io/files.ts';
import { writeSavedData } from '../io/saved-files.ts';
import type { Network } from '../network/index.ts';
import { datFiles } from '../sim/dat-files.ts';
import type { SimData } from '../sim/sim-data.ts';

// What `spikegpu run` writes after a simulation, in order of value: the saved data first, then
// saveDat's trace files, the figures and their saveData files. Each write is on its own: one
// that fails is reported and the others still happen, so no failure loses the results. Files
// the model names go under the output folder; --out and --fig-dir are where the user said.

/** A file to write: its path under `dir`, and what named it (for errors). */
export interface OutputFile {
  dir: OutputDir;
  path: string;
  what: string;
}

export interface OutputOptions {
  /** Saved-data file (--out or NetPyNE's saveJson path), or null. */
  out: OutputFile | null;
  /** The folder of the model's other files (saveDat files, figures unless figDir). */
  outDir: OutputDir;
  /** The folder of the figures (--fig-dir), else outDir. */
  figDir: OutputDir;
  binary?: boolean;
  figures: boolean;
  figFormat: string;
  quiet?: boolean;
}

/** Writes every output, then prints the population rates; returns the failures, one line each. */
export async function writeOutputs(
  net: Network,
  simData: SimData,
  options: OutputOptions,
  printRates: (rates: Record<string, number>) => void,
): Promise<string[]> {
  const failures: string[] = [];
  const fail = (what: string, e: unknown) => failures.push(`could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
  const attempt = async (what: string, write: () => Promise<string[]>) => {
    try {
      for (const file of await write()) if (!options.quiet) console.log(`wrote ${file}`);
    } catch (e) {
      fail(what, e);
    }
  };
  const out = options.out;
  if (out) await attempt('write the saved data', () => writeSavedData(out.dir, out.path, net, simData, { binary: options.binary, what: out.what }));
  if (net.data.simConfig.saveDat) {
    for (const dat of datFiles(simData, net.data.simConfig))
      await attempt(`write ${dat.name}`, async () => [await options.outDir.write(dat.name, 'simConfig.saveDat', dat.text)]);
  }
  let analysis: AnalysisResult;
  try {
    analysis = analyze(net, { simData });
  } catch (e) {
    fail('analyze the run', e);
    return failures;
  }
  if (!options.quiet) printRates(analysis.popRates);
  const { failed, figures } = analysis;
  for (const f of failed) failures.push(`simConfig.analysis.${f.kind}: ${f.message}`);
  if (!options.figures) return failures;
  for (const fig of figures) {
    const file = fig.file.replace(/\.[a-z]+$/i, `.${options.figFormat}`);
    await attempt(`draw the ${fig.kind} figure`, async () => [`${await writeFigure(fig, options.figDir, file)} (${fig.kind})`]);
    const dataFile = fig.dataFile;
    if (dataFile)
      await attempt(`write the ${fig.kind} data`, async () => [
        await options.figDir.write(dataFile, `simConfig.analysis.${fig.kind}.saveData`, JSON.stringify(fig.data)),
      ]);
  }
  return failures;
}
