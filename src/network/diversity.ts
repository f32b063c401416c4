import type { CellParams, NetParamsData } from '../spec/index.ts';

// Cell diversity (NetPyNE network.py _setDiversityRanges, pop.py _diversityFractions): the cells
// of a population with `diversity` get the tag fraction = i / numCells, and the cell rules with
// a diversityFraction split [0, 1) between them, in cellParams order, per (cellType,
// cellModel, pop) of their conds.

/** NetPyNE's correction at the ends of each fraction range. */
const CORRECTION = 1e-12;

/** Writes conds.fraction = [start, end] into every rule with a diversityFraction, as NetPyNE does. */
export function setDiversityRanges(net: NetParamsData): void {
  const ends = new Map<string, number>();
  for (const rule of Object.values(net.cellParams) as CellParams[]) {
    if (rule.diversityFraction === undefined) continue;
    const conds = (rule.conds ??= {});
    const key = JSON.stringify([conds.cellType ?? null, conds.cellModel ?? null, conds.pop ?? null]);
    const start = ends.get(key);
    const end = (start ?? 0) + rule.diversityFraction;
    conds.fraction = start === undefined ? [0, end - CORRECTION] : [start - CORRECTION, end - CORRECTION];
    ends.set(key, end);
  }
}

/** The fraction tag of cell i of n (np.arange(0, n, dtype=float64) / n; not shuffled). */
export function diversityFraction(i: number, n: number): number {
  return i / n;
}
