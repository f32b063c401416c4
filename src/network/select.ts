import type { CellTable, Population } from './types.ts';

const POSITION_KEYS = ['x', 'y', 'z', 'xnorm', 'ynorm', 'znorm'] as const;
type PositionKey = (typeof POSITION_KEYS)[number];

/**
 * Cells matching connection / stimulation conds (network/conn.py _findPrePostCellsCondition):
 * position keys are half-open ranges lo <= v < hi, other lists are membership, other values
 * equality; a cell without the tag does not match. Returns cell indices in ascending gid order.
 */
export function selectCells(conds: Record<string, unknown>, pops: Population[], cells: CellTable, copiedTags: string[], ignore: string[] = []): Int32Array {
  const popTagKeys = new Set(['pop', ...copiedTags.filter((t) => t !== 'params')]);
  const keys = Object.keys(conds).filter((k) => !ignore.includes(k));
  // Conditions on population-level tags decide per population; the rest per cell.
  const popOk = pops.map((pop) =>
    keys.every((k) => {
      if (!popTagKeys.has(k) || POSITION_KEYS.includes(k as PositionKey)) return true;
      const value = k === 'pop' ? pop.label : pop.tags[k];
      return matches(conds[k], value);
    }),
  );
  const cellKeys = keys.filter((k) => !popTagKeys.has(k) || POSITION_KEYS.includes(k as PositionKey));
  const out: number[] = [];
  for (const pop of pops) {
    if (!popOk[pops.indexOf(pop)]) continue;
    for (let c = pop.firstCell; c < pop.firstCell + pop.cellCount; c++) {
      if (cellKeys.every((k) => cellMatches(k, conds[k], cells, c))) out.push(c);
    }
  }
  return Int32Array.from(out);
}

function cellMatches(key: string, cond: unknown, cells: CellTable, c: number): boolean {
  if ((POSITION_KEYS as readonly string[]).includes(key)) {
    const v = (cells[key as PositionKey] as Float64Array)[c];
    const [lo, hi] = cond as [number, number];
    return lo <= v && v < hi;
  }
  const extra = cells.extraTags.get(c);
  if (!extra || !(key in extra)) return false;
  return matches(cond, extra[key]);
}

function matches(cond: unknown, value: unknown): boolean {
  if (value === undefined) return false;
  if (Array.isArray(cond)) return cond.includes(value);
  return cond === value;
}
