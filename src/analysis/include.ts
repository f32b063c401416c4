import type { Network } from '../network/index.ts';
import type { Diagnostics } from '../spec/index.ts';
import { OptionError } from './figure.ts';

// NetPyNE's `include` (analysis/utils.py getCellsInclude, analysis/tools.py getInclude): which
// cells and which stimulus sources a figure shows. Items: 'all' (every cell and stim source;
// later items are ignored), 'allCells', 'allNetStims' (every stim source), 'eachPop' (where a
// figure takes it), a gid, a population or stim source label, ['pop', i] or ['pop', [i, ...]]
// (indices within the population), or a list of gids and labels. As in NetPyNE, a label or gid
// that names nothing selects nothing; checkInclude warns about it before the network exists.

export interface Selection {
  /** Gids, ascending. */
  cells: number[];
  /** Stim source labels (NetStim spikes, from simData.stims), in stimSourceParams order. */
  stims: string[];
}

/** The populations and stim sources an include can name, with population sizes where known. */
export interface IncludeNames {
  pops: Map<string, number | undefined>;
  stims: string[];
  /** All cells, when every population's size is known without building the network. */
  cellCount?: number;
}

type Item =
  | { kind: 'all' | 'allCells' | 'allNetStims' | 'eachPop' }
  | { kind: 'gid'; gid: number }
  | { kind: 'label'; label: string }
  | { kind: 'popCells'; pop: string; indices: unknown[] }
  | { kind: 'list'; items: unknown[] };

/** Classifies one include item, or throws an OptionError for a malformed one. */
function classify(item: unknown, at: string, pops: { has(label: string): boolean }): Item {
  if (item === 'all' || item === 'allCells' || item === 'allNetStims' || item === 'eachPop') return { kind: item };
  if (typeof item === 'number') return { kind: 'gid', gid: item };
  if (typeof item === 'string') return { kind: 'label', label: item };
  if (Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && pops.has(item[0]) && (typeof item[1] === 'number' || Array.isArray(item[1]))) {
    return { kind: 'popCells', pop: item[0], indices: Array.isArray(item[1]) ? item[1] : [item[1]] };
  }
  if (Array.isArray(item)) {
    item.forEach((x, j) => {
      if (typeof x !== 'number' && typeof x !== 'string') throw new OptionError(`${at}[${j}]`, x, `${JSON.stringify(x)} is not a gid or a label`);
    });
    return { kind: 'list', items: item };
  }
  throw new OptionError(
    at,
    item,
    `${JSON.stringify(item)} is not an include item (expected 'all', 'allCells', 'allNetStims', a gid, a population or stim label, or ['pop', index or [indices]])`,
  );
}

function items(include: unknown, path: string): Array<[unknown, string]> {
  return Array.isArray(include) ? include.map((x, i) => [x, `${path}[${i}]`]) : [[include, path]];
}

/**
 * Checks an include before the network exists: malformed items are OptionErrors; labels, gids
 * and indices that would select nothing are warnings (NetPyNE draws nothing for them).
 */
export function checkInclude(include: unknown, path: string, names: IncludeNames, diagnostics: Diagnostics): void {
  const label = (l: string, at: string) => {
    if (!names.pops.has(l) && !names.stims.includes(l))
      diagnostics.warning(at, l, `neither a population nor a stim source: selects nothing (populations: ${[...names.pops.keys()].join(', ')})`);
  };
  const gid = (g: number, at: string) => {
    if (!Number.isInteger(g) || g < 0 || (names.cellCount !== undefined && g >= names.cellCount))
      diagnostics.warning(at, g, `not the gid of a cell${names.cellCount !== undefined ? ` (0 .. ${names.cellCount - 1})` : ''}: selects nothing`);
  };
  for (const [item, at] of items(include, path)) {
    const c = classify(item, at, names.pops);
    if (c.kind === 'gid') gid(c.gid, at);
    else if (c.kind === 'label') label(c.label, at);
    else if (c.kind === 'list') c.items.forEach((x, j) => (typeof x === 'number' ? gid(x, `${at}[${j}]`) : label(String(x), `${at}[${j}]`)));
    else if (c.kind === 'popCells') {
      const size = names.pops.get(c.pop);
      for (const k of c.indices) {
        if (!Number.isInteger(k) || (k as number) < 0 || (size !== undefined && (k as number) >= size))
          diagnostics.warning(at, k, `not a cell index of population '${c.pop}'${size !== undefined ? ` (0 .. ${size - 1})` : ''}: selects nothing`);
      }
    }
  }
}

export function resolveInclude(net: Network, include: unknown, path: string): Selection {
  const pops = net.pops;
  const stimLabels = Object.keys(net.data.netParams.stimSourceParams);
  const gids = new Set(net.data.cells.gid);
  const cells = new Set<number>();
  const stims = new Set<string>();
  const popNames = { has: (l: string) => l in pops };
  const allCells = () => gids.forEach((g) => cells.add(g));
  const label = (item: string) => {
    if (stimLabels.includes(item)) stims.add(item);
    else if (item in pops) pops[item].cellGids.forEach((g) => cells.add(g));
  };
  const gid = (g: number) => {
    if (gids.has(g)) cells.add(g);
  };
  for (const [item, at] of items(include, path)) {
    const c = classify(item, at, popNames);
    if (c.kind === 'all') {
      allCells();
      stimLabels.forEach((s) => stims.add(s));
      break;
    }
    if (c.kind === 'allCells') allCells();
    else if (c.kind === 'allNetStims') stimLabels.forEach((s) => stims.add(s));
    else if (c.kind === 'gid') gid(c.gid);
    else if (c.kind === 'label') label(c.label);
    else if (c.kind === 'popCells') {
      const members = pops[c.pop].cellGids;
      for (const k of c.indices) if (Number.isInteger(k) && (k as number) >= 0 && (k as number) < members.length) cells.add(members[k as number]);
    } else if (c.kind === 'list') c.items.forEach((x) => (typeof x === 'number' ? gid(x) : label(String(x))));
  }
  return { cells: [...cells].sort((a, b) => a - b), stims: stimLabels.filter((s) => stims.has(s)) };
}

/** NetPyNE's 'eachPop' item: removed, and every population appended at the end. */
export function expandEachPop(net: Network, include: unknown[]): unknown[] {
  if (!include.includes('eachPop')) return include;
  return [...include.filter((x) => x !== 'eachPop'), ...Object.keys(net.pops)];
}
