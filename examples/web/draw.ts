// Canvas drawing for the web page: a spike raster (time x cell, one colour per population)
// and a voltage trace, with minimal axes.
import type { SimData } from '../../src/index.ts';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const PAD = { left: 50, right: 10, top: 10, bottom: 30 };

export function drawRaster(canvas: HTMLCanvasElement, data: SimData, pops: Record<string, { cellGids: number[] }>, duration: number): void {
  const g = canvas.getContext('2d')!;
  const w = canvas.width - PAD.left - PAD.right;
  const h = canvas.height - PAD.top - PAD.bottom;
  g.clearRect(0, 0, canvas.width, canvas.height);
  const popOf = new Map<number, number>();
  const labels = Object.keys(pops);
  labels.forEach((label, i) => pops[label].cellGids.forEach((gid) => popOf.set(gid, i)));
  const maxGid = Math.max(1, ...Object.values(pops).flatMap((p) => p.cellGids));
  data.spkt.forEach((t, i) => {
    g.fillStyle = COLORS[(popOf.get(data.spkid[i]) ?? 0) % COLORS.length];
    g.fillRect(PAD.left + (t / duration) * w - 1, PAD.top + h - (data.spkid[i] / maxGid) * h - 1, 2, 2);
  });
  axes(g, canvas, `time [ms] (0 – ${duration})`, 'cell');
  labels.forEach((label, i) => {
    g.fillStyle = COLORS[i % COLORS.length];
    g.fillText(label, canvas.width - PAD.right - 60, PAD.top + 12 + 14 * i);
  });
}

export function drawTrace(canvas: HTMLCanvasElement, t: number[], v: number[], label: string): void {
  const g = canvas.getContext('2d')!;
  const w = canvas.width - PAD.left - PAD.right;
  const h = canvas.height - PAD.top - PAD.bottom;
  g.clearRect(0, 0, canvas.width, canvas.height);
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  const tEnd = t[t.length - 1] || 1;
  g.strokeStyle = '#333';
  g.beginPath();
  v.forEach((x, k) => {
    const px = PAD.left + (t[k] / tEnd) * w;
    const py = PAD.top + h - ((x - lo) / (hi - lo || 1)) * h;
    if (k === 0) g.moveTo(px, py);
    else g.lineTo(px, py);
  });
  g.stroke();
  axes(g, canvas, 'time [ms]', `${label} [${lo.toFixed(0)}, ${hi.toFixed(0)}] mV`);
}

function axes(g: CanvasRenderingContext2D, canvas: HTMLCanvasElement, x: string, y: string): void {
  g.strokeStyle = '#999';
  g.strokeRect(PAD.left, PAD.top, canvas.width - PAD.left - PAD.right, canvas.height - PAD.top - PAD.bottom);
  g.fillStyle = '#333';
  g.fillText(x, PAD.left, canvas.height - 8);
  g.save();
  g.translate(14, canvas.height - PAD.bottom);
  g.rotate(-Math.PI / 2);
  g.fillText(y, 0, 0);
  g.restore();
}
