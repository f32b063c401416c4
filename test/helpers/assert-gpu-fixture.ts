import { expect } from 'vitest';
import type { GpuFixtureResult } from './gpu-fixture-check.ts';

/**
 * Issue 4's bound for WebGPU (f32): every v trace within 0.05 mV RMS of NEURON and the same
 * spike steps. The Izhikevich fixture keeps the CPU f32 backend's documented bound
 * (test/sim/neuron-fixtures.test.ts): same spike count, each spike within 2 steps.
 */
export function assertGpuFixture(r: GpuFixtureResult): void {
  if (r.izhikevich) {
    expect(r.got.length, r.name).toBe(r.want.length);
    r.got.forEach((m, i) => expect(Math.abs(m - r.want[i]), `${r.name} spike ${i} [steps]`).toBeLessThanOrEqual(2));
    return;
  }
  expect(Object.keys(r.rms).length, r.name).toBeGreaterThan(0);
  for (const [trace, rms] of Object.entries(r.rms)) expect(rms, `${r.name} ${trace} RMS`).toBeLessThanOrEqual(0.05);
  expect(r.got, r.name).toEqual(r.want);
}
