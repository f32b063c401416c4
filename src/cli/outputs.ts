import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type AnalysisResult, analyze } from '../analysis/analyze.ts';
import { writeFigure } from '../io/figure-files.ts';
import { writeSavedData } from '../io/saved-files.ts';
import type { Network } from '../network/index.ts';
import { datFiles } from '../sim/dat-files.ts';
import type { SimData } from '../sim/sim-data.ts';

// What `spikegpu run` writes after a simulation, in order of value: the saved data first, then
// saveDat's trace files, the figures and their saveData files. Each write is on its own: one
// that fails is reported and the others still happen, so no failure loses the results.

export interface OutputOptions {
  /** Saved-data file (--out or NetPyNE's saveJson path), or null. */
  out: string | null;
  binary?: boolean;
  figures: boolean;
  figDir?: string;
  figFormat: string;
  quiet?: boolean;
}

/** Writes every output, then prints the population rates; returns the failures, one line each. */
export function writeOutputs(net: Network, simData: SimData, options: OutputOptions, printRates: (rates: Record<string, number>) => void): string[] {
  const failures: string[] = [];
  const fail = (what: string, e: unknown) => failures.push(`could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
  const attempt = (what: string, write: () => string[]) => {
    try {
      for (const file of write()) if (!options.quiet) console.log(`wrote ${file}`);
    } catch (e) {
      fail(what, e);
    }
  };
  if (options.out) attempt(`write the saved data (${options.out})`, () => writeSavedData(options.out!, net, simData, { binary: options.binary }));
  if (net.data.simConfig.saveDat) {
    for (const dat of datFiles(simData, net.data.simConfig)) attempt(`write ${dat.name}`, () => [writeText(dat.name, dat.text)]);
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
    attempt(`draw the ${fig.kind} figure`, () => [`${writeFigure(fig, options.figDir ? join(options.figDir, file) : file)} (${fig.kind})`]);
    if (fig.dataFile)
      attempt(`write the ${fig.kind} data`, () => [writeText(options.figDir ? join(options.figDir, fig.dataFile!) : fig.dataFile!, JSON.stringify(fig.data))]);
  }
  return failures;
}

function writeText(path: string, text: string): string {
  if (dirname(path)) mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}
