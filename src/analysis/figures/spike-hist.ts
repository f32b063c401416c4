import type { SimConfigData } from '../../spec/index.ts';
import { checkPopColors } from '../colors.ts';
import { Axes, drawLegend, type LegendEntry, legendWidth, plotBox } from '../draw/frame.ts';
import { choiceOption, type Figure, type FigureInput, figureFile, numberOption, readOptions, timeRange } from '../figure.ts';
import { histogram } from '../spikes.ts';
import { includeGroups } from './groups.ts';

// plotSpikeHist (NetPyNE sim.analysis.plotSpikeHist): per include entry (default every
// population and all cells) the spikes per bin of binSize ms (NetPyNE's bins: edges from t0 by
// binSize below t1), as the mean rate per cell [Hz] (measure 'rate': count * 1000 / binSize /
// cells of the entry) or the count; lines (graphType 'line') or steps ('bar').

const DEFAULTS = {
  include: ['eachPop', 'allCells'] as unknown,
  timeRange: null as unknown,
  binSize: 5 as unknown,
  measure: 'rate' as unknown,
  graphType: 'line' as unknown,
  norm: false as unknown,
  popColors: null as unknown,
  legend: true as unknown,
};

/** plotSpikeHist's options, checked without the network. */
export function spikeHistOptions(given: unknown, path: string, cfg: SimConfigData) {
  const o = readOptions(path, given, DEFAULTS, ['smooth', 'filtFreq', 'filtOrder', 'overlay', 'axis']);
  checkPopColors(o.popColors, path);
  return {
    ...o,
    range: timeRange(path, cfg, o.timeRange),
    binSize: numberOption(`${path}.binSize`, o.binSize, (x) => x > 0, 'a bin size in ms'),
    measure: choiceOption(`${path}.measure`, o.measure, ['rate', 'count']),
    graphType: choiceOption(`${path}.graphType`, o.graphType, ['line', 'bar']),
  };
}

export function plotSpikeHist(input: FigureInput, given: unknown, path = 'simConfig.analysis.plotSpikeHist'): Figure {
  const o = spikeHistOptions(given, path, input.net.data.simConfig);
  const { size, fontSize, binSize } = o;
  const [t0, t1] = o.range;
  const groups = includeGroups(input, o.include, o.popColors, t0, t1, path);
  const series = groups.map((g) => {
    const h = histogram(g.times, t0, t1, binSize);
    const scale = o.measure === 'rate' ? 1000 / binSize / Math.max(1, g.size) : 1;
    let ys = Array.from(h.counts, (c) => c * scale);
    if (o.norm) {
      const max = Math.max(...ys);
      if (max > 0) ys = ys.map((y) => y / max);
    }
    return { label: g.label, color: g.color, xs: Array.from(h.centers), ys };
  });
  const ylabel = o.measure === 'rate' ? (o.norm ? 'Normalized firing rate' : 'Avg cell firing rate (Hz)') : o.norm ? 'Normalized spike count' : 'Spike count';
  return {
    kind: 'plotSpikeHist',
    file: figureFile(input, o.saveFig, '_spikeHist.png'),
    saveFig: Boolean(o.saveFig),
    ...size,
    data: { histoT: series[0]?.xs ?? [], histoData: series.map((s) => s.ys), include: groups.map((g) => g.label), timeRange: [t0, t1] },
    draw(p) {
      const legend: LegendEntry[] = o.legend !== false ? series.map((s) => ({ label: s.label, color: s.color })) : [];
      const box = plotBox(p, fontSize, legend.length > 0 ? legendWidth(p, legend, fontSize) : 0);
      const top = Math.max(1e-9, ...series.flatMap((s) => s.ys)) * 1.05;
      const axes = new Axes(p, box, { x: [t0, t1], y: [0, top], xlabel: 'Time (ms)', ylabel, fontSize });
      axes.clip();
      for (const s of series) {
        if (o.graphType === 'line')
          p.polyline(
            s.xs.map((x) => axes.x(x)),
            s.ys.map((y) => axes.y(y)),
            s.color,
            1.5,
          );
        else {
          const xs = s.xs.flatMap((x) => [axes.x(x - binSize / 2), axes.x(x + binSize / 2)]);
          p.polyline(
            xs,
            s.ys.flatMap((y) => [axes.y(y), axes.y(y)]),
            s.color,
            1.5,
          );
        }
      }
      p.unclip();
      axes.draw();
      if (legend.length > 0) drawLegend(p, box, legend, fontSize);
    },
  };
}
