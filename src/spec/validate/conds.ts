import { asLabel, type Diagnostics, didYouMean, joinPath } from '../diagnostics.ts';
import type { SpecIndex } from './spec-index.ts';

const POSITION_TAGS = new Set(['x', 'y', 'z', 'xnorm', 'ynorm', 'znorm']);
const NOTHING = 'the condition selects no cell (NetPyNE accepts it and the rule creates nothing)';

export type CondsFlavour =
  /** conn / subConn / stim targets: location ranges half-open [lo, hi), other lists are value sets */
  | 'selection'
  /** cellParams / recordTraces conds: numeric 2-lists are closed ranges [lo, hi] */
  | 'rule';

/**
 * Checks a conds object: non-empty ranges are required; tags no cell has, and undefined pops or
 * cell types, select no cell, which NetPyNE accepts silently (the rule creates nothing): they
 * are warnings.
 */
export function checkConds(conds: unknown, path: string, index: SpecIndex, diagnostics: Diagnostics, flavour: CondsFlavour, extraKeys: string[] = []): void {
  if (conds === undefined || conds === null) return;
  if (typeof conds !== 'object' || Array.isArray(conds)) {
    diagnostics.error(path, conds, 'expected an object of cell conditions');
    return;
  }
  for (const [key, value] of Object.entries(conds as Record<string, unknown>)) {
    const keyPath = joinPath(path, key);
    if (extraKeys.includes(key)) continue;
    if (key === 'gid' && flavour === 'rule') continue;
    if (!index.cellTags.has(key)) {
      diagnostics.warning(keyPath, value, `no cell has the tag '${key}'${didYouMean(key, [...index.cellTags, ...extraKeys])}; ${NOTHING}`);
      continue;
    }
    if (POSITION_TAGS.has(key) || (flavour === 'rule' && Array.isArray(value) && typeof value[0] === 'number')) {
      checkRange(value, keyPath, diagnostics, flavour === 'rule');
    } else if (key === 'pop') {
      for (const pop of asList(value))
        if (!index.pops.includes(asLabel(pop))) diagnostics.warning(keyPath, pop, `undefined population${didYouMean(asLabel(pop), index.pops)}; ${NOTHING}`);
    } else if (key === 'cellType') {
      for (const t of asList(value))
        if (!index.cellTypes.has(asLabel(t))) diagnostics.warning(keyPath, t, `undefined cellType${didYouMean(asLabel(t), index.cellTypes)}; ${NOTHING}`);
    }
  }
}

function checkRange(value: unknown, path: string, diagnostics: Diagnostics, inclusive: boolean): void {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    diagnostics.error(path, value, 'expected a range [low, high]');
    return;
  }
  const [lo, hi] = value as [number, number];
  if (inclusive ? lo > hi : lo >= hi) diagnostics.error(path, value, `empty range: expected low ${inclusive ? '<=' : '<'} high`);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
