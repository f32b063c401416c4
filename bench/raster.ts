// Raster rendering benchmark (issue 5): a raster of 1 000 000 spikes (10 000 cells in two
// populations, 100 spikes each over 1 s, random times from a fixed LCG) drawn by plotRaster and
// written as PNG (pureimage + pngjs) and SVG; reports the time of each stage.
//   node dist/bench/raster.js [--spikes 1000000] [--out bench/results/raster.json] [--png raster.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { plotRaster } from '../src/analysis/figures/raster.ts';
import { create } from '../src/index.ts';
import { figurePng, figureSvg } from '../src/io/figure-files.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const total = Number(option('--spikes', '1000000'));
const out = option('--out', 'bench/results/raster.json');
const pngPath = args.includes('--png') ? option('--png', '') : null;
const cells = 10000;
const net = create({
  netParams: { popParams: { E: { cellModel: 'NetStim', numCells: cells * 0.8, rate: 10 }, I: { cellModel: 'NetStim', numCells: cells * 0.2, rate: 10 } } },
  simConfig: { duration: 1000, filename: 'bench_raster' },
});
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const spkt = Array.from({ length: total }, () => random() * 1000).sort((a, b) => a - b);
const spkid = spkt.map(() => Math.floor(random() * cells));
const simData = { spkt, spkid, avgRate: total / cells };
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1e3];
};
const [fig, prepare] = time(() => plotRaster({ net, simData }, { saveFig: true }));
const [png, pngSeconds] = time(() => figurePng(fig));
const [svg, svgSeconds] = time(() => figureSvg(fig));
const result = {
  benchmark: 'raster',
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cpus: cpus().length,
  spikes: total,
  cells,
  width: fig.width,
  height: fig.height,
  prepareSeconds: prepare,
  pngSeconds,
  pngBytes: png.length,
  svgSeconds,
  svgBytes: svg.length,
};
console.log(
  `raster of ${total} spikes (${cells} cells): prepare ${prepare.toFixed(2)} s, PNG ${pngSeconds.toFixed(2)} s (${(png.length / 1024).toFixed(0)} KiB), SVG ${svgSeconds.toFixed(2)} s (${(svg.length / 2 ** 20).toFixed(1)} MiB)`,
);
if (pngPath) writeFileSync(pngPath, png);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`wrote ${out}`);
