import type { Network } from '../network/index.ts';
import { create, type CreateOptions } from '../sim/create.ts';
import { savedDataChunks } from '../sim/saved-data.ts';
import { popRates } from '../sim/sim-data.ts';
import { createSimulate, type SimulateOptions, type SimulationResult } from '../sim/simulate.ts';
import type { Figure } from './figure.ts';
import { plot2Dnet } from './figures/net2d.ts';
import { plotConn } from './figures/conn.ts';
import { plotRaster } from './figures/raster.ts';
import { plotRatePSD } from './figures/rate-psd.ts';
import { plotSpikeHist } from './figures/spike-hist.ts';
import { plotSpikeStats } from './figures/spike-stats.ts';
import { plotTraces } from './figures/traces.ts';

// NetPyNE's sim.analyze(): the data NetPyNE saves (saveData, as text chunks for the caller to
// write: the core writes no files), the population rates it prints, and the figures of
// simConfig.analysis in its order (drawn by the caller on a Painter: SVG, a browser canvas,
// or PNG files through spikegpu/node). An analysis function spikegpu does not draw is
// reported through onWarning and in `skipped`, as NetPyNE prints 'Unable to run'.

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
  /** The figures of simConfig.analysis, in its order. */
  figures: Figure[];
  /** simConfig.analysis entries that were not drawn (not supported by spikegpu). */
  skipped: string[];
}

type FigureFunction = (input: { net: Network; simData: SimulationResult['simData'] }, options: unknown) => Figure | Figure[];

/** The analysis functions spikegpu draws, by NetPyNE name. */
export const FIGURES: Readonly<Record<string, FigureFunction>> = { plotRaster, plotSpikeHist, plotRatePSD, plotTraces, plotConn, plot2Dnet, plotSpikeStats };

export function analyze(net: Network, result: Pick<SimulationResult, 'simData'>, options: AnalyzeOptions = {}): AnalysisResult {
  const cfg = net.data.simConfig;
  const figures: Figure[] = [];
  const skipped: string[] = [];
  for (const [name, value] of Object.entries(cfg.analysis)) {
    if (value === false) continue;
    const draw = FIGURES[name];
    if (!draw) {
      skipped.push(name);
      options.onWarning?.(`simConfig.analysis.${name}: not drawn (spikegpu draws ${Object.keys(FIGURES).join(', ')})`);
      continue;
    }
    figures.push(...[draw({ net, simData: result.simData }, value)].flat());
  }
  const window = Array.isArray(cfg.printPopAvgRates) ? cfg.printPopAvgRates : true;
  const base = cfg.saveFolder ? `${cfg.saveFolder.replace(/\/+$/, '')}/` : '';
  return {
    popRates: popRates(net, result.simData, window, cfg.duration),
    savedData: () => savedDataChunks(net, result.simData),
    saveJsonPath: cfg.saveJson ? `${base}${cfg.filename}_data.json` : null,
    figures,
    skipped,
  };
}

/** NetPyNE's sim.createSimulateAnalyze(netParams, simConfig): create, simulate, then analyze. */
export async function createSimulateAnalyze(
  input: Parameters<typeof create>[0],
  options: SimulateOptions & CreateOptions & AnalyzeOptions = {},
): Promise<SimulationResult & { net: Network; analysis: AnalysisResult }> {
  const run = await createSimulate(input, options);
  return { ...run, analysis: analyze(run.net, run, options) };
}
