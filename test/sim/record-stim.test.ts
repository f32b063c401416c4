import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulate, netStimNoiseStream, netStimTrain } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';

// simConfig.recordStim (NetPyNE cell.recordStimSpikes): simData.stims.cell_<gid>.<source> holds
// the spike times of the NetStim feeding that cell, which must be the train of that stim's own
// Random123 stream (recomputed here from its ids), up to the end of the run.

describe('recordStim (tut2)', () => {
  const spec = readFixture('netpyne/tut2.spec.json');
  const duration = 200;
  let run: Awaited<ReturnType<typeof createSimulate>>;
  let stims: Record<string, Record<string, number[]>>;
  beforeAll(async () => {
    run = await createSimulate({ ...spec, simConfig: { ...spec.simConfig, duration, recordStim: true } }, { backend: 'cpu' });
    stims = run.simData.stims as Record<string, Record<string, number[]>>;
  });

  it('records every cell, keyed by the stim source label', () => {
    expect(Object.keys(stims)).toEqual(
      Object.values(run.net.pops)
        .flatMap((p) => p.cellGids)
        .sort((a, b) => a - b)
        .map((g) => `cell_${g}`),
    );
    for (const perCell of Object.values(stims)) expect(Object.keys(perCell)).toEqual(['bkg']);
  });

  it("holds each stim's own noisy train", () => {
    const { stims: table } = run.net.data;
    for (let r = 0; r < table.count; r++) {
      const p = table.params[r];
      const ids = table.streamIds.subarray(3 * r, 3 * r + 3);
      const want = netStimTrain(
        { interval: 1e3 / (p.rate as number), number: p.number as number, start: p.start as number, noise: p.noise as number },
        netStimNoiseStream(ids[0], ids[1], ids[2]),
        duration,
      );
      const got = stims[`cell_${run.net.data.cells.gid[table.cell[r]]}`].bkg;
      expect(got.length).toBeGreaterThan(0);
      expect(got.length).toBe(want.length);
      got.forEach((t, i) => expect(Math.abs(t - want[i])).toBeLessThanOrEqual(1e-9));
    }
  });
});
