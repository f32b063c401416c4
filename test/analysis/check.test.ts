import { describe, expect, it } from 'vitest';
import { checkAnalysis, createSimulateAnalyze, SimConfig, SpecError } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';

// simConfig.analysis is checked before anything is built (analysis/check.ts): values spikegpu
// cannot use are errors with their path, what NetPyNE accepts but spikegpu does not use is a
// warning, and a run with a bad option stops before simulating.

const spec = readFixture('netpyne/tut2.spec.json');

function check(analysis: Record<string, unknown>) {
  const diagnostics = checkAnalysis(spec.netParams, new SimConfig({ ...spec.simConfig, analysis }));
  return { errors: diagnostics.errors.map((d) => `${d.path}: ${d.message}`), warnings: diagnostics.warnings.map((d) => `${d.path}: ${d.message}`) };
}

describe('checkAnalysis', () => {
  it("accepts NetPyNE's own tutorial options", () => {
    expect(check(spec.simConfig.analysis)).toEqual({ errors: [], warnings: [] });
    expect(check({ plotRaster: { saveData: 'raster_data.json', saveFig: true, showFig: true } })).toEqual({ errors: [], warnings: [] });
  });

  it('warns about keywords NetPyNE hands to matplotlib, with a did-you-mean', () => {
    expect(check({ plotRaster: { lw: 0.3, markersize: 3 } }).warnings).toEqual([
      'simConfig.analysis.plotRaster.lw: ignored: not an option of plotRaster (NetPyNE passes it on to matplotlib)',
      "simConfig.analysis.plotRaster.markersize: ignored: not an option of plotRaster (NetPyNE passes it on to matplotlib) (did you mean 'markerSize'?)",
    ]);
  });

  it('names values it cannot use', () => {
    expect(
      check({ plotRaster: { timeRange: [5, 1] }, plotTraces: { oneFigPer: 'pop' }, plotConn: { feature: 'weights' }, plotSpikeHist: { figSize: [0, 2] } })
        .errors,
    ).toEqual([
      'simConfig.analysis.plotRaster.timeRange: [5,1] is not [t0, t1] in ms with t0 < t1',
      "simConfig.analysis.plotTraces.oneFigPer: \"pop\" is not one of 'cell', 'trace'",
      "simConfig.analysis.plotConn.feature: \"weights\" is not one of 'weight', 'delay', 'numConns', 'probability', 'strength', 'convergence', 'divergence'",
      'simConfig.analysis.plotSpikeHist.figSize: [0,2] is not [width, height] in inches',
    ]);
    expect(check({ plotRaster: { spikeHist: 'overlay' }, plotRatePSD: { transformMethod: 'fft' } }).errors).toEqual([
      'simConfig.analysis.plotRaster.spikeHist: not supported by spikegpu yet (got "overlay")',
      'simConfig.analysis.plotRatePSD.transformMethod: "fft" is not supported by spikegpu yet (it draws \'morlet\')',
    ]);
  });

  it('warns about includes that select nothing and figures it does not draw', () => {
    expect(check({ plotRaster: { include: ['S', 'Q', 45, ['M', 25]] }, plotShape: true }).warnings).toEqual([
      'simConfig.analysis.plotRaster.include[1]: neither a population nor a stim source: selects nothing (populations: S, M)',
      'simConfig.analysis.plotRaster.include[2]: not the gid of a cell (0 .. 39): selects nothing',
      "simConfig.analysis.plotRaster.include[3]: not a cell index of population 'M' (0 .. 19): selects nothing",
      'simConfig.analysis.plotShape: not drawn: spikegpu draws plotRaster, plotSpikeHist, plotRatePSD, plotTraces, plotConn, plot2Dnet, plotSpikeStats',
    ]);
  });

  it('stops createSimulateAnalyze before the simulation', async () => {
    let progress = 0;
    const bad = { ...spec, simConfig: { ...spec.simConfig, analysis: { plotRaster: { timeRange: 'all' } } } };
    await expect(createSimulateAnalyze(bad, { backend: 'cpu', onProgress: () => progress++ })).rejects.toThrow(SpecError);
    expect(progress).toBe(0);
  });
});
