import type { Painter, TextStyle } from './painter.ts';

// A Painter over a canvas 2D context: a browser's CanvasRenderingContext2D, or in Node the
// context of pureimage (src/io/png.ts), which implements the same calls. Spike markers go
// straight into the RGBA pixels when the caller gives access to them (millions of markers).

/** The part of CanvasRenderingContext2D the painter uses. */
export interface Context2D {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  stroke(): void;
  fill(): void;
  clip(): void;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  fillText(s: string, x: number, y: number): void;
  measureText(s: string): { width: number };
}

/** RGBA pixels of the canvas, row-major; `commit` shows what was written (putImageData). */
export interface PixelAccess {
  data: Uint8Array | Uint8ClampedArray;
  commit(): void;
}

export class CanvasPainter implements Painter {
  private clipRect: [number, number, number, number] | null = null;

  constructor(
    private readonly ctx: Context2D,
    readonly width: number,
    readonly height: number,
    private readonly fontFamily: string,
    private readonly pixels?: () => PixelAccess,
  ) {
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, width, height);
  }

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    this.ctx.fillStyle = fill;
    this.ctx.fillRect(x, y, w, h);
  }

  strokeRect(x: number, y: number, w: number, h: number, stroke: string, lineWidth: number): void {
    this.ctx.strokeStyle = stroke;
    this.ctx.lineWidth = lineWidth;
    this.ctx.strokeRect(x, y, w, h);
  }

  polyline(xs: ArrayLike<number>, ys: ArrayLike<number>, stroke: string, lineWidth: number): void {
    const ctx = this.ctx;
    ctx.strokeStyle = stroke;
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(xs[i], ys[i]);
      else ctx.moveTo(xs[i], ys[i]);
      pen = true;
    }
    ctx.stroke();
  }

  circle(x: number, y: number, r: number, fill: string): void {
    this.ctx.fillStyle = fill;
    this.ctx.beginPath();
    this.ctx.arc(x, y, r, 0, 2 * Math.PI);
    this.ctx.fill();
  }

  text(s: string, x: number, y: number, style: TextStyle): void {
    const ctx = this.ctx;
    ctx.save();
    ctx.font = `${Math.round(style.size)}px ${this.fontFamily}`;
    ctx.fillStyle = style.color ?? 'black';
    ctx.textAlign = style.align ?? 'left';
    ctx.textBaseline = style.baseline === 'bottom' || !style.baseline ? 'alphabetic' : style.baseline;
    ctx.translate(x, y);
    if (style.rotate) ctx.rotate((-style.rotate * Math.PI) / 180);
    ctx.fillText(s, 0, 0);
    ctx.restore();
  }

  measure(s: string, size: number): number {
    this.ctx.font = `${Math.round(size)}px ${this.fontFamily}`;
    return this.ctx.measureText(s).width;
  }

  marks(xs: ArrayLike<number>, ys: ArrayLike<number>, w: number, h: number, fill: string): void {
    const rgb = parseColor(fill);
    if (!this.pixels || !rgb) {
      for (let i = 0; i < xs.length; i++) this.rect(xs[i] - w / 2, ys[i] - h / 2, w, h, fill);
      return;
    }
    const px = this.pixels();
    const [cx, cy, cw, ch] = this.clipRect ?? [0, 0, this.width, this.height];
    const x0 = Math.max(0, Math.ceil(cx));
    const y0 = Math.max(0, Math.ceil(cy));
    const x1 = Math.min(this.width, Math.floor(cx + cw));
    const y1 = Math.min(this.height, Math.floor(cy + ch));
    const hw = Math.max(1, Math.round(w));
    const hh = Math.max(1, Math.round(h));
    const data = px.data;
    for (let i = 0; i < xs.length; i++) {
      const left = Math.round(xs[i] - hw / 2);
      const top = Math.round(ys[i] - hh / 2);
      for (let y = Math.max(y0, top); y < Math.min(y1, top + hh); y++) {
        for (let x = Math.max(x0, left); x < Math.min(x1, left + hw); x++) {
          const at = 4 * (y * this.width + x);
          data[at] = rgb[0];
          data[at + 1] = rgb[1];
          data[at + 2] = rgb[2];
          data[at + 3] = 255;
        }
      }
    }
    px.commit();
  }

  clip(x: number, y: number, w: number, h: number): void {
    this.unclip();
    this.ctx.save();
    this.ctx.beginPath();
    this.ctx.rect(x, y, w, h);
    this.ctx.clip();
    this.clipRect = [x, y, w, h];
  }

  unclip(): void {
    if (!this.clipRect) return;
    this.ctx.restore();
    this.clipRect = null;
  }
}

const NAMED: Record<string, [number, number, number]> = {
  black: [0, 0, 0],
  white: [255, 255, 255],
  red: [255, 0, 0],
  blue: [0, 0, 255],
  green: [0, 128, 0],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
};

/** [r, g, b] 0-255 of 'rgb(r,g,b)', '#rrggbb' or a few names; null otherwise. */
export function parseColor(c: string): [number, number, number] | null {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const h = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (h) return [parseInt(h[1], 16), parseInt(h[2], 16), parseInt(h[3], 16)];
  return NAMED[c] ?? null;
}
