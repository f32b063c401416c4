import type { SimConfigData } from '../../spec/index.ts';
import { checkPopColors } from '../colors.ts';
import { Axes, drawLegend, legendWidth, plotBox } from '../draw/frame.ts';
import { choiceOption, type Figure, type FigureInput, figureFile, numberOption, OptionError, readOptions, timeRange } from '../figure.ts';
import { morletSpectrum } from '../spectrum.ts';
import { histogram } from '../spikes.ts';
import { includeGroups } from './groups.ts';

// plotRatePSD (NetPyNE spikes_legacy.plotRatePSD, transformMethod 'morlet'): per include entry
// the population rate [Hz per cell] in bins of binSize ms, and its Morlet power spectrum
// (spectrum.ts) from minFreq to maxFreq by stepFreq; drawn below maxFreq as NetPyNE does.

const DEFAULTS = {
  include: ['eachPop', 'allCells'] as unknown,
  timeRange: null as unknown,
  binSize: 5 as unknown,
  minFreq: 1 as unknown,
  maxFreq: 100 as unknown,
  stepFreq: 1 as unknown,
  transformMethod: 'morlet' as unknown,
  norm: false as unknown,
  overlay: true as unknown,
  popColors: null as unknown,
  ylim: null as unknown,
  lineWidth: 1.5 as unknown,
};

/** plotRatePSD's options, checked without the network. */
export function ratePsdOptions(given: unknown, path: string, cfg: SimConfigData) {
  const o = readOptions(path, given, DEFAULTS, ['NFFT', 'noverlap', 'smooth']);
  choiceOption(`${path}.transformMethod`, o.transformMethod, ['morlet'], true);
  if (o.overlay !== true) throw new OptionError(`${path}.overlay`, o.overlay, 'false (one axes per entry) is not supported by spikegpu yet');
  checkPopColors(o.popColors, path);
  const minFreq = numberOption(`${path}.minFreq`, o.minFreq, (x) => x > 0, 'a frequency in Hz');
  return {
    ...o,
    range: timeRange(path, cfg, o.timeRange),
    binSize: numberOption(`${path}.binSize`, o.binSize, (x) => x > 0, 'a bin size in ms'),
    minFreq,
    maxFreq: numberOption(`${path}.maxFreq`, o.maxFreq, (x) => x > minFreq, 'a frequency above minFreq'),
    stepFreq: numberOption(`${path}.stepFreq`, o.stepFreq, (x) => x > 0, 'a frequency step'),
  };
}

export function plotRatePSD(input: FigureInput, given: unknown, path = 'simConfig.analysis.plotRatePSD'): Figure {
  const o = ratePsdOptions(given, path, input.net.data.simConfig);
  const { size, fontSize, binSize, minFreq, maxFreq, stepFreq } = o;
  const [t0, t1] = o.range;
  const fs = 1000 / binSize;
  const groups = includeGroups(input, o.include, o.popColors, t0, t1, path);
  let series = groups.map((g) => {
    const h = histogram(g.times, t0, t1, binSize);
    const rate = Array.from(h.counts, (c) => (c * (1000 / binSize)) / Math.max(1, g.size));
    const s = morletSpectrum(rate, fs, minFreq, maxFreq, stepFreq);
    return { label: g.label, color: g.color, freqs: s.freqs, power: s.power };
  });
  if (o.norm) {
    const max = Math.max(0, ...series.flatMap((s) => s.power));
    if (max > 0) series = series.map((s) => ({ ...s, power: s.power.map((x) => x / max) }));
  }
  return {
    kind: 'plotRatePSD',
    file: figureFile(input, o.saveFig, '_plot_spikePSD.png'),
    saveFig: Boolean(o.saveFig),
    ...size,
    data: { allSignal: series.map((s) => s.power), allFreqs: series.map((s) => s.freqs) },
    draw(p) {
      const legend = series.map((s) => ({ label: s.label, color: s.color }));
      const box = plotBox(p, fontSize, legendWidth(p, legend, fontSize));
      const shown = series.map((s) => ({ ...s, n: s.freqs.filter((f) => f < maxFreq).length }));
      const top = Math.max(1e-12, ...shown.flatMap((s) => s.power.slice(0, s.n))) * 1.05;
      const ylim = Array.isArray(o.ylim) && o.ylim.length === 2 ? (o.ylim as [number, number]) : ([0, top] as [number, number]);
      const axes = new Axes(p, box, { x: [0, maxFreq], y: ylim, xlabel: 'Frequency (Hz)', ylabel: 'Power', fontSize });
      axes.clip();
      const lw = numberOption(`${path}.lineWidth`, o.lineWidth, (x) => x > 0, 'a line width');
      for (const s of shown)
        p.polyline(
          s.freqs.slice(0, s.n).map((f) => axes.x(f)),
          s.power.slice(0, s.n).map((y) => axes.y(y)),
          s.color,
          lw,
        );
      p.unclip();
      axes.draw();
      drawLegend(p, box, legend, fontSize);
    },
  };
}
