// The page's figures: spikegpu's own plotRaster and plotTraces (the code that writes PNG and
// SVG files in Node), drawn on a canvas through CanvasPainter.
import { CanvasPainter, type Context2D, type Figure } from '../../src/index.ts';

export function drawFigure(canvas: HTMLCanvasElement, fig: Figure): void {
  canvas.width = fig.width;
  canvas.height = fig.height;
  const ctx = canvas.getContext('2d')!;
  // spike markers go straight into the pixels (a million spikes draw in well under a second)
  const pixels = () => {
    const image = ctx.getImageData(0, 0, fig.width, fig.height);
    return { data: image.data, commit: () => ctx.putImageData(image, 0, 0) };
  };
  fig.draw(new CanvasPainter(ctx as unknown as Context2D, fig.width, fig.height, '"DejaVu Sans", sans-serif', pixels));
}
