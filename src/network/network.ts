import { type Catalog, orderedDict } from '../spec/index.ts';
import { cellTags } from './cells.ts';
import {
  type ModifyCellsParams,
  type ModifyConnsParams,
  type ModifyStimsParams,
  type ModifySynMechsParams,
  modifyCells,
  modifyConns,
  modifyStims,
  modifySynMechs,
} from './modify/index.ts';
import type { NetworkData } from './types.ts';
import { cellConns, cellSecs, cellStims, connRecord, type RealisedSection, realisedSections } from './views.ts';

/** A cell as NetPyNE shows it (sim.net.cells[i]), built on demand from the compact tables. */
export interface CellView {
  gid: number;
  tags: Record<string, unknown>;
  /** Sections in NetPyNE's layout, string functions replaced by the values drawn for this cell. */
  secs: Record<string, Record<string, unknown>>;
  secLists: Record<string, string[]>;
  conns: Record<string, unknown>[];
  stims: Record<string, unknown>[];
  /** Artificial cells: the point process parameters (NetPyNE PointCell.params). */
  params?: Record<string, unknown>;
}

/** The instantiated network: compact tables (`data`) with NetPyNE-like views. */
export class Network {
  readonly data: NetworkData;
  /** `net.pops[label]`: {tags, cellGids}. */
  readonly pops: Record<string, { tags: Record<string, unknown>; cellGids: number[] }>;
  /** `net.cells[i]` (ascending gid) as a NetPyNE-like cell view; `net.cells.length` cells. */
  readonly cells: ReadonlyArray<CellView>;
  private readonly gidIndex: Map<number, number>;

  /** The mechanisms the network was built with (built-ins and loaded mod files). */
  readonly catalog: Catalog;

  constructor(data: NetworkData, catalog: Catalog) {
    this.data = data;
    this.catalog = catalog;
    this.pops = orderedDict(
      data.pops.map(
        (p) =>
          [
            p.label,
            {
              tags: p.tags,
              cellGids: Array.from(data.cells.gid.subarray(p.firstCell, p.firstCell + p.cellCount)),
            },
          ] as const,
      ),
    );
    this.gidIndex = new Map(Array.from(data.cells.gid, (g, i) => [g, i]));
    this.cells = lazyArray(data.cells.count, (i) => this.cell(i));
  }

  get cellCount(): number {
    return this.data.cells.count;
  }

  /** Synapses (NetCon targets), NetStim synapses included. */
  get connCount(): number {
    return this.data.conns.count;
  }

  get warnings(): string[] {
    return this.data.warnings;
  }

  /** Row of the cell with this gid, or -1. */
  indexOfGid(gid: number): number {
    return this.gidIndex.get(gid) ?? -1;
  }

  /** Cell i's tags as NetPyNE records them (pop, cellType, x, y, z, xnorm, ...; label with includeParamsLabel). */
  cellTags(i: number): Record<string, unknown> {
    const d = this.data;
    if (!(i >= 0 && i < d.cells.count)) throw new RangeError(`cell index ${i} out of range [0, ${d.cells.count})`);
    const tags = cellTags(d.pops, d.cells, i, d.netParams.popTagsCopiedToCells ?? []);
    const t = d.cells.template[i];
    if (t >= 0 && d.simConfig.includeParamsLabel) tags.label = [...d.templates[t].ruleLabels];
    return tags;
  }

  cell(i: number): CellView {
    return this.view(i, cellConns(this.data, i));
  }

  /**
   * Cell i's view for writing it out: its conns are made one at a time as they are read, so a
   * cell with millions of synapses never has them all as objects at once.
   */
  cellToSave(i: number): CellView {
    const { byPost, postStart } = this.data.conns;
    return this.view(
      i,
      lazyArray(postStart[i + 1] - postStart[i], (k) => connRecord(this.data, byPost[postStart[i] + k])),
    );
  }

  private view(i: number, conns: ReadonlyArray<Record<string, unknown>>): CellView {
    const d = this.data;
    const tags = this.cellTags(i);
    const t = d.cells.template[i];
    const view: CellView = {
      gid: d.cells.gid[i],
      tags,
      secs: t >= 0 ? cellSecs(d, i) : {},
      secLists: t >= 0 ? Object.fromEntries(d.templates[t].secLists) : {},
      conns: conns as Record<string, unknown>[],
      stims: cellStims(d, i),
    };
    if (t < 0) view.params = d.pointCells.params[d.cells.row[i]];
    return view;
  }

  /** Every section's realised values for cell i (NEURON defaults included): L, diam, Ra, cm, nseg, mechanisms per segment. */
  realisedSections(i: number): Record<string, RealisedSection> {
    return realisedSections(this.data, i);
  }

  /** NetPyNE's sim.net.modifyCells: applies params.secs to the cells matching params.conds; returns how many changed. */
  modifyCells(params: ModifyCellsParams): number {
    return modifyCells(this, params);
  }

  /** NetPyNE's sim.net.modifySynMechs: sets synMech parameters of matching synapses; returns how many changed. */
  modifySynMechs(params: ModifySynMechsParams): number {
    return modifySynMechs(this, params);
  }

  /** NetPyNE's sim.net.modifyConns: sets weight, delay or threshold of matching connections; returns how many changed. */
  modifyConns(params: ModifyConnsParams): number {
    return modifyConns(this, params);
  }

  /** NetPyNE's sim.net.modifyStims: sets parameters of matching stimuli; returns how many changed. */
  modifyStims(params: ModifyStimsParams): number {
    return modifyStims(this, params);
  }
}

/** A read-only array-like of length n whose elements are made on access. */
function lazyArray<T>(n: number, make: (i: number) => T): ReadonlyArray<T> {
  const target: T[] = [];
  return new Proxy(target, {
    get(t, key) {
      if (key === 'length') return n;
      if (typeof key === 'string' && /^\d+$/.test(key)) return Number(key) < n ? make(Number(key)) : undefined;
      if (key === Symbol.iterator)
        return function* () {
          for (let i = 0; i < n; i++) yield make(i);
        };
      const method = Reflect.get(Array.prototype, key);
      if (typeof method === 'function')
        return (...args: unknown[]) =>
          method.apply(
            Array.from({ length: n }, (_, i) => make(i)),
            args,
          );
      return Reflect.get(t, key);
    },
    has(_, key) {
      return typeof key === 'string' && /^\d+$/.test(key) ? Number(key) < n : key === 'length';
    },
  });
}
