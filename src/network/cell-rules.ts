import type { CellParams, SectionParams } from '../spec/index.ts';

/**
 * sim.utils.checkConditions, as used for cellParams conds: lists of numbers are closed ranges
 * [lo, hi] (gid: membership), lists of strings are membership, a list-valued tag (label)
 * contains the value, anything else is equality. A missing tag never matches.
 */
export function ruleConditionsMet(conds: Record<string, unknown>, tags: Record<string, unknown>, gid: number): boolean {
  for (const [key, value] of Object.entries(conds)) {
    const actual = key === 'gid' ? gid : tags[key];
    if (Array.isArray(value)) {
      if (typeof value[0] === 'number') {
        if (key === 'gid') {
          if (!value.includes(actual)) return false;
        } else if (typeof actual !== 'number' || actual < value[0] || actual > value[1]) {
          return false;
        }
      } else if (!value.includes(actual)) {
        return false;
      }
    } else if (Array.isArray(actual)) {
      if (!actual.includes(value)) return false;
    } else if (actual !== value) {
      return false;
    }
  }
  return true;
}

/** Labels of the cellParams rules that apply to a cell: conds match, or (no conds) label === cellType. */
export function matchingRules(cellParams: Record<string, CellParams>, tags: Record<string, unknown>, gid: number): string[] {
  const labels: string[] = [];
  for (const [label, rule] of Object.entries(cellParams)) {
    if (rule.cellModel !== undefined) continue; // artificial-cell rules carry params, not sections
    const conds = rule.conds;
    const met = conds && Object.keys(conds).length > 0 ? ruleConditionsMet(conds, tags, gid) : tags.cellType === label;
    if (met) labels.push(label);
  }
  return labels;
}

/** A cell rule's sections in order, each paired with the rule label (for messages). */
export function ruleSections(rule: CellParams): Array<[string, SectionParams]> {
  return Object.entries(rule.secs ?? {}) as Array<[string, SectionParams]>;
}
