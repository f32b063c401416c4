import type { CellTable, Population } from './types.ts';

const POSITION_KEYS = ['x', 'y', 'z', 'xnorm', 'ynorm', 'znorm'] as const;
type PositionKey = (typeof POSITION_KEYS)[number];

/**
 * Cells matching connection / stimulation conds (network/conn.py _findPrePostCellsCondition):
 * position keys are half-open ranges lo <= v < hi, other lists are membership, other values
 * equality; a cell without the tag does not match. Returns cell indices in ascending gid order.
 */
export function selectCells(conds: Record<string, unknown>, pops: Population[], cells: CellTable, copiedTags: string[], ignore: string[] = []): Int32Array {
  const popTagKeys = popLevelTags(copiedTags);
  const keys = Object.keys(conds).filter((k) => !ignore.includes(k));
  const popOk = pops.map((pop) => popConditionsMet(conds, pop.label, pop.tags, popTagKeys, ignore));
  const cellKeys = keys.filter((k) => !isPopLevel(k, popTagKeys));
  const out: number[] = [];
  for (const pop of pops) {
    if (!popOk[pops.indexOf(pop)]) continue;
    for (let c = pop.firstCell; c < pop.firstCell + pop.cellCount; c++) {
      if (cellKeys.every((k) => cellMatches(k, conds[k], cells, c))) out.push(c);
    }
  }
  return Int32Array.from(out);
}

/** The tags a population's cells share: 'pop' and simConfig's popTagsCopiedToCells. */
export function popLevelTags(copiedTags: string[]): Set<string> {
  return new Set(['pop', ...copiedTags.filter((t) => t !== 'params')]);
}

/** Whether a cond on `key` is decided per population (else per cell). */
export function isPopLevel(key: string, popTagKeys: Set<string>): boolean {
  return popTagKeys.has(key) && !POSITION_KEYS.includes(key as PositionKey);
}

/** Whether a population passes the conds on population-level tags (the others are decided per cell). */
export function popConditionsMet(
  conds: Record<string, unknown>,
  label: string,
  tags: Record<string, unknown>,
  popTagKeys: Set<string>,
  ignore: string[] = [],
): boolean {
  return Object.keys(conds).every((k) => ignore.includes(k) || !isPopLevel(k, popTagKeys) || matches(conds[k], k === 'pop' ? label : tags[k]));
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
