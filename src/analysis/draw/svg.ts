import { AVERAGE_GLYPH_WIDTH, type Painter, type TextStyle } from './painter.ts';

// A Painter that writes an SVG document (text as SVG text in DejaVu Sans / sans-serif).

export class SvgPainter implements Painter {
  private readonly parts: string[] = [];
  private clips = 0;
  private clipped = false;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.parts.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  }

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    this.parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"/>`);
  }

  strokeRect(x: number, y: number, w: number, h: number, stroke: string, lineWidth: number): void {
    this.parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="none" stroke="${stroke}" stroke-width="${n(lineWidth)}"/>`);
  }

  polyline(xs: ArrayLike<number>, ys: ArrayLike<number>, stroke: string, lineWidth: number): void {
    let d = '';
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${n(xs[i])} ${n(ys[i])}`;
      pen = true;
    }
    if (d) this.parts.push(`<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${n(lineWidth)}" stroke-linejoin="round"/>`);
  }

  circle(x: number, y: number, r: number, fill: string): void {
    this.parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"/>`);
  }

  text(s: string, x: number, y: number, style: TextStyle): void {
    const anchor = { left: 'start', center: 'middle', right: 'end' }[style.align ?? 'left'];
    const baseline = { top: 'hanging', middle: 'central', bottom: 'alphabetic' }[style.baseline ?? 'bottom'];
    const rotate = style.rotate ? ` transform="rotate(${n(-style.rotate)} ${n(x)} ${n(y)})"` : '';
    this.parts.push(
      `<text x="${n(x)}" y="${n(y)}" font-family="DejaVu Sans, sans-serif" font-size="${n(style.size)}" fill="${style.color ?? 'black'}" text-anchor="${anchor}" dominant-baseline="${baseline}"${rotate}>${escapeXml(s)}</text>`,
    );
  }

  measure(s: string, size: number): number {
    return s.length * size * AVERAGE_GLYPH_WIDTH;
  }

  marks(xs: ArrayLike<number>, ys: ArrayLike<number>, w: number, h: number, fill: string): void {
    const chunk: string[] = [];
    for (let i = 0; i < xs.length; i++) chunk.push(`M${n(xs[i] - w / 2)} ${n(ys[i] - h / 2)}h${n(w)}v${n(h)}h${n(-w)}z`);
    if (chunk.length > 0) this.parts.push(`<path d="${chunk.join('')}" fill="${fill}"/>`);
  }

  clip(x: number, y: number, w: number, h: number): void {
    if (this.clipped) this.unclip();
    const id = `clip${this.clips++}`;
    this.parts.push(`<clipPath id="${id}"><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"/></clipPath><g clip-path="url(#${id})">`);
    this.clipped = true;
  }

  unclip(): void {
    if (!this.clipped) return;
    this.parts.push('</g>');
    this.clipped = false;
  }

  /** The document, piece by piece (a million-spike raster is one long path). */
  *chunks(): Generator<string> {
    this.unclip();
    yield `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">\n`;
    for (const p of this.parts) yield `${p}\n`;
    yield '</svg>\n';
  }
}

/** A coordinate with at most 2 decimals. */
function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
