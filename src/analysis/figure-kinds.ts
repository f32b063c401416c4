import type { Network } from '../network/index.ts';
import type { SimData } from '../sim/sim-data.ts';
import type { SimConfigData } from '../spec/index.ts';
import { nameTable } from '../spec/name-table.ts';
import type { Figure } from './figure.ts';
import { connOptions, plotConn } from './figures/conn.ts';
import { net2dOptions, plot2Dnet } from './figures/net2d.ts';
import { plotRaster, rasterOptions } from './figures/raster.ts';
import { plotRatePSD, ratePsdOptions } from './figures/rate-psd.ts';
import { plotSpikeHist, spikeHistOptions } from './figures/spike-hist.ts';
import { plotSpikeStats, spikeStatsOptions } from './figures/spike-stats.ts';
import { plotTraces, tracesOptions } from './figures/traces.ts';

// The analysis functions spikegpu draws, by NetPyNE name: how to read their options without
// the network (checked before anything is built), which options are includes, and the figure.

export type FigureFunction = (input: { net: Network; simData: SimData }, options: unknown) => Figure | Figure[];

export interface FigureKind {
  options(given: unknown, path: string, cfg: SimConfigData): unknown;
  /** Options naming cells (NetPyNE include forms). */
  includes: readonly string[];
  plot: FigureFunction;
}

export const FIGURE_KINDS: Readonly<Record<string, FigureKind>> = nameTable({
  plotRaster: { options: rasterOptions, includes: ['include'], plot: plotRaster },
  plotSpikeHist: { options: spikeHistOptions, includes: ['include'], plot: plotSpikeHist },
  plotRatePSD: { options: ratePsdOptions, includes: ['include'], plot: plotRatePSD },
  plotTraces: { options: tracesOptions, includes: ['include'], plot: plotTraces },
  plotConn: { options: (given, path) => connOptions(given, path), includes: ['includePre', 'includePost'], plot: plotConn },
  plot2Dnet: { options: (given, path) => net2dOptions(given, path), includes: ['include'], plot: plot2Dnet },
  plotSpikeStats: { options: spikeStatsOptions, includes: ['include'], plot: plotSpikeStats },
});
