import { popColor } from '../colors.ts';
import type { FigureInput } from '../figure.ts';
import { expandEachPop, resolveInclude } from '../include.ts';
import { spikesOf, stimTrains } from '../spikes.ts';

// The include entries of NetPyNE's per-group figures (plotSpikeHist, plotRatePSD,
// plotSpikeStats): each entry ('allCells', a population, a gid list, ...) is one group of
// cells with its spikes in [t0, t1], labelled and coloured as NetPyNE does ('allCells' black,
// populations in their colorList colour, others by position).

export interface CellGroup {
  label: string;
  color: string;
  /** Cells and NetStim trains in the group. */
  size: number;
  gids: number[];
  times: number[];
  spikeGids: number[];
}

export function includeGroups(input: FigureInput, include: unknown, popColors: unknown, t0: number, t1: number, path: string): CellGroup[] {
  const { net } = input;
  const entries = expandEachPop(net, Array.isArray(include) ? include : [include]);
  const pops = Object.keys(net.pops);
  return entries.map((entry, i) => {
    const sel = resolveInclude(net, [entry], `${path}.include[${i}]`);
    const spikes = spikesOf(input.simData, new Set(sel.cells), t0, t1);
    const stims = stimTrains(input.simData, sel.stims);
    for (const s of stims)
      for (const t of s.times)
        if (t >= t0 && t <= t1) {
          spikes.times.push(t);
          spikes.gids.push(-1);
        }
    const label = typeof entry === 'string' ? entry : JSON.stringify(entry);
    const all = (entry === 'allCells' || entry === 'all') && !(popColors && typeof popColors === 'object' && label in popColors);
    const color = all ? 'black' : popColor(popColors, label, pops.includes(label) ? pops.indexOf(label) : i, path);
    return { label, color, size: sel.cells.length + stims.length, gids: sel.cells, times: spikes.times, spikeGids: spikes.gids };
  });
}
