import type { SimConfigData } from '../../spec/index.ts';
import { checkPopColors } from '../colors.ts';
import { Axes, plotBox } from '../draw/frame.ts';
import type { Painter } from '../draw/painter.ts';
import { choiceOption, type Figure, type FigureInput, figureFile, OptionError, readOptions, timeRange } from '../figure.ts';
import { cellRates, isiCVs } from '../spikes.ts';
import { includeGroups } from './groups.ts';

// plotSpikeStats (NetPyNE spikes_legacy.plotSpikeStats, graphType 'boxplot'): one figure per
// statistic, a horizontal box per include entry (first entry at the top): 'rate' [Hz] of each
// spiking cell (every cell with includeRate0), 'isicv' of each cell with more than 10 spikes.
// Boxes as matplotlib draws them: quartiles (linear interpolation), whiskers to the furthest
// value within 1.5 IQR, values beyond as '+', the mean as a star; 'allCells' in grey.

const DEFAULTS = {
  include: ['eachPop', 'allCells'] as unknown,
  timeRange: null as unknown,
  graphType: 'boxplot' as unknown,
  stats: ['rate', 'isicv'] as unknown,
  includeRate0: false as unknown,
  popColors: null as unknown,
  xlim: null as unknown,
  figSize: [6, 8] as unknown,
};

const XLABELS: Record<string, string> = { rate: 'Rate (Hz)', isicv: 'Irregularity (ISI CV)' };

/** plotSpikeStats' options, checked without the network. */
export function spikeStatsOptions(given: unknown, path: string, cfg: SimConfigData) {
  const o = readOptions(path, given, DEFAULTS, ['statDataIn', 'bins', 'histlogy', 'histlogx', 'histmin', 'density', 'legendLabels', 'normfit', 'histShading']);
  choiceOption(`${path}.graphType`, o.graphType, ['boxplot'], true);
  checkPopColors(o.popColors, path);
  const stats = (Array.isArray(o.stats) ? o.stats : [o.stats]) as unknown[];
  for (const s of stats) {
    if (s === 'sync' || s === 'pairsync') throw new OptionError(`${path}.stats`, s, `'${s}' (SPIKE synchrony from pyspike) is not supported by spikegpu yet`);
    if (!Object.hasOwn(XLABELS, String(s))) throw new OptionError(`${path}.stats`, s, `${JSON.stringify(s)} is not 'rate' or 'isicv'`);
  }
  return { ...o, stats: stats as string[], range: timeRange(path, cfg, o.timeRange) };
}

export function plotSpikeStats(input: FigureInput, given: unknown, path = 'simConfig.analysis.plotSpikeStats'): Figure[] {
  const o = spikeStatsOptions(given, path, input.net.data.simConfig);
  const { size, fontSize, stats } = o;
  const [t0, t1] = o.range;
  const groups = includeGroups(input, o.include, o.popColors, t0, t1, path).map((g) => ({
    ...g,
    color: g.label === 'allCells' ? 'rgb(128,128,128)' : g.color,
  }));
  return stats.map((stat: string) => {
    const values = groups.map((g) => {
      const spikes = { times: g.times.filter((_, i) => g.spikeGids[i] >= 0), gids: g.spikeGids.filter((x) => x >= 0) };
      const v = stat === 'rate' ? cellRates(spikes, g.gids, t0, t1, Boolean(o.includeRate0)) : isiCVs(spikes);
      return stat === 'rate' && v.length === 0 ? [0] : v;
    });
    return {
      kind: 'plotSpikeStats',
      file: typeof o.saveFig === 'string' ? `${o.saveFig}_spikeStat_boxplot_${stat}.png` : figureFile(input, null, `_spikeStat_boxplot_${stat}.png`),
      saveFig: Boolean(o.saveFig),
      ...size,
      data: { include: groups.map((g) => g.label), statData: values },
      draw(p) {
        const box = plotBox(p, fontSize);
        const all = values.flat();
        const lo = Math.min(0, ...all);
        const hi = Math.max(1e-9, ...all) * 1.05;
        const xlim = Array.isArray(o.xlim) && o.xlim.length === 2 ? (o.xlim as [number, number]) : ([lo, hi] as [number, number]);
        const n = groups.length;
        const axes = new Axes(p, box, {
          x: xlim,
          y: [0.5, n + 0.5],
          xlabel: XLABELS[stat],
          ylabel: 'Population',
          fontSize,
          yTicks: groups.map((g, i) => [n - i, g.label]),
        });
        axes.clip();
        values.forEach((v, i) => drawBox(p, axes, n - i, v, groups[i].color));
        p.unclip();
        axes.draw();
      },
    };
  });
}

function drawBox(p: Painter, axes: Axes, y: number, values: number[], color: string): void {
  if (values.length === 0) return;
  const s = [...values].sort((a, b) => a - b);
  const q = (f: number) => {
    const x = f * (s.length - 1);
    const i = Math.floor(x);
    return i + 1 < s.length ? s[i] + (x - i) * (s[i + 1] - s[i]) : s[i];
  };
  const [q1, med, q3] = [q(0.25), q(0.5), q(0.75)];
  const iqr = q3 - q1;
  const lowWhisker = s.find((v) => v >= q1 - 1.5 * iqr) ?? q1;
  const highWhisker = [...s].reverse().find((v) => v <= q3 + 1.5 * iqr) ?? q3;
  const half = (axes.y(y - 0.3) - axes.y(y + 0.3)) / 2;
  const cy = axes.y(y);
  p.rect(axes.x(q1), cy - half, Math.max(1, axes.x(q3) - axes.x(q1)), 2 * half, color);
  p.strokeRect(axes.x(q1), cy - half, Math.max(1, axes.x(q3) - axes.x(q1)), 2 * half, 'black', 2);
  p.polyline([axes.x(med), axes.x(med)], [cy - half, cy + half], 'black', 3);
  p.polyline([axes.x(lowWhisker), axes.x(q1)], [cy, cy], 'black', 1.5);
  p.polyline([axes.x(q3), axes.x(highWhisker)], [cy, cy], 'black', 1.5);
  p.polyline([axes.x(lowWhisker), axes.x(lowWhisker)], [cy - half / 2, cy + half / 2], 'black', 1.5);
  p.polyline([axes.x(highWhisker), axes.x(highWhisker)], [cy - half / 2, cy + half / 2], 'black', 1.5);
  for (const v of s) {
    if (v >= lowWhisker && v <= highWhisker) continue;
    const x = axes.x(v);
    p.polyline([x - 4, x + 4], [cy, cy], 'black', 1);
    p.polyline([x, x], [cy - 4, cy + 4], 'black', 1);
  }
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  p.circle(axes.x(mean), cy, 4, 'white');
}
