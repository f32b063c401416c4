import { BUILTIN_MECHANISMS } from '../mech/index.ts';
import { type Network, validateModel } from '../network/index.ts';
import type { CreateOptions, create } from '../sim/create.ts';
import { type DatFile, datFiles } from '../sim/dat-files.ts';
import { savedDataChunks } from '../sim/saved-data.ts';
import { popRates } from '../sim/sim-data.ts';
import { createSimulate, type SimulateOptions, type SimulationResult } from '../sim/simulate.ts';
import type { SimConfigData, SpecInput } from '../spec/index.ts';
import { nameTable } from '../spec/name-table.ts';
import { checkAnalysis } from './check.ts';
import { dataFileOf, type Figure } from './figure.ts';
import { FIGURE_KINDS, type FigureFunction } from './figure-kinds.ts';

// NetPyNE's sim.analyze(): the data NetPyNE saves (saveData, as text chunks for the caller to
// write: the core writes no files), the population rates it prints, and the figures of
// simConfig.analysis in its order (drawn by the caller on a Painter: SVG, a browser canvas,
// or PNG files through spikegpu/node). An analysis function spikegpu does not draw is
// listed in `skipped` (NetPyNE prints 'Unable to run'); a figure
// that fails is reported in `failed` and the others are still made (the results stay).
// Options are checked before anything is built (check.ts) by createSimulateAnalyze and the CLI.

export interface AnalysisResult {
  /** [Hz] per population, over simConfig.printPopAvgRates' window if given, else the run. */
  popRates: Record<string, number>;
  /** NetPyNE's saved-data JSON (simConfig.saveDataInclude), chunk by chunk. */
  savedData(): Generator<string>;
  /** simConfig.saveDat's trace files (names and text), empty when it is off. */
  datFiles(): DatFile[];
  /** Where NetPyNE would write it when simConfig.saveJson is on: `<saveFolder>/<filename>_data.json`. */
  saveJsonPath: string | null;
  /** The figures of simConfig.analysis, in its order. */
  figures: Figure[];
  /** simConfig.analysis entries that were not drawn (not supported by spikegpu). */
  skipped: string[];
  /** Figures that could not be made, with the reason (one line each). */
  failed: Array<{ kind: string; message: string }>;
}

/** The analysis functions spikegpu draws, by NetPyNE name. */
export const FIGURES: Readonly<Record<string, FigureFunction>> = nameTable(
  Object.fromEntries(Object.entries(FIGURE_KINDS).map(([name, kind]) => [name, kind.plot])),
);

export function analyze(net: Network, result: Pick<SimulationResult, 'simData'>): AnalysisResult {
  const cfg = net.data.simConfig;
  const figures: Figure[] = [];
  const skipped: string[] = [];
  const failed: AnalysisResult['failed'] = [];
  for (const [name, value] of Object.entries(cfg.analysis)) {
    if (value === false) continue;
    const draw = FIGURES[name];
    if (!draw) {
      skipped.push(name); // checkAnalysis warns about these before the run
      continue;
    }
    try {
      const made = [draw({ net, simData: result.simData }, value)].flat();
      const saveData = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).saveData : undefined;
      made.forEach((fig, k) => (fig.dataFile = dataFileOf(saveData, fig.file, k)));
      figures.push(...made);
    } catch (e) {
      failed.push({ kind: name, message: e instanceof Error ? e.message : String(e) });
    }
  }
  const window = Array.isArray(cfg.printPopAvgRates) ? cfg.printPopAvgRates : true;
  return {
    popRates: popRates(net, result.simData, window, cfg.duration),
    savedData: () => savedDataChunks(net, result.simData),
    datFiles: () => (cfg.saveDat ? datFiles(result.simData, cfg) : []),
    saveJsonPath: saveJsonPath(cfg),
    figures,
    skipped,
    failed,
  };
}

/** Where NetPyNE writes its saved data with saveJson on: `<saveFolder>/<filename>_data.json`; else null. */
export function saveJsonPath(cfg: SimConfigData): string | null {
  const base = cfg.saveFolder ? `${cfg.saveFolder.replace(/\/+$/, '')}/` : '';
  return cfg.saveJson ? `${base}${cfg.filename}_data.json` : null;
}

/**
 * NetPyNE's sim.createSimulateAnalyze(netParams, simConfig): checks the spec and the analysis
 * options (a SpecError lists every problem), then creates, simulates and analyzes.
 */
export async function createSimulateAnalyze(
  input: Parameters<typeof create>[0],
  options: SimulateOptions & CreateOptions = {},
): Promise<SimulationResult & { net: Network; analysis: AnalysisResult }> {
  const spec = validateModel(input as SpecInput, options.mechanisms ?? BUILTIN_MECHANISMS, 'all', options);
  spec.diagnostics.throwIfErrors();
  const checked = checkAnalysis(spec.netParams, spec.simConfig);
  checked.throwIfErrors();
  for (const w of checked.warnings) options.onWarning?.(`${w.path}: ${w.message}`);
  const run = await createSimulate(spec, options);
  return { ...run, analysis: analyze(run.net, run) };
}
