/// <reference types="node" />
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import * as PImage from 'pureimage';
import { CanvasPainter, type Context2D } from '../analysis/draw/canvas.ts';
import { SvgPainter } from '../analysis/draw/svg.ts';
import type { Figure } from '../analysis/figure.ts';
import { FileError, type OutputDir } from './files.ts';

// Figures to files in Node (spikegpu/node and the CLI only): PNG through pureimage (a canvas
// 2D context in plain JavaScript, text in DejaVu Sans from the dejavu-fonts-ttf package) and
// pngjs; SVG through SvgPainter. The format follows the file's extension.

const FAMILY = 'DejaVu Sans';
let fontLoaded = false;

function loadFont(): void {
  if (fontLoaded) return;
  const path = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  PImage.registerFont(path, FAMILY).loadSync();
  fontLoaded = true;
}

/** The figure as PNG bytes. */
export function figurePng(fig: Figure): Buffer {
  loadFont();
  const bitmap = PImage.make(fig.width, fig.height);
  const ctx = bitmap.getContext('2d') as unknown as Context2D;
  fig.draw(new CanvasPainter(ctx, fig.width, fig.height, FAMILY, () => ({ data: bitmap.data, commit: () => {} })));
  const png = new PNG({ width: fig.width, height: fig.height });
  png.data = Buffer.from(bitmap.data.buffer, bitmap.data.byteOffset, bitmap.data.byteLength);
  // one fixed row filter (Sub): pngjs otherwise tries all five on every row, which is most of the time
  return PNG.sync.write(png, { filterType: 1 });
}

/** The figure as an SVG document. */
export function figureSvg(fig: Figure): string {
  const svg = new SvgPainter(fig.width, fig.height);
  fig.draw(svg);
  return [...svg.chunks()].join('');
}

/** Writes the figure to `path` under `dir` (default its NetPyNE file name), PNG or SVG by extension; returns the path written. */
export async function writeFigure(fig: Figure, dir: OutputDir, path = fig.file, what = `simConfig.analysis.${fig.kind}`): Promise<string> {
  const lower = path.toLowerCase();
  if (!lower.endsWith('.svg') && !lower.endsWith('.png')) throw new FileError(`${what}: '${path}': figures are written as .png or .svg`);
  dir.resolve(path, what);
  return dir.write(path, what, lower.endsWith('.svg') ? figureSvg(fig) : figurePng(fig));
}
