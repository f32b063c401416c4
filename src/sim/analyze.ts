import type { Network } from '../network/index.ts';
import { savedDataChunks } from './saved-data.ts';
import { popRates } from './sim-data.ts';
import type { SimulationResult } from './simulate.ts';

// NetPyNE's sim.analyze(): the data NetPyNE saves (saveData, here as text chunks for the caller
// to write: the core writes no files) and the population rates it prints. The figures of
// simConfig.analysis (plotRaster, plotTraces, ...) are not drawn by this version: each entry
// is reported in `skipped` and through onWarning.

export interface AnalyzeOptions {
  onWarning?: (message: string) => void;
}

export interface AnalysisResult {
  /** [Hz] per population, over simConfig.printPopAvgRates' window if given, else the run. */
  popRates: Record<string, number>;
  /** NetPyNE's saved-data JSON (simConfig.saveDataInclude), chunk by chunk. */
  savedData(): Generator<string>;
  /** Where NetPyNE would write it when simConfig.saveJson is on: `<saveFolder>/<filename>_data.json`. */
  saveJsonPath: string | null;
  /** simConfig.analysis entries that were not drawn. */
  skipped: string[];
}

export function analyze(net: Network, result: SimulationResult, options: AnalyzeOptions = {}): AnalysisResult {
  const cfg = net.data.simConfig;
  const skipped = Object.entries(cfg.analysis).filter(([, v]) => v !== false).map(([k]) => k);
  for (const k of skipped) options.onWarning?.(`simConfig.analysis.${k}: figures are not drawn by this version of spikegpu (the data is saved)`);
  const window = Array.isArray(cfg.printPopAvgRates) ? cfg.printPopAvgRates : true;
  const base = cfg.saveFolder ? `${cfg.saveFolder.replace(/\/+$/, '')}/` : '';
  return {
    popRates: popRates(net, result.simData, window, cfg.duration),
    savedData: () => savedDataChunks(net, result.simData),
    saveJsonPath: cfg.saveJson ? `${base}${cfg.filename}_data.json` : null,
    skipped,
  };
}
