import type { Network } from '../network/index.ts';

// NetPyNE's `include` (analysis/utils.py getCellsInclude, analysis/tools.py getInclude): which
// cells and which stimulus sources a figure shows. Items: 'all' (every cell and stim source;
// later items are ignored), 'allCells', 'allNetStims' (every stim source), a gid, a population
// or stim source label, ['pop', i] or ['pop', [i, ...]] (indices within the population), or a
// list of gids and labels. Unlike NetPyNE, an unknown label or gid is an error, not an empty set.

export interface Selection {
  /** Gids, ascending. */
  cells: number[];
  /** Stim source labels (NetStim spikes, from simData.stims), in stimSourceParams order. */
  stims: string[];
}

export function resolveInclude(net: Network, include: unknown, path: string): Selection {
  const pops = net.pops;
  const stimLabels = Object.keys(net.data.netParams.stimSourceParams);
  const gids = new Set(net.data.cells.gid);
  const cells = new Set<number>();
  const stims = new Set<string>();
  const allCells = () => gids.forEach((g) => cells.add(g));
  const label = (item: string, at: string) => {
    if (stimLabels.includes(item)) stims.add(item);
    else if (item in pops) pops[item].cellGids.forEach((g) => cells.add(g));
    else throw new Error(`${at}: '${item}' is neither a population (${Object.keys(pops).join(', ')}) nor a stim source (${stimLabels.join(', ') || 'none'})`);
  };
  const gid = (item: number, at: string) => {
    if (!Number.isInteger(item) || !gids.has(item)) throw new Error(`${at}: ${item} is not the gid of a cell (0 .. ${net.cellCount - 1})`);
    cells.add(item);
  };
  const items = Array.isArray(include) ? include : [include];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const at = Array.isArray(include) ? `${path}[${i}]` : path;
    if (item === 'all') {
      allCells();
      stimLabels.forEach((s) => stims.add(s));
      break;
    }
    if (item === 'allCells') allCells();
    else if (item === 'allNetStims') stimLabels.forEach((s) => stims.add(s));
    else if (typeof item === 'number') gid(item, at);
    else if (typeof item === 'string') label(item, at);
    else if (Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && item[0] in pops && (typeof item[1] === 'number' || Array.isArray(item[1]))) {
      const members = pops[item[0]].cellGids;
      for (const k of Array.isArray(item[1]) ? item[1] : [item[1]]) {
        if (!Number.isInteger(k) || k < 0 || k >= members.length) throw new Error(`${at}: index ${JSON.stringify(k)} is not a cell of population '${item[0]}' (0 .. ${members.length - 1})`);
        cells.add(members[k]);
      }
    } else if (Array.isArray(item)) {
      item.forEach((x, j) => {
        if (typeof x === 'number') gid(x, `${at}[${j}]`);
        else if (typeof x === 'string') label(x, `${at}[${j}]`);
        else throw new Error(`${at}[${j}]: ${JSON.stringify(x)} is not a gid or a label`);
      });
    } else {
      throw new Error(`${at}: ${JSON.stringify(item)} is not an include item (expected 'all', 'allCells', 'allNetStims', a gid, a population or stim label, or ['pop', index or [indices]])`);
    }
  }
  return { cells: [...cells].sort((a, b) => a - b), stims: stimLabels.filter((s) => stims.has(s)) };
}

/** NetPyNE's 'eachPop' item: removed, and every population appended at the end. */
export function expandEachPop(net: Network, include: unknown[]): unknown[] {
  if (!include.includes('eachPop')) return include;
  return [...include.filter((x) => x !== 'eachPop'), ...Object.keys(net.pops)];
}
