import type { NetworkData } from '../network/index.ts';
import type { GroupBuilder } from './groups.ts';

// Event-driven artificial cells (IntFire1/2/4 populations): one mechanism instance per cell,
// with no node, holding the parameters NEURON's object ends up with. NetStim and VecStim
// populations are fixed spike trains instead (trains.ts).

/** Models simulated as fixed spike trains, not as mechanism instances. */
export const TRAIN_MODELS: ReadonlySet<string> = new Set(['NetStim', 'VecStim']);

export interface ArtificialCells {
  /** Per cell: the [group, instance] of its artificial mechanism, or -1. */
  group: Int32Array;
  instance: Int32Array;
}

export function compileArtificialCells(d: NetworkData, groups: GroupBuilder): ArtificialCells {
  const { pointCells, cells } = d;
  const group = new Int32Array(cells.count).fill(-1);
  const instance = new Int32Array(cells.count).fill(-1);
  for (let r = 0; r < pointCells.cells.length; r++) {
    const model = pointCells.model[r];
    if (TRAIN_MODELS.has(model)) continue;
    const c = pointCells.cells[r];
    const path = `netParams.popParams.${d.pops[cells.pop[c]].label} (cell gid ${cells.gid[c]})`;
    [group[c], instance[c]] = groups.add(model, path, -1, c, 1, Object.entries(pointCells.mechParams[r]));
  }
  return { group, instance };
}
