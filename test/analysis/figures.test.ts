import { beforeAll, describe, expect, it } from 'vitest';
import { FIGURES } from '../../src/analysis/analyze.ts';
import type { Figure } from '../../src/analysis/figure.ts';
import { createSimulate, SvgPainter } from '../../src/index.ts';
import { figurePng } from '../../src/io/figure-files.ts';
import { readFixture } from '../helpers/fixtures.ts';

// Every figure of simConfig.analysis on tutorial 2 (CPU, 1 s): the numbers it shows, that it
// draws as SVG and PNG, and the errors for options that are wrong or not supported.

const spec = readFixture('netpyne/tut2.spec.json');
let input: Parameters<(typeof FIGURES)['plotRaster']>[0];
beforeAll(async () => {
  const run = await createSimulate({ ...spec, simConfig: { ...spec.simConfig, recordStim: true } }, { backend: 'cpu' });
  input = { net: run.net, simData: run.simData };
});

const one = (name: string, options: unknown = true): Figure => [FIGURES[name](input, options)].flat()[0];

function drawsEverywhere(fig: Figure): void {
  const svg = new SvgPainter(fig.width, fig.height);
  fig.draw(svg);
  expect([...svg.chunks()].join('')).toMatch(/^<svg [^>]*width="\d+" height="\d+"/);
  const png = figurePng(fig);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([fig.width, fig.height]);
}

describe('plotRaster', () => {
  it('shows the spikes of the included cells with NetPyNE title and rates', () => {
    const fig = one('plotRaster');
    expect(fig.file).toBe('tut2_raster.png');
    expect(fig.data.spkTimes).toEqual(input.simData.spkt);
    expect(fig.data.title).toMatch(/^cells: 40 {3}syn\/cell: 7\.0 {3}rate: 23\.3 Hz$/);
    expect((fig.data.popRates as Record<string, number>).M).toBeCloseTo(input.simData.spkid.filter((g) => g >= 20).length / 20, 12);
    drawsEverywhere(fig);
  });
  it('includes NetStim trains (recordStim) and a time window', () => {
    const fig = one('plotRaster', { include: ['M', 'allNetStims'], timeRange: [100, 200], syncLines: true });
    expect((fig.data.spkTimes as number[]).every((t) => t >= 100 && t <= 200)).toBe(true);
    expect((fig.data.spkGids as number[]).every((g) => g >= 20)).toBe(true);
    expect(Object.keys(fig.data.popRates as object)).toEqual(['M', 'NetStims']);
    expect(fig.data.title).toMatch(/sync: \d\.\d\d$/);
    drawsEverywhere(fig);
  });
  it('names bad options', () => {
    expect(() => one('plotRaster', { spikeHist: 'overlay' })).toThrow('simConfig.analysis.plotRaster.spikeHist: not supported by spikegpu yet (got "overlay")');
    expect(() => one('plotRaster', { timeRange: [5, 1] })).toThrow('plotRaster.timeRange: [5,1] is not [t0, t1] in ms with t0 < t1');
    expect(() => one('plotRaster', { orderBy: 'colour' })).toThrow(/plotRaster.orderBy: 'colour' is not a numeric tag of cell 0/);
  });
});

it('plotSpikeHist: rate per cell in NetPyNE bins', () => {
  const fig = one('plotSpikeHist', { include: ['allCells'], binSize: 10 });
  const [rates] = fig.data.histoData as number[][];
  expect(rates.length).toBe(99);
  const counted = input.simData.spkt.filter((t) => t <= 990).length;
  expect((rates.reduce((s, r) => s + r, 0) * 40 * 10) / 1000).toBeCloseTo(counted, 9);
  drawsEverywhere(fig);
});

it('plotRatePSD: a spectrum per include entry', () => {
  const fig = one('plotRatePSD');
  expect((fig.data.allFreqs as number[][]).map((f) => f.length)).toEqual([100, 100, 100]);
  expect(() => one('plotRatePSD', { transformMethod: 'fft' })).toThrow(/transformMethod: "fft" is not supported/);
  drawsEverywhere(fig);
});

it('plotTraces: the recorded V_soma of cell 1', () => {
  const fig = one('plotTraces', { include: [1] });
  const data = fig.data.tracesData as Record<string, number[]>;
  expect(data.V_soma).toEqual((input.simData.V_soma as Record<string, number[]>).cell_1.slice(0, 10000));
  expect(data.t[1]).toBeCloseTo(0.1, 12);
  expect(FIGURES.plotTraces(input, { include: [1], oneFigPer: 'trace' }) as Figure[]).toHaveLength(1);
  drawsEverywhere(fig);
});

it('plotConn: counts, probability and strength between populations', () => {
  const count = one('plotConn', { feature: 'numConns' }).data;
  expect(count.includePre).toEqual(['S', 'M', 'bkg']);
  expect(count.connMatrix).toEqual([
    [0, 240],
    [0, 0],
    [20, 20],
  ]);
  const p = one('plotConn', { feature: 'probability' }).data.connMatrix as number[][];
  expect(p[0][1]).toBeCloseTo(240 / 400, 15);
  const strength = one('plotConn').data.connMatrix as number[][];
  expect(strength[0][1]).toBeCloseTo(0.6 * 240 * spec.netParams.connParams['S->M'].weight, 12);
  expect(() => one('plotConn', { feature: 'probability', groupBy: 'cell' })).toThrow(/with groupBy 'cell'/);
  drawsEverywhere(one('plotConn', { groupBy: 'cell', feature: 'weight' }));
});

it('plot2Dnet: positions of the included cells', () => {
  const fig = one('plot2Dnet');
  expect((fig.data.posX as number[]).length).toBe(40);
  expect(fig.data.posY).toEqual(Array.from(input.net.data.cells.y));
  drawsEverywhere(fig);
});

it('plotSpikeStats: a figure per statistic', () => {
  const figs = FIGURES.plotSpikeStats(input, { stats: ['rate', 'isicv'] }) as Figure[];
  expect(figs.map((f) => f.file)).toEqual(['tut2_spikeStat_boxplot_rate.png', 'tut2_spikeStat_boxplot_isicv.png']);
  expect((figs[0].data.statData as number[][]).map((v) => v.length)).toEqual([40, 20, 20]);
  expect(() => FIGURES.plotSpikeStats(input, { stats: ['sync'] })).toThrow(/'sync' \(SPIKE synchrony from pyspike\) is not supported/);
  figs.forEach(drawsEverywhere);
});
