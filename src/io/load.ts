import type { Network, ResourceLimits } from '../network/index.ts';
import { create } from '../sim/create.ts';
import { isPlainObject } from '../spec/deep-ordered.ts';
import { parseOrderedJson } from '../spec/json.ts';

// NetPyNE's loadSimulate for a saved-data file with `net.cells` (a network NetPyNE, or
// spikegpu, instantiated and saved): the network is re-created from the file's net.params and
// simConfig, as NetPyNE's loadNet re-applies the cellParams rules to the saved cells, and then
// checked against net.cells cell by cell: gids, populations, positions, section geometry and
// mechanisms, and each connection's source, section, location and synMech must be those
// saved; weights and delays are taken from the file (a network changed with modifyConns
// loads as saved). A difference in structure is an error naming the cell and the field:
// spikegpu does not build networks from net.cells alone.
// NetPyNE's saveJSON sorts keys alphabetically: populations are put back in the order of their
// first gids (as loadNet does) and connectivity rules in the order their connections appear.

export interface LoadOptions extends ResourceLimits {
  /** simConfig entries overriding the saved ones (run and recording settings, as NetPyNE's loadSimulate(filename, simConfig)). */
  simConfig?: Record<string, unknown>;
  onWarning?: (message: string) => void;
}

export class LoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadError';
  }
}

type Obj = Record<string, unknown>;

/** The network saved in a NetPyNE saved-data file (JSON text or its parsed, order-keeping object). */
export function loadNetwork(input: string | Obj, options: LoadOptions = {}, source = 'saved data'): Network {
  const raw = (typeof input === 'string' ? parseOrderedJson(input, source) : input) as Obj;
  const saved = raw.net as Obj | undefined;
  if (!saved || !Array.isArray(saved.cells)) throw new LoadError(`${source}: no net.cells (save with simConfig.saveDataInclude containing 'netCells')`);
  if (!isPlainObject(saved.params))
    throw new LoadError(`${source}: no net.params: NetPyNE's loadSimulate needs the netParams too (saveDataInclude 'netParams')`);
  const cells = saved.cells as Obj[];
  if (cells.some((c) => Array.isArray(c.conns) && (c.conns as unknown[]).some(Array.isArray))) {
    throw new LoadError(
      `${source}: net.cells holds connections in NetPyNE's compactConnFormat, which spikegpu does not load (save with simConfig.compactConnFormat = false)`,
    );
  }
  const netParams = { ...saved.params };
  netParams.popParams = reorder(netParams.popParams as Obj, popOrder(saved, cells));
  netParams.connParams = reorder(netParams.connParams as Obj, labelsInOrder(cells));
  const simConfig = { ...(isPlainObject(raw.simConfig) ? raw.simConfig : {}), ...options.simConfig };
  const net = create({ netParams, simConfig }, { onWarning: options.onWarning, maxMemoryBytes: options.maxMemoryBytes });
  reconcile(net, cells, source);
  return net;
}

function reconcile(net: Network, cells: Obj[], source: string): void {
  if (cells.length !== net.cellCount) throw new LoadError(`${source}: net.cells has ${cells.length} cells, its netParams create ${net.cellCount}`);
  const d = net.data;
  cells.forEach((saved, i) => {
    const at = `${source}: net.cells[${i}]`;
    const made = net.cell(i);
    same(saved.gid, made.gid, `${at}.gid`);
    const tags = (saved.tags ?? {}) as Obj;
    same(tags.pop, made.tags.pop, `${at}.tags.pop`);
    for (const k of ['x', 'y', 'z']) {
      if (typeof tags[k] === 'number' && Math.abs((tags[k] as number) - (made.tags[k] as number)) > 1e-9 * Math.max(1, Math.abs(tags[k] as number))) {
        throw new LoadError(`${at}.tags.${k} = ${tags[k]}, but its netParams place the cell at ${made.tags[k]}`);
      }
    }
    const secs = (saved.secs ?? {}) as Record<string, Obj>;
    for (const [name, sec] of Object.entries(secs)) {
      const mine = (made.secs as Record<string, Obj>)[name];
      if (!mine) throw new LoadError(`${at}.secs.${name}: no such section in the cell its netParams create`);
      for (const part of ['geom', 'mechs', 'topol']) {
        const where = firstDifference(sec[part] ?? {}, mine[part] ?? {}, `${at}.secs.${name}.${part}`);
        if (where) throw new LoadError(`${where.path} = ${canonical(where.saved)}, but its netParams give ${canonical(where.made)}`);
      }
    }
    const conns = (saved.conns ?? []) as Obj[];
    const c = net.indexOfGid(made.gid);
    const rows = d.conns.byPost.subarray(d.conns.postStart[c], d.conns.postStart[c + 1]);
    if (conns.length !== rows.length) throw new LoadError(`${at}.conns: ${conns.length} connections saved, its netParams create ${rows.length}`);
    conns.forEach((conn, k) => {
      const mine = made.conns[k];
      for (const key of ['preGid', 'preLabel', 'sec', 'loc', 'synMech']) {
        if (key in conn || key in mine) same(conn[key], mine[key], `${at}.conns[${k}].${key}`);
      }
      if (typeof conn.weight === 'number') d.conns.weight[rows[k]] = conn.weight;
      if (typeof conn.delay === 'number') {
        if (!(conn.delay >= 0)) throw new LoadError(`${at}.conns[${k}].delay = ${conn.delay}: expected a delay >= 0 ms`);
        d.conns.delay[rows[k]] = conn.delay;
      }
    });
    const stims = (saved.stims ?? []) as Obj[];
    if (stims.length !== made.stims.length) throw new LoadError(`${at}.stims: ${stims.length} stims saved, its netParams create ${made.stims.length}`);
    stims.forEach((stim, k) => {
      for (const [key, value] of Object.entries(stim)) {
        if (key === 'label' || key.startsWith('h')) continue;
        same(value, made.stims[k][key], `${at}.stims[${k}].${key}`);
      }
    });
  });
}

