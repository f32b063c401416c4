// What the figures draw with: a few primitives in pixels (origin top left), implemented for an
// SVG document (svg.ts), a canvas 2D context (canvas.ts: browsers, and PNG files in Node
// through the same context API) and nothing else. Colours are CSS strings.

export interface TextStyle {
  size: number; // [px]
  color?: string;
  align?: 'left' | 'center' | 'right';
  baseline?: 'top' | 'middle' | 'bottom';
  /** Rotation [degrees], counter-clockwise, about the anchor. */
  rotate?: number;
}

export interface Painter {
  readonly width: number;
  readonly height: number;
  rect(x: number, y: number, w: number, h: number, fill: string): void;
  strokeRect(x: number, y: number, w: number, h: number, stroke: string, lineWidth: number): void;
  /** A polyline through (xs[i], ys[i]); NaN points break it. */
  polyline(xs: ArrayLike<number>, ys: ArrayLike<number>, stroke: string, lineWidth: number): void;
  circle(x: number, y: number, r: number, fill: string): void;
  text(s: string, x: number, y: number, style: TextStyle): void;
  /** Width of `s` in pixels at `size`. */
  measure(s: string, size: number): number;
  /** Many equal rectangles of one colour centred on (xs[i], ys[i]): spike markers. */
  marks(xs: ArrayLike<number>, ys: ArrayLike<number>, w: number, h: number, fill: string): void;
  /** Clips what follows to a rectangle until unclip(). */
  clip(x: number, y: number, w: number, h: number): void;
  unclip(): void;
}

/** Average glyph width of DejaVu Sans relative to the font size, for painters that cannot measure. */
export const AVERAGE_GLYPH_WIDTH = 0.6;
