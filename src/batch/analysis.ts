import { interpolateViridis } from 'd3-scale-chromatic';
import { listColor } from '../analysis/colors.ts';
import { Axes, drawLegend, legendWidth, plotBox } from '../analysis/draw/frame.ts';
import type { Figure } from '../analysis/figure.ts';
import type { BatchSpec } from './spec.ts';

// Tutorial 8's analysis of a grid (doc/source/code/tut8_analysis.py): each population's mean
// rate per job, as a heat map over two swept params (rows the first, columns the second:
// <label>_matrix_<p1>_<p2>_<pop>.png, NetPyNE's name) and as lines over the second param, one
// line per value of the first (<label>_lines_<p1>_<p2>_<pop>.png).

/** Mean rate [Hz] per population of each job (jobs in batchJobs' order; NaN where a job failed). */
export interface BatchRates {
  params: [string, string];
  values: [unknown[], unknown[]];
  pops: string[];
  /** rates[pop][i][j]: the job with the first param's i-th and the second's j-th value. */
  rates: Record<string, number[][]>;
}

/** The rates table of a grid over exactly two params (null otherwise) from each job's population rates. */
export function gridRates(batch: BatchSpec, jobRates: Array<Record<string, number> | null>): BatchRates | null {
  if (batch.method !== 'grid' || batch.params.length !== 2 || batch.params.some((p) => p.group)) return null;
  const [a, b] = batch.params;
  const pops = [...new Set(jobRates.flatMap((r) => (r ? Object.keys(r) : [])))];
  const rates: Record<string, number[][]> = {};
  for (const pop of pops) rates[pop] = a.values.map((_, i) => b.values.map((_, j) => jobRates[i * b.values.length + j]?.[pop] ?? Number.NaN));
  return { params: [a.label, b.label], values: [a.values, b.values], pops, rates };
}

const SIZE = { width: 640, height: 520 };
const FONT = 14;

/** The heat map and the line plot of every population. */
export function gridFigures(label: string, table: BatchRates): Figure[] {
  return table.pops.flatMap((pop) => [heatMap(label, table, pop), lines(label, table, pop)]);
}

const show = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(4))) : JSON.stringify(v));

function heatMap(label: string, t: BatchRates, pop: string): Figure {
  const m = t.rates[pop];
  const finite = m.flat().filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(lo + 1e-9, ...finite);
  const [p1, p2] = t.params;
  return {
    kind: 'batchMatrix',
    file: `${label}_matrix_${p1}_${p2}_${pop}.png`,
    saveFig: true,
    ...SIZE,
    data: { pop, params: t.params, values: t.values, rates: m },
    draw(p) {
      const bar = 5 * FONT;
      const box = plotBox(p, FONT, bar);
      const [rows, cols] = [t.values[0].length, t.values[1].length];
      const axes = new Axes(p, box, {
        x: [0, cols],
        y: [0, rows],
        yInverted: true,
        xlabel: p2,
        ylabel: p1,
        title: `${pop}: mean rate [Hz]`,
        fontSize: FONT,
        xTicks: t.values[1].map((v, j): [number, string] => [j + 0.5, show(v)]),
        yTicks: t.values[0].map((v, i): [number, string] => [i + 0.5, show(v)]),
      });
      m.forEach((row, i) =>
        row.forEach((v, j) => {
          const x0 = axes.x(j);
          const y0 = axes.y(i);
          p.rect(x0, y0, axes.x(j + 1) - x0 + 0.5, axes.y(i + 1) - y0 + 0.5, Number.isFinite(v) ? interpolateViridis((v - lo) / (hi - lo)) : 'white');
          if (Number.isFinite(v))
            p.text(v.toFixed(1), (x0 + axes.x(j + 1)) / 2, (y0 + axes.y(i + 1)) / 2, {
              size: FONT * 0.85,
              align: 'center',
              baseline: 'middle',
              color: (v - lo) / (hi - lo) > 0.6 ? 'black' : 'white',
            });
        }),
      );
      axes.draw();
      const bx = box.left + box.width + FONT;
      const steps = 64;
      for (let s = 0; s < steps; s++) p.rect(bx, box.top + (box.height * s) / steps, FONT, box.height / steps + 0.5, interpolateViridis(1 - s / steps));
      p.strokeRect(bx, box.top, FONT, box.height, 'black', 1);
      p.text(hi.toFixed(1), bx + 1.4 * FONT, box.top, { size: FONT * 0.85, baseline: 'top' });
      p.text(lo.toFixed(1), bx + 1.4 * FONT, box.top + box.height, { size: FONT * 0.85, baseline: 'bottom' });
    },
  };
}

