import type { Network } from '../network/index.ts';
import { type SimulateOptions, type SimulationResult, simulate } from '../sim/simulate.ts';
import { type LoadOptions, loadNetwork } from './load.ts';

/** NetPyNE's sim.loadSimulate(filename, simConfig): the saved network (net.cells), simulated. */
export async function loadSimulate(
  saved: string | Record<string, unknown>,
  options: SimulateOptions & LoadOptions = {},
): Promise<SimulationResult & { net: Network }> {
  const net = loadNetwork(saved, options);
  return { net, ...(await simulate(net, options)) };
}
