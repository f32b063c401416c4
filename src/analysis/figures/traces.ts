import type { SimConfigData } from '../../spec/index.ts';
import { listColor } from '../colors.ts';
import { Axes, type Box, drawLegend, type LegendEntry, legendWidth, plotBox } from '../draw/frame.ts';
import type { Painter } from '../draw/painter.ts';
import { choiceOption, type Figure, type FigureInput, figureFile, OptionError, readOptions, timeRange } from '../figure.ts';
import { resolveInclude } from '../include.ts';

// plotTraces (NetPyNE analysis/traces.py): the recorded traces (simConfig.recordTraces, in
// sorted order) of the included cells (default: this entry's include and recordCells), one
// figure per cell (oneFigPer 'cell') or per trace ('trace'), each trace or cell in its own axes
// or all overlaid. Samples [int(t0/recordStep), int(t1/recordStep)) against t0, t0 + recordStep, ...

const DEFAULTS = {
  include: null as unknown,
  timeRange: null as unknown,
  oneFigPer: 'cell' as unknown,
  overlay: false as unknown,
  ylim: null as unknown,
  legend: true as unknown,
  subtitles: true as unknown,
  title: null as unknown,
  colors: null as unknown,
};

interface Series {
  label: string;
  color: string;
  ys: number[];
}

/** plotTraces' options, checked without the network. */
export function tracesOptions(given: unknown, path: string, cfg: SimConfigData) {
  const o = readOptions(path, given, DEFAULTS, ['rerun', 'axis', 'scaleBarLoc']);
  const ylim = o.ylim;
  if (ylim !== null && !(Array.isArray(ylim) && ylim.length === 2 && ylim.every((x) => typeof x === 'number')))
    throw new OptionError(`${path}.ylim`, ylim, `${JSON.stringify(ylim)} is not [min, max]`);
  return {
    ...o,
    range: timeRange(path, cfg, o.timeRange),
    ylim: ylim as [number, number] | null,
    oneFigPer: choiceOption(`${path}.oneFigPer`, o.oneFigPer, ['cell', 'trace']),
  };
}

export function plotTraces(input: FigureInput, given: unknown, path = 'simConfig.analysis.plotTraces'): Figure[] {
  const { net, simData } = input;
  const cfg = net.data.simConfig;
  const o = tracesOptions(given, path, cfg);
  const { size, fontSize, ylim } = o;
  const [t0, t1] = o.range;
  const include = o.include ?? [...(Array.isArray(cfg.recordCells) ? cfg.recordCells : cfg.recordCells ? [cfg.recordCells] : [])];
  const gids = resolveInclude(net, include, `${path}.include`).cells;
  const traces = Object.keys(cfg.recordTraces).sort();
  const step = cfg.recordStep;
  const from = Math.floor(t0 / step);
  const to = Math.floor(t1 / step);
  const samples = (trace: string, gid: number): number[] | null => {
    const cells = simData[trace] as Record<string, number[]> | undefined;
    const ys = cells?.[`cell_${gid}`];
    return ys ? ys.slice(from, to) : null;
  };
  const recorded = gids.filter((g) => traces.some((t) => samples(t, g)));
  const popOf = (g: number) => String(net.cellTags(net.indexOfGid(g)).pop);
  const panels: Array<{ key: string; axes: Array<{ title?: string; ylabel: string; series: Series[] }> }> = [];
  if (o.oneFigPer === 'cell') {
    for (const g of recorded) {
      const series = traces.flatMap((t, i) => {
        const ys = samples(t, g);
        return ys ? [{ label: t, color: o.overlay ? listColor(i) : 'blue', ys }] : [];
      });
      const title = o.subtitles ? `Cell ${g}, Pop ${popOf(g)} ` : undefined;
      panels.push({
        key: `_gid_${g}`,
        axes: o.overlay
          ? [{ title, ylabel: series.map((s) => s.label).join(', '), series }]
          : series.map((s, i) => ({ title: i === 0 ? title : undefined, ylabel: s.label, series: [s] })),
      });
    }
  } else {
    for (const t of traces) {
      const series = recorded.flatMap((g, i) => {
        const ys = samples(t, g);
        return ys ? [{ label: `Cell ${g}, Pop ${popOf(g)} `, color: listColor(i), ys }] : [];
      });
      if (series.length === 0) continue;
      panels.push({
        key: `_trace_${t}`,
        axes: o.overlay ? [{ title: `${t} `, ylabel: t, series }] : series.map((s, i) => ({ title: i === 0 ? `${t} ` : undefined, ylabel: t, series: [s] })),
      });
    }
  }
  const file = figureFile(input, o.saveFig, '_traces.png');
  const dot = file.lastIndexOf('.');
  const tracesData = panels.map((f) =>
    Object.fromEntries([['t', timeAxis(t0, step, f.axes[0]?.series[0]?.ys.length ?? 0)], ...f.axes.flatMap((a) => a.series.map((s) => [s.label, s.ys]))]),
  );
  return panels.map((fig, k) => ({
    kind: 'plotTraces',
    file: panels.length > 1 ? `${file.slice(0, dot)}_${fig.key}_${file.slice(dot)}` : file,
    saveFig: Boolean(o.saveFig),
    ...size,
    data: { tracesData: tracesData[k], include: gids },
    draw(p) {
      const legend: LegendEntry[] =
        o.overlay && o.legend !== false && fig.axes[0].series.length > 1 && fig.axes[0].series.length < 20
          ? fig.axes[0].series.map((s) => ({ label: s.label.trim(), color: s.color }))
          : [];
      const outer = plotBox(p, fontSize, legend.length > 0 ? legendWidth(p, legend, fontSize) : 0);
      const gap = 3.5 * fontSize;
      const h = (outer.height - gap * (fig.axes.length - 1)) / fig.axes.length;
      fig.axes.forEach((a, i) => {
        const box: Box = { ...outer, top: outer.top + i * (h + gap), height: h };
        drawAxes(p, box, a.series, t0, step, ylim, { title: a.title, ylabel: a.ylabel, xlabel: i === fig.axes.length - 1 ? 'Time (ms)' : undefined, fontSize });
      });
      if (legend.length > 0) drawLegend(p, outer, legend, fontSize);
    },
  }));
}

function timeAxis(t0: number, step: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => t0 + i * step);
}

function drawAxes(
  p: Painter,
  box: Box,
  series: Series[],
  t0: number,
  step: number,
  ylim: [number, number] | null,
  labels: { title?: string; ylabel: string; xlabel?: string; fontSize: number },
): void {
  const n = Math.max(1, ...series.map((s) => s.ys.length));
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (const y of s.ys) {
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  if (!(hi >= lo)) {
    lo = 0;
    hi = 1;
  }
  const pad = (hi - lo) * 0.05 || 1;
  const axes = new Axes(p, box, { x: [t0, t0 + (n - 1) * step || t0 + 1], y: ylim ?? [lo - pad, hi + pad], ...labels });
  axes.clip();
  for (const s of series)
    p.polyline(
      s.ys.map((_, i) => axes.x(t0 + i * step)),
      s.ys.map((y) => axes.y(y)),
      s.color,
      1.5,
    );
  p.unclip();
  axes.draw();
}
