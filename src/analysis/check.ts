import type { Network } from '../network/index.ts';
import { collectionsAreObjects, Diagnostics, didYouMean, joinPath, type NetParamsData, type PopParams, type SimConfigData } from '../spec/index.ts';
import { OptionError } from './figure.ts';
import { FIGURE_KINDS } from './figure-kinds.ts';
import { rasterOptions, rasterRows } from './figures/raster.ts';
import { checkInclude, type IncludeNames } from './include.ts';

/**
 * Checks every simConfig.analysis entry before the network is built: each option of the
 * figures spikegpu draws (names, values, include labels), and a warning for each NetPyNE
 * analysis function it does not draw. Returns the diagnostics (errors stop a run up front).
 */
export function checkAnalysis(net: NetParamsData, cfg: SimConfigData, diagnostics = new Diagnostics()): Diagnostics {
  if (!collectionsAreObjects(net)) return diagnostics; // reported by validation; includes name labels of them
  const names = includeNames(net);
  for (const [name, given] of Object.entries(cfg.analysis ?? {})) {
    if (given === false) continue;
    const path = joinPath('simConfig.analysis', name);
    const kind = FIGURE_KINDS[name];
    if (!kind) {
      diagnostics.warning(path, given, `not drawn: spikegpu draws ${Object.keys(FIGURE_KINDS).join(', ')}`);
      continue;
    }
    try {
      const { ignored } = kind.options(given, path, cfg) as { ignored: string[] };
      for (const key of ignored)
        diagnostics.warning(
          joinPath(path, key),
          (given as Record<string, unknown>)[key],
          `ignored: not an option of ${name} (NetPyNE passes it on to matplotlib)${didYouMean(key, Object.keys(kind.options(true, path, cfg) as object))}`,
        );
      if (given && typeof given === 'object') {
        for (const option of kind.includes) {
          const value = (given as Record<string, unknown>)[option];
          if (value !== undefined && value !== null) checkInclude(value, joinPath(path, option), names, diagnostics);
        }
      }
    } catch (e) {
      if (!(e instanceof OptionError)) throw e;
      diagnostics.error(e.path, e.value, e.detail);
    }
  }
  return diagnostics;
}

/**
 * What the figures of simConfig.analysis refuse only once the network exists (after
 * checkAnalysis passed): a plotRaster orderBy tag that is not a number on every included cell.
 */
export function checkAnalysisOnNetwork(net: Network, diagnostics: Diagnostics): Diagnostics {
  const given = net.data.simConfig.analysis?.plotRaster;
  if (given === undefined || given === false) return diagnostics;
  const path = 'simConfig.analysis.plotRaster';
  try {
    rasterRows(net, rasterOptions(given, path, net.data.simConfig), path);
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    diagnostics.error(e.path, e.value, e.detail);
  }
  return diagnostics;
}

/** Population labels with their sizes where the spec gives them, and the stim source labels. */
function includeNames(net: NetParamsData): IncludeNames {
  const pops = new Map<string, number | undefined>();
  for (const [label, pop] of Object.entries(net.popParams ?? {}) as Array<[string, PopParams]>) {
    const size = Array.isArray(pop.cellsList)
      ? pop.cellsList.length
      : pop.density === undefined && pop.gridSpacing === undefined
        ? Math.trunc((pop.numCells ?? 1) * (net.scale ?? 1))
        : undefined;
    pops.set(label, size);
  }
  const sizes = [...pops.values()];
  // gids are 0 .. n-1 unless a size is unknown or netParams.scale spaces them out
  const known = sizes.every((s) => s !== undefined) && (net.scale ?? 1) === 1;
  return { pops, stims: Object.keys(net.stimSourceParams ?? {}), cellCount: known ? sizes.reduce<number>((a, b) => a + (b ?? 0), 0) : undefined };
}
