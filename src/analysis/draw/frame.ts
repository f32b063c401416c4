import { type ScaleLinear, scaleLinear } from 'd3-scale';
import type { Painter } from './painter.ts';

// One set of axes in the manner of a matplotlib figure: a box, ticks and tick labels (d3-scale's
// nice ticks), axis labels, a title above, and an optional legend outside on the right.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LegendEntry {
  label: string;
  color: string;
}

export interface AxesOptions {
  x: [number, number];
  y: [number, number];
  title?: string;
  xlabel?: string;
  ylabel?: string;
  /** y grows downwards (matplotlib invert_yaxis). */
  yInverted?: boolean;
  fontSize: number;
  /** Tick labels of a categorical axis instead of numbers: value -> label. */
  yTicks?: Array<[number, string]>;
  xTicks?: Array<[number, string]>;
}

export class Axes {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;

  constructor(
    private readonly p: Painter,
    readonly box: Box,
    private readonly o: AxesOptions,
  ) {
    this.x = scaleLinear()
      .domain(o.x)
      .range([box.left, box.left + box.width]);
    this.y = scaleLinear()
      .domain(o.y)
      .range(o.yInverted ? [box.top, box.top + box.height] : [box.top + box.height, box.top]);
  }

  /** Box, ticks, labels and title; the data is drawn before (clipped to the box) or after. */
  draw(): void {
    const { p, box, o } = this;
    const small = o.fontSize * 0.85;
    p.strokeRect(box.left, box.top, box.width, box.height, 'black', 1);
    const xTicks = o.xTicks ?? this.x.ticks(8).map((v): [number, string] => [v, tickLabel(v)]);
    for (const [v, label] of xTicks) {
      const px = this.x(v);
      p.polyline([px, px], [box.top + box.height, box.top + box.height + 5], 'black', 1);
      p.text(label, px, box.top + box.height + 8, { size: small, align: 'center', baseline: 'top' });
    }
    const yTicks = o.yTicks ?? this.y.ticks(8).map((v): [number, string] => [v, tickLabel(v)]);
    for (const [v, label] of yTicks) {
      const py = this.y(v);
      p.polyline([box.left - 5, box.left], [py, py], 'black', 1);
      p.text(label, box.left - 8, py, { size: small, align: 'right', baseline: 'middle' });
    }
    if (o.xlabel) p.text(o.xlabel, box.left + box.width / 2, box.top + box.height + 12 + 1.6 * small, { size: o.fontSize, align: 'center', baseline: 'top' });
    if (o.ylabel) {
      const widest = Math.max(0, ...yTicks.map(([, l]) => p.measure(l, small)));
      p.text(o.ylabel, box.left - 16 - widest, box.top + box.height / 2, { size: o.fontSize, align: 'center', baseline: 'bottom', rotate: 90 });
    }
    if (o.title) p.text(o.title, box.left + box.width / 2, box.top - 0.6 * o.fontSize, { size: o.fontSize * 1.1, align: 'center', baseline: 'bottom' });
  }

  /** Clips drawing to the axes box (call unclip on the painter after). */
  clip(): void {
    this.p.clip(this.box.left, this.box.top, this.box.width, this.box.height);
  }
}

/** The legend right of `box`: a colour swatch and a (possibly multi-line) label per entry. */
export function drawLegend(p: Painter, box: Box, entries: LegendEntry[], fontSize: number, title?: string): void {
  const size = fontSize * 0.85;
  let y = box.top;
  const x = box.left + box.width + 0.025 * box.width;
  if (title) {
    p.text(title, x, y, { size, baseline: 'top' });
    y += 1.5 * size;
  }
  for (const e of entries) {
    const lines = e.label.split('\n');
    p.rect(x, y + 0.15 * size, 0.8 * size, 0.8 * size, e.color);
    lines.forEach((line, i) => p.text(line, x + 1.3 * size, y + i * 1.25 * size, { size, baseline: 'top' }));
    y += (lines.length + 0.4) * 1.25 * size;
  }
}

/** Width the legend needs [px]. */
export function legendWidth(p: Painter, entries: LegendEntry[], fontSize: number, title?: string): number {
  const size = fontSize * 0.85;
  const widest = Math.max(title ? p.measure(title, size) : 0, ...entries.flatMap((e) => e.label.split('\n').map((l) => p.measure(l, size) + 1.3 * size)));
  return widest + 0.05 * p.width;
}

/** The plot box of a figure with room for tick labels, axis labels, title and `right` extra [px]. */
export function plotBox(p: Painter, fontSize: number, right = 0): Box {
  const left = 5.5 * fontSize;
  const top = 3 * fontSize;
  return { left, top, width: Math.max(50, p.width - left - 1.5 * fontSize - right), height: Math.max(50, p.height - top - 4.5 * fontSize) };
}

/** A tick value as matplotlib writes it: no digit grouping, no trailing zeros. */
function tickLabel(v: number): string {
  return String(Number(v.toPrecision(12)));
}
