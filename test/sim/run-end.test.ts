import { expect, it } from 'vitest';
import { createSimulate } from '../../src/index.ts';

// The end of a run as NEURON 8.2.2 has it (scripts/neuron-run-end.py): the last step closes by
// delivering the events with time <= t (9.999999999999966 after 400 steps of 0.025 ms), so a
// NetStim firing at 9.99 ms still reaches its IntFire1 target, which fires at once; one at
// 10.0 ms does not fire at all.

it('delivers the events up to the final t, and no later ones', async () => {
  const popParams: Record<string, unknown> = {};
  const connParams: Record<string, unknown> = {};
  for (const [i, start] of [9.98, 9.99, 10.0, 10.01].entries()) {
    popParams[`ns${i}`] = { cellModel: 'NetStim', numCells: 1, start, number: 1, noise: 0, interval: 5 };
    popParams[`if${i}`] = { cellModel: 'IntFire1', numCells: 1 };
    connParams[`c${i}`] = { preConds: { pop: `ns${i}` }, postConds: { pop: `if${i}` }, weight: 2, delay: 0 };
  }
  const { simData } = await createSimulate({ netParams: { popParams, connParams }, simConfig: { duration: 10, dt: 0.025 } }, { backend: 'cpu' });
  // gids: ns0 0, if0 1, ns1 2, if1 3, ...
  expect(simData.spkid).toEqual([0, 1, 2, 3]);
  expect(simData.spkt[0]).toBe(9.98);
  expect(simData.spkt[1]).toBe(9.98);
  expect(simData.spkt[2]).toBeCloseTo(9.990000000000002, 12);
  expect(simData.spkt[3]).toBeCloseTo(9.990000000000002, 12);
});