function same(saved: unknown, made: unknown, path: string): void {
  const norm = (v: unknown) => (typeof v === 'number' ? v : canonical(v ?? null));
  if (norm(saved) !== norm(made))
    throw new LoadError(
      `${path} = ${canonical(saved)}, but its netParams give ${canonical(made)} (spikegpu re-creates the saved network from net.params and checks it against net.cells)`,
    );
}

/**
 * The first place where a saved value differs from the re-created one: numbers beyond 1e-12
 * relative, other values, or keys missing in the re-created cell. A saved string where a number
 * was made is a string function, which both evaluate from the same random stream.
 */
function firstDifference(saved: unknown, made: unknown, path: string): { path: string; saved: unknown; made: unknown } | null {
  if (typeof saved === 'string' && typeof made !== 'string') return null;
  if (typeof saved === 'number' && typeof made === 'number')
    return Math.abs(saved - made) <= 1e-12 * Math.max(1, Math.abs(saved)) ? null : { path, saved, made };
  if (Array.isArray(saved) && Array.isArray(made) && saved.length === made.length) {
    for (let i = 0; i < saved.length; i++) {
      const d = firstDifference(saved[i], made[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isPlainObject(saved) && isPlainObject(made)) {
    for (const k of Object.keys(saved)) {
      const d = firstDifference(saved[k], made[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return canonical(saved) === canonical(made) ? null : { path, saved, made };
}

/** JSON with object keys sorted (NetPyNE's saveJSON order), for comparing. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isPlainObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** Population labels by their first gid (net.pops' cellGids, else the cells' tags). */
function popOrder(saved: Obj, cells: Obj[]): string[] {
  const first = new Map<string, number>();
  if (isPlainObject(saved.pops)) {
    for (const [label, pop] of Object.entries(saved.pops)) {
      const gids = isPlainObject(pop) && Array.isArray(pop.cellGids) ? (pop.cellGids as number[]) : [];
      first.set(label, gids.length > 0 ? Math.min(...gids) : Infinity);
    }
  }
  cells.forEach((cell) => {
    const pop = (cell.tags as Obj | undefined)?.pop;
    if (typeof pop === 'string' && !first.has(pop)) first.set(pop, cell.gid as number);
  });
  return [...first.entries()].sort((a, b) => a[1] - b[1]).map(([label]) => label);
}

/** Connectivity rule labels in the order their connections first appear in the cells' lists. */
function labelsInOrder(cells: Obj[]): string[] {
  const seen: string[] = [];
  for (const cell of cells)
    for (const conn of (cell.conns ?? []) as Obj[]) if (typeof conn.label === 'string' && !seen.includes(conn.label)) seen.push(conn.label);
  return seen;
}

/** `dict` with the keys in `order` first (those present), the rest after in their order. */
function reorder(dict: Obj | undefined, order: string[]): Obj {
  if (!dict) return {};
  const out: Obj = {};
  for (const k of order) if (k in dict) out[k] = dict[k];
  for (const k of Object.keys(dict)) if (!(k in out)) out[k] = dict[k];
  return out;
}