function lines(label: string, t: BatchRates, pop: string): Figure {
  const m = t.rates[pop];
  const [p1, p2] = t.params;
  const xs = t.values[1].map((v, j) => (typeof v === 'number' ? v : j));
  const finite = m.flat().filter(Number.isFinite);
  const entries = t.values[0].map((v, i) => ({ label: `${p1} = ${show(v)}`, color: listColor(i) }));
  return {
    kind: 'batchLines',
    file: `${label}_lines_${p1}_${p2}_${pop}.png`,
    saveFig: true,
    ...SIZE,
    data: { pop, params: t.params, values: t.values, rates: m },
    draw(p) {
      const box = plotBox(p, FONT, legendWidth(p, entries, FONT));
      const x0 = Math.min(...xs);
      const x1 = Math.max(...xs);
      const pad = x1 > x0 ? 0.05 * (x1 - x0) : 1;
      const axes = new Axes(p, box, {
        x: [x0 - pad, x1 + pad],
        y: [0, Math.max(1, ...finite) * 1.1],
        xlabel: p2,
        ylabel: 'mean rate [Hz]',
        title: pop,
        fontSize: FONT,
      });
      axes.clip();
      m.forEach((row, i) => {
        p.polyline(
          xs.map((x) => axes.x(x)),
          row.map((y) => axes.y(y)),
          entries[i].color,
          2,
        );
        row.forEach((y, j) => Number.isFinite(y) && p.circle(axes.x(xs[j]), axes.y(y), 3.5, entries[i].color));
      });
      p.unclip();
      axes.draw();
      drawLegend(p, box, entries, FONT);
    },
  };
}

/** An evolutionary run's fitness in one generation (of the population after replacement). */
export interface EvolGeneration {
  generation: number;
  best: number;
  mean: number;
  worst: number;
}

/** The fitness per generation of method 'evol': best, mean and worst of each population (<label>_fitness.png). */
export function fitnessFigure(label: string, generations: EvolGeneration[], maximize: boolean): Figure {
  const series = [
    { label: 'best', color: listColor(0), ys: generations.map((g) => g.best) },
    { label: 'mean', color: listColor(1), ys: generations.map((g) => g.mean) },
    { label: 'worst', color: listColor(2), ys: generations.map((g) => g.worst) },
  ];
  const xs = generations.map((g) => g.generation);
  const all = series.flatMap((s) => s.ys).filter(Number.isFinite);
  return {
    kind: 'batchFitness',
    file: `${label}_fitness.png`,
    saveFig: true,
    ...SIZE,
    data: { generations, maximize },
    draw(p) {
      const entries = series.map((s) => ({ label: s.label, color: s.color }));
      const box = plotBox(p, FONT, legendWidth(p, entries, FONT));
      const axes = new Axes(p, box, {
        x: [Math.min(...xs) - 0.2, Math.max(...xs) + 0.2],
        y: [Math.min(0, ...all), Math.max(1e-9, ...all) * 1.05],
        xlabel: 'generation',
        ylabel: `fitness (${maximize ? 'higher' : 'lower'} is better)`,
        title: `${label}: fitness per generation`,
        fontSize: FONT,
        xTicks: xs.map((x): [number, string] => [x, String(x)]),
      });
      axes.clip();
      for (const s of series) {
        p.polyline(
          xs.map((x) => axes.x(x)),
          s.ys.map((y) => axes.y(y)),
          s.color,
          2,
        );
        s.ys.forEach((y, i) => Number.isFinite(y) && p.circle(axes.x(xs[i]), axes.y(y), 3.5, s.color));
      }
      p.unclip();
      axes.draw();
      drawLegend(p, box, entries, FONT);
    },
  };
}

/** Method 'optuna': each trial's value and the best so far (<label>_trials.png). */
export function trialsFigure(label: string, values: number[], maximize: boolean): Figure {
  const xs = values.map((_, i) => i);
  const bestSoFar: number[] = [];
  for (const v of values) bestSoFar.push(bestSoFar.length === 0 ? v : maximize ? Math.max(bestSoFar.at(-1)!, v) : Math.min(bestSoFar.at(-1)!, v));
  const finite = values.filter(Number.isFinite);
  const entries = [
    { label: 'trial', color: listColor(0) },
    { label: 'best so far', color: listColor(1) },
  ];
  return {
    kind: 'batchTrials',
    file: `${label}_trials.png`,
    saveFig: true,
    ...SIZE,
    data: { values, bestSoFar, maximize },
    draw(p) {
      const box = plotBox(p, FONT, legendWidth(p, entries, FONT));
      const axes = new Axes(p, box, {
        x: [-0.5, Math.max(1, values.length) - 0.5],
        y: [Math.min(0, ...finite), Math.max(1e-9, ...finite) * 1.05],
        xlabel: 'trial',
        ylabel: `value (${maximize ? 'higher' : 'lower'} is better)`,
        title: `${label}: trials`,
        fontSize: FONT,
      });
      axes.clip();
      values.forEach((v, i) => Number.isFinite(v) && p.circle(axes.x(xs[i]), axes.y(v), 3, entries[0].color));
      p.polyline(
        xs.map((x) => axes.x(x)),
        bestSoFar.map((y) => axes.y(y)),
        entries[1].color,
        2,
      );
      p.unclip();
      axes.draw();
      drawLegend(p, box, entries, FONT);
    },
  };
}
