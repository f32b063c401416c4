import { describe, expect, it } from 'vitest';
import { formatG } from '../../src/analysis/figure.ts';
import { checkInclude, resolveInclude } from '../../src/analysis/include.ts';
import { morletSpectrum } from '../../src/analysis/spectrum.ts';
import { cellRates, histogram, isiCVs, syncMeasure } from '../../src/analysis/spikes.ts';
import { create, Diagnostics } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';

// The statistics behind the figures, on inputs with known answers.

describe('histogram (NetPyNE bins: edges t0, t0 + binSize, ... below t1)', () => {
  it('counts per bin, the last bin closed, spikes after the last edge dropped', () => {
    const h = histogram([0, 4.9, 5, 9.99, 10, 12, 14.999, 15, 19.5, 20], 0, 20, 5);
    // edges 0, 5, 10, 15: bins [0,5) [5,10) [10,15]
    expect(Array.from(h.centers)).toEqual([2.5, 7.5, 12.5]);
    expect(Array.from(h.counts)).toEqual([2, 2, 4]);
  });
  it('rejects a bin size that is not positive', () => {
    expect(() => histogram([], 0, 10, 0)).toThrow(/binSize: 0 is not a positive number of ms/);
  });
});

describe('cell statistics', () => {
  const spikes = { times: [1, 2, 3, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], gids: [5, 5, 5, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7] };
  it('rates [Hz] of spiking cells, silent ones on request', () => {
    expect(cellRates(spikes, [5, 6, 7], 0, 1000, false)).toEqual([3, 11]);
    expect(cellRates(spikes, [5, 6, 7], 0, 500, true)).toEqual([6, 0, 22]);
  });
  it('ISI CV of cells with more than 10 spikes: 0 for a regular train', () => {
    expect(isiCVs(spikes)).toEqual([0]);
    const irregular = { times: [0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 15], gids: Array(11).fill(1) };
    // intervals alternate 1 and 2: mean 1.5, population std 0.5
    expect(isiCVs(irregular)[0]).toBeCloseTo(1 / 3, 14);
  });
  it("NetPyNE's sync measure", () => {
    expect(syncMeasure([0, 1, 2, 3], 4)).toBe(0);
    expect(syncMeasure([0, 0.1, 0.2, 0.3], 4)).toBe(0.75);
  });
});

describe('Morlet spectrum (plotRatePSD)', () => {
  it('peaks at the frequency of a sinusoidal rate', () => {
    const fs = 200;
    const signal = Array.from({ length: 400 }, (_, i) => 10 + 5 * Math.sin((2 * Math.PI * 12 * i) / fs));
    const s = morletSpectrum(signal, fs, 1, 40, 1);
    expect(s.freqs.length).toBe(40);
    expect(s.freqs[s.power.indexOf(Math.max(...s.power))]).toBe(12);
  });
  it('has no power for a constant or linear rate (detrended)', () => {
    const s = morletSpectrum(
      Array.from({ length: 200 }, (_, i) => 3 + 0.1 * i),
      200,
      5,
      20,
      5,
    );
    expect(Math.max(...s.power)).toBeLessThan(1e-20);
  });
});

describe("include (NetPyNE's getCellsInclude)", () => {
  const net = create(readFixture('netpyne/tut2.spec.json'));
  it('resolves every form', () => {
    expect(resolveInclude(net, ['allCells'], 'i').cells.length).toBe(40);
    expect(resolveInclude(net, 'all', 'i')).toEqual({ cells: Array.from({ length: 40 }, (_, i) => i), stims: ['bkg'] });
    expect(resolveInclude(net, ['allNetStims'], 'i')).toEqual({ cells: [], stims: ['bkg'] });
    expect(resolveInclude(net, [3, 'M'], 'i').cells).toEqual([3, ...Array.from({ length: 20 }, (_, i) => 20 + i)]);
    expect(
      resolveInclude(
        net,
        [
          ['M', 2],
          ['S', [0, 4]],
        ],
        'i',
      ).cells,
    ).toEqual([0, 4, 22]);
    expect(resolveInclude(net, [[1, 'bkg']], 'i')).toEqual({ cells: [1], stims: ['bkg'] });
  });
  it('selects nothing for what names nothing, as NetPyNE; checkInclude warns about it before the network exists', () => {
    const nothing = [['X'], [40], [['S', 20]]];
    for (const include of nothing) expect(resolveInclude(net, include, 'a.include')).toEqual({ cells: [], stims: [] });
    const diagnostics = new Diagnostics();
    const names = {
      pops: new Map([
        ['S', 20],
        ['M', 20],
      ]),
      stims: ['bkg'],
      cellCount: 40,
    };
    for (const include of nothing) checkInclude(include, 'a.include', names, diagnostics);
    expect(diagnostics.errors).toEqual([]);
    expect(diagnostics.warnings.map((d) => `${d.path}: ${d.message}`)).toEqual([
      'a.include[0]: neither a population nor a stim source: selects nothing (populations: S, M)',
      'a.include[0]: not the gid of a cell (0 .. 39): selects nothing',
      "a.include[0]: not a cell index of population 'S' (0 .. 19): selects nothing",
    ]);
    expect(() => resolveInclude(net, [{ pop: 'S' }], 'a.include')).toThrow('a.include[0]: {"pop":"S"} is not an include item');
  });
});

it("formats numbers as Python's %.3g", () => {
  expect([36.35, 10.2, 0.000123456, 12345, 100, 0.5, 999.96].map((x) => formatG(x, 3))).toEqual([
    '36.4',
    '10.2',
    '0.000123',
    '1.23e+04',
    '100',
    '0.5',
    '1e+03',
  ]);
});
