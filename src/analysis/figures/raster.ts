import type { Network } from '../../network/index.ts';
import type { SimConfigData } from '../../spec/index.ts';
import { checkPopColors, popColor } from '../colors.ts';
import { Axes, drawLegend, type LegendEntry, legendWidth, plotBox } from '../draw/frame.ts';
import { type Figure, type FigureInput, figureFile, formatG, numberOption, OptionError, readOptions, timeRange } from '../figure.ts';
import { expandEachPop, resolveInclude, type Selection } from '../include.ts';
import { countByGid, spikesOf, stimTrains, syncMeasure } from '../spikes.ts';

// plotRaster (NetPyNE analysis/spikes.py prepareSpikeData + plotting/plotRaster.py): one row
// per included cell, ordered by `orderBy` (gid or a numeric tag such as 'y'; rows are ranks,
// not gids), NetStim trains (one row per cell and stim source) after the cells; spikes as
// vertical ticks coloured by population; with popRates the title gives cells, synapses per
// cell and the mean rate, and the legend each population's. syncLines (NetPyNE's legacy
// raster) adds a red line per spike and the sync measure to the title.

const DEFAULTS = {
  include: ['allCells'] as unknown,
  timeRange: null as unknown,
  maxSpikes: 1e8 as unknown,
  orderBy: 'gid' as unknown,
  orderInverse: false as unknown,
  popRates: true as unknown,
  syncLines: false as unknown,
  markerSize: 5 as unknown,
  popColors: null as unknown,
  legend: true as unknown,
  labels: 'legend' as unknown,
  title: null as unknown,
};

/** plotRaster's options, checked without the network. */
export function rasterOptions(given: unknown, path: string, cfg: SimConfigData) {
  const o = readOptions(path, given, DEFAULTS, ['spikeHist', 'colorbyPhase']);
  checkPopColors(o.popColors, path);
  if (o.orderBy !== 'gid' && o.orderBy !== null && typeof o.orderBy !== 'string')
    throw new OptionError(`${path}.orderBy`, o.orderBy, `${JSON.stringify(o.orderBy)} is not 'gid' or a cell tag`);
  return {
    ...o,
    range: timeRange(path, cfg, o.timeRange),
    maxSpikes: numberOption(`${path}.maxSpikes`, o.maxSpikes, (x) => x >= 0, 'a spike count'),
    markerSize: numberOption(`${path}.markerSize`, o.markerSize, (x) => x > 0, 'a marker size'),
  };
}

