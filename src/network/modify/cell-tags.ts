import { cellTags } from '../cells.ts';
import type { NetworkData } from '../types.ts';
import type { AttributeReader } from './conds.ts';

// Cell tags as the modify API's conditions see them (Cell.checkConditions: cell.tags plus 'gid').

/** cell.tags of cell c: population tags copied to cells, pop, position, cellsList extras, rule labels. */
export function cellTagsOf(d: NetworkData, c: number): Record<string, unknown> {
  const tags = cellTags(d.pops, d.cells, c, d.netParams.popTagsCopiedToCells ?? []);
  const t = d.cells.template[c];
  if (t >= 0 && d.simConfig.includeParamsLabel) tags.label = d.templates[t].ruleLabels;
  return tags;
}

export function cellTagReader(d: NetworkData, c: number): AttributeReader {
  const tags = cellTagsOf(d, c);
  return (key) => tags[key];
}

/** Every tag key some cell of the network has, plus 'gid'. */
export function knownCellTags(d: NetworkData): Set<string> {
  const keys = new Set<string>(['gid', 'pop', 'x', 'y', 'z', 'xnorm', 'ynorm', 'znorm']);
  for (const key of d.netParams.popTagsCopiedToCells ?? []) if (key !== 'params') keys.add(key);
  if (d.simConfig.includeParamsLabel && d.templates.length > 0) keys.add('label');
  for (const extra of d.cells.extraTags.values()) for (const key of Object.keys(extra)) keys.add(key);
  return keys;
}
