import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulateAnalyze, netpyneJsonChunks } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';

// createSimulateAnalyze on tutorial 2: the population rates NetPyNE prints, NetPyNE's saved-data
// layout per saveDataInclude, the saveJson path, and the figures not drawn by this version.

describe('createSimulateAnalyze (tut2)', () => {
  const spec = readFixture('netpyne/tut2.spec.json');
  const want = readFixture('netpyne/tut2.spikes.json');
  const warnings: string[] = [];
  let run: Awaited<ReturnType<typeof createSimulateAnalyze>>;
  beforeAll(async () => { run = await createSimulateAnalyze(spec, { backend: 'cpu', onWarning: (w) => warnings.push(w) }); });

  it('simulates the fixture spikes and rates', () => {
    expect(run.simData.spkid).toEqual(want.spkid);
    for (const [pop, p] of Object.entries(run.net.pops)) {
      const n = want.spkid.filter((g: number) => p.cellGids.includes(g)).length;
      expect(run.analysis.popRates[pop]).toBeCloseTo(n / p.cellGids.length / spec.simConfig.duration * 1e3, 12);
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

  it('reports the figures it does not draw', () => {
    expect(run.analysis.skipped).toEqual(['plotRaster', 'plotTraces', 'plot2Dnet']);
    expect(warnings).toContain('simConfig.analysis.plotRaster: figures are not drawn by this version of spikegpu (the data is saved)');
  });

  it('saves only the parts saveDataInclude names', async () => {
    const only = await createSimulateAnalyze({ ...spec, simConfig: { ...spec.simConfig, duration: 5, saveDataInclude: ['simData'], saveFolder: 'out/' } }, { backend: 'cpu' });
    expect(Object.keys(JSON.parse([...only.analysis.savedData()].join('')))).toEqual(['simData', 'netpyne_version']);
    expect(only.analysis.saveJsonPath).toBe('out/tut2_data.json');
  });
});