export function plotRaster(input: FigureInput, given: unknown, path = 'simConfig.analysis.plotRaster'): Figure {
  const { net, simData } = input;
  const o = rasterOptions(given, path, net.data.simConfig);
  const { size, fontSize } = o;
  const [t0, t1] = o.range;
  const { sel, rows } = rasterRows(net, o, path);
  const rowOf = new Map(rows.map((g, i) => [g, i]));
  const spikes = spikesOf(simData, new Set(sel.cells), t0, t1);
  const stims = stimTrains(simData, sel.stims);
  const popLabels = Object.keys(net.pops);
  const popOfGid = new Map<number, number>();
  popLabels.forEach((p, i) => net.pops[p].cellGids.forEach((g) => popOfGid.set(g, i)));
  const colors = popLabels.map((p, i) => popColor(o.popColors, p, i, path));
  const stimColor = popColor(o.popColors, 'NetStims', popLabels.length, path);
  const shown = Math.min(spikes.times.length, o.maxSpikes);
  const rowCount = rows.length + stims.length;
  // statistics of the title and legend
  const synapses = countSynapsesByPost(input);
  const connsPerCell = sel.cells.length > 0 ? sel.cells.reduce((s, g) => s + (synapses.get(g) ?? 0), 0) / sel.cells.length : 0;
  const stimSpikes = stims.reduce((s, st) => s + st.times.filter((t) => t >= t0 && t <= t1).length, 0);
  const tsecs = (t1 - t0) / 1e3;
  const rate = (spikes.times.length + stimSpikes) / Math.max(1, sel.cells.length + stims.length) / tsecs;
  const included = new Set(sel.cells);
  const counts = countByGid(spikes.gids);
  const legend: LegendEntry[] = [];
  const popRates: Record<string, number> = {};
  popLabels.forEach((p, i) => {
    const members = net.pops[p].cellGids.filter((g) => included.has(g));
    if (members.length === 0) return;
    popRates[p] = members.reduce((s, g) => s + (counts.get(g) ?? 0), 0) / members.length / tsecs;
    const syn = members.reduce((s, g) => s + (synapses.get(g) ?? 0), 0) / members.length;
    const label =
      o.popRates === 'minimal'
        ? `${p} (${formatG(popRates[p], 3)} Hz)`
        : o.popRates
          ? `${p}\n  cells: ${members.length}\n  syn/cell: ${syn.toFixed(1)}\n  rate: ${formatG(popRates[p], 3)} Hz`
          : p;
    legend.push({ label, color: colors[i] });
  });
  if (stims.length > 0) {
    popRates.NetStims = stimSpikes / stims.length / tsecs;
    legend.push({ label: o.popRates ? `NetStims (${formatG(popRates.NetStims, 3)} Hz)` : 'NetStims', color: stimColor });
  }
  const sync = o.syncLines ? syncMeasure(simData.spkt, net.data.simConfig.duration) : null;
  const title =
    typeof o.title === 'string'
      ? o.title
      : o.popRates
        ? `cells: ${sel.cells.length}   syn/cell: ${connsPerCell.toFixed(1)}   rate: ${rate.toFixed(1)} Hz${sync !== null ? `   sync: ${sync.toFixed(2)}` : ''}`
        : `Raster plot of spiking${sync !== null ? `   sync: ${sync.toFixed(2)}` : ''}`;
  const orderLabel = o.orderBy === 'gid' || typeof o.orderBy !== 'string' ? 'gid' : o.orderBy;
  const ylabel = rows.length > 0 ? `Cells (ordered by ${orderLabel})${stims.length > 0 ? ' and NetStims (at the end)' : ''}` : 'NetStims';
  return {
    kind: 'plotRaster',
    file: figureFile(input, o.saveFig, '_raster.png'),
    saveFig: Boolean(o.saveFig),
    ...size,
    data: { spkTimes: spikes.times.slice(0, shown), spkGids: spikes.gids.slice(0, shown), popRates, title, timeRange: [t0, t1] },
    draw(p) {
      const showLegend = o.legend !== false && legend.length > 0;
      const box = plotBox(p, fontSize, showLegend ? legendWidth(p, legend, fontSize, 'Populations') : 0);
      const axes = new Axes(p, box, { x: [t0, t1], y: [-1, rowCount + 1], yInverted: Boolean(o.orderInverse), title, xlabel: 'Time (ms)', ylabel, fontSize });
      const markW = Math.max(1, (2 * size.dpi) / 72);
      const markH = Math.max(1, (Math.sqrt(o.markerSize) * size.dpi) / 72);
      axes.clip();
      if (sync !== null) {
        for (const t of simData.spkt) p.polyline([axes.x(t), axes.x(t)], [axes.y(0), axes.y(rowCount)], 'red', 0.3);
      }
      // one batch of markers per population colour
      const byPop = new Map<number, { xs: number[]; ys: number[] }>();
      for (let i = 0; i < shown; i++) {
        const pop = popOfGid.get(spikes.gids[i]) ?? 0;
        let batch = byPop.get(pop);
        if (!batch) byPop.set(pop, (batch = { xs: [], ys: [] }));
        batch.xs.push(axes.x(spikes.times[i]));
        batch.ys.push(axes.y(rowOf.get(spikes.gids[i])!));
      }
      for (const [pop, b] of byPop) p.marks(b.xs, b.ys, markW, markH, colors[pop]);
      stims.forEach((st, k) => {
        const times = st.times.filter((t) => t >= t0 && t <= t1);
        p.marks(
          times.map((t) => axes.x(t)),
          times.map(() => axes.y(rows.length + k)),
          markW,
          markH,
          stimColor,
        );
      });
      p.unclip();
      axes.draw();
      if (showLegend) drawLegend(p, box, legend, fontSize, 'Populations');
    },
  };
}

/** The cells and stim sources a plotRaster entry shows, and its rows (an OptionError for an orderBy tag a cell lacks). */
export function rasterRows(net: Network, o: Pick<ReturnType<typeof rasterOptions>, 'include' | 'orderBy'>, path: string): { sel: Selection; rows: number[] } {
  const include = expandEachPop(net, Array.isArray(o.include) ? o.include : [o.include]);
  const sel = resolveInclude(net, include, `${path}.include`);
  return { sel, rows: orderCells(net, sel.cells, o.orderBy, `${path}.orderBy`) };
}

/** Gids in the order of `orderBy`: 'gid', or a numeric cell tag (ties by gid). */
function orderCells(net: Network, gids: number[], orderBy: unknown, path: string): number[] {
  if (orderBy === 'gid' || typeof orderBy !== 'string') return [...gids];
  const popOrder = Object.keys(net.pops);
  const key = (g: number): number => {
    const tags = net.cellTags(net.indexOfGid(g));
    const v = orderBy === 'pop' ? popOrder.indexOf(String(tags.pop)) : tags[orderBy];
    if (typeof v !== 'number')
      throw new OptionError(path, orderBy, `'${orderBy}' is not a numeric tag of cell ${g} (NetPyNE orders by gid then; spikegpu asks for a valid tag)`);
    return v;
  };
  const keys = new Map(gids.map((g) => [g, key(g)]));
  return [...gids].sort((a, b) => keys.get(a)! - keys.get(b)! || a - b);
}

/** Synapses (NetCons, NetStim ones included) onto each cell, by gid (NetPyNE's len(cell.conns)). */
export function countSynapsesByPost(input: FigureInput): Map<number, number> {
  const { cells, conns } = input.net.data;
  const out = new Map<number, number>();
  for (let c = 0; c < cells.count; c++) out.set(cells.gid[c], conns.postStart[c + 1] - conns.postStart[c]);
  return out;
}
