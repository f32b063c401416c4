import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulateAnalyze, netpyneJsonChunks } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';

// createSimulateAnalyze on tutorial 2: the population rates NetPyNE prints, NetPyNE's saved-data
// layout per saveDataInclude, the saveJson path, and the figures of simConfig.analysis.

describe('createSimulateAnalyze (tut2)', () => {
  const spec = readFixture('netpyne/tut2.spec.json');
  const want = readFixture('netpyne/tut2.spikes.json');
  const warnings: string[] = [];
  let run: Awaited<ReturnType<typeof createSimulateAnalyze>>;
  beforeAll(async () => {
    run = await createSimulateAnalyze(spec, { backend: 'cpu', onWarning: (w) => warnings.push(w) });
  });

  it('simulates the fixture spikes and rates', () => {
    expect(run.simData.spkid).toEqual(want.spkid);
    for (const [pop, p] of Object.entries(run.net.pops)) {
      const n = want.spkid.filter((g: number) => p.cellGids.includes(g)).length;
      expect(run.analysis.popRates[pop]).toBeCloseTo((n / p.cellGids.length / spec.simConfig.duration) * 1e3, 12);
    }
  });

  it("writes NetPyNE's saved-data layout", () => {
    const saved = JSON.parse([...run.analysis.savedData()].join(''));
    const created = JSON.parse([...netpyneJsonChunks(run.net)].join(''));
    expect(Object.keys(saved)).toEqual(['net', 'simConfig', 'simData', 'netpyne_version']);
    expect(Object.keys(saved.net)).toEqual(['cells', 'pops', 'params']);
    expect(saved.net.cells).toEqual(created.net.cells);
    expect(saved.simData.spkt).toEqual(run.simData.spkt);
    expect(saved.simConfig.duration).toBe(spec.simConfig.duration);
    expect(run.analysis.saveJsonPath).toBe('tut2_data.json');
  });

  it("draws the figures of simConfig.analysis under NetPyNE's file names", () => {
    expect(run.analysis.figures.map((f) => [f.kind, f.file, f.saveFig])).toEqual([
      ['plotRaster', 'tut2_raster.png', true],
      ['plotTraces', 'tut2_traces.png', true],
      ['plot2Dnet', 'tut2_plot_2Dnet.png', true],
    ]);
    expect(run.analysis.skipped).toEqual([]);
    expect(run.analysis.figures[0].data.popRates).toEqual(run.analysis.popRates);
  });

  it('reports the analysis functions it does not draw', async () => {
    const lfp = await createSimulateAnalyze(
      { ...spec, simConfig: { ...spec.simConfig, duration: 5, analysis: { plotRaster: true, plotShape: true } } },
      { backend: 'cpu', onWarning: (w) => warnings.push(w) },
    );
    expect(lfp.analysis.skipped).toEqual(['plotShape']);
    expect(warnings.some((w) => /^simConfig\.analysis\.plotShape: not drawn: spikegpu draws plotRaster, /.test(w))).toBe(true);
  });

  it('saves only the parts saveDataInclude names', async () => {
    const only = await createSimulateAnalyze(
      { ...spec, simConfig: { ...spec.simConfig, duration: 5, saveDataInclude: ['simData'], saveFolder: 'out/' } },
      { backend: 'cpu' },
    );
    expect(Object.keys(JSON.parse([...only.analysis.savedData()].join('')))).toEqual(['simData', 'netpyne_version']);
    expect(only.analysis.saveJsonPath).toBe('out/tut2_data.json');
  });
});
