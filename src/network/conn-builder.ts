import { CONN_RANGES, inRange, type NetParamsData, type SimConfigData } from '../spec/index.ts';
import { sectionLength } from './cell-geometry.ts';
import type { CellsResult } from './cells.ts';
import { Column, stableOrderBy } from './columns.ts';
import { NetworkBuildError } from './errors.ts';
import { placeSynapses, resolveSections } from './placement.ts';
import { pyRoundHalfEven } from './py.ts';
import { SynMechFunctions } from './synmech-functions.ts';
import type { ConnTable, PointProcessTemplate, SectionTemplate, SynMechValues } from './types.ts';

/** One connection request: NetPyNE's params dict for Cell.addConn, as mutable fields (reused, no allocation). */
export interface ConnRequest {
  pre: number; // cell index, -1 for a NetStim
  preGid: number; // gid, or -1 for a NetStim
  post: number;
  rule: number; // connParams index, -1 for stimulation
  stim: number; // first StimTable row for NetStim synapses (one per synapse), else -1
  sec: unknown;
  loc: number | number[] | null;
  synMech: string | null;
  weight: number | number[] | null;
  delay: number | number[] | null;
  synsPerConn: number | null;
  connRandomSecFromList: boolean;
  distributeSynsUniformly: boolean;
  path: string;
}

export function newRequest(): ConnRequest {
  return {
    pre: -1,
    preGid: -1,
    post: 0,
    rule: -1,
    stim: -1,
    sec: undefined,
    loc: null,
    synMech: null,
    weight: null,
    delay: null,
    synsPerConn: null,
    connRandomSecFromList: true,
    distributeSynsUniformly: true,
    path: '',
  };
}

function checkedDelay(d: number, r: ConnRequest): number {
  if (!inRange(CONN_RANGES.delay, d)) throw new NetworkBuildError(r.path, d, `expected ${CONN_RANGES.delay.expected}`);
  return d;
}

/**
 * Appends connections in NetPyNE's creation order (Cell.addConn for compartmental and point
 * cells). Each synapse is a row; rows are grouped by post cell at the end.
 */
/** A connection that targets no synMech instance. */
const NO_SYNAPSE = { id: -1, row: -1 };

export class ConnBuilder {
  readonly pre = new Column(Int32Array);
  readonly post = new Column(Int32Array);
  readonly rule = new Column(Int32Array);
  readonly synMech = new Column(Int32Array);
  readonly sec = new Column(Int32Array);
  readonly loc = new Column(Float64Array);
  readonly weight = new Column(Float64Array);
  readonly delay = new Column(Float64Array);
  readonly stim = new Column(Int32Array);
  readonly weightIndex = new Column(Uint8Array);
  readonly synMechRow = new Column(Int32Array);
  readonly synapse = new Column(Int32Array);
  private synapseCount = 0;
  /** oneSynPerNetcon false: synapses by (post cell, section, synMech, loc), with their synMech rows. */
  private readonly sharedSynapses = new Map<string, { id: number; row: number }>();
  private readonly synMechLabels: string[];
  readonly synMechs: SynMechFunctions;
  /** NetStim synapses created by the last addConn call (for the stimulation stage). */
  lastCreated = 0;
  private readonly fellBackWarned = new Set<string>();

  constructor(
    private readonly built: CellsResult,
    private readonly net: NetParamsData,
    private readonly cfg: SimConfigData,
    private readonly warnings: string[],
    /** The most connections the memory limit pays for (limits.ts connectionBudget). */
    private readonly maxConnections = Infinity,
  ) {
    this.synMechLabels = Object.keys(net.synMechParams);
    this.synMechs = new SynMechFunctions(built, net, cfg);
  }

  /** Refuses (naming the rule at `path`) when `n` more connections would pass the memory limit's budget. */
  checkRoom(n: number, path: string): void {
    if (this.count + n > this.maxConnections)
      throw new NetworkBuildError(
        path,
        undefined,
        `makes more connections than the memory limit pays for (${this.maxConnections} in all; maxMemoryBytes, spikegpu --max-memory)`,
      );
  }

  reserve(n: number, path: string): void {
    this.checkRoom(n, path);
    for (const c of [
      this.pre,
      this.post,
      this.rule,
      this.synMech,
      this.sec,
      this.loc,
      this.weight,
      this.delay,
      this.stim,
      this.weightIndex,
      this.synMechRow,
      this.synapse,
    ])
      c.reserve(n);
  }

  get count(): number {
    return this.pre.length;
  }

  /** Cell.addConn: returns the number of synapses created. */
  add(r: ConnRequest): number {
    const isPoint = this.built.cells.template[r.post] < 0;
    this.lastCreated = isPoint ? this.addToPointCell(r) : this.addToCompartCell(r);
    return this.lastCreated;
  }

  private addToCompartCell(r: ConnRequest): number {
    const { cells, templates } = this.built;
    const t = cells.template[r.post];
    const template = templates[t];
    const gid = cells.gid[r.post];
    const synsPerConn = r.synsPerConn ?? 1;
    const { sections, fellBack } = this.sections(t, r.sec);
    if (fellBack) this.warnSectionFallback(r, template.index);
    if (sections.length === 0) return 0;
    if (r.preGid === gid && !this.cfg.allowSelfConns) return 0;
    const scale = this.weightScale(r);
    // Artificial point process with its own voltage (vref) on a single target section: conns target it directly.
    if (sections.length === 1) {
      const pointp = this.vrefPointp(t, sections[0]);
      if (pointp) {
        if (synsPerConn > 1) return 0; // NetPyNE refuses several synapses per connection here
        const index = pointp.synList && r.synMech ? Math.max(0, pointp.synList.indexOf(r.synMech)) : 0;
        const synMech = r.synMech === null ? -1 : this.synMechIndex(r.synMech, r.path);
        this.push(
          r,
          synMech,
          sections[0],
          typeof r.loc === 'number' ? r.loc : NaN,
          scale * this.scalar(r.weight, this.net.defaultWeight, r, 'weight'),
          this.delayOf(r),
          index,
          NO_SYNAPSE,
          0,
        );
        return 1;
      }
    }
    const synMech = this.synMechIndex(r.synMech ?? this.synMechLabels[0], r.path);
    if (synsPerConn === 1 && sections.length === 1 && !Array.isArray(r.weight) && !Array.isArray(r.delay)) {
      // One synapse on one section: NetPyNE's placement reduces to the (first) loc.
      const loc = r.loc === null ? 0.5 : Array.isArray(r.loc) ? r.loc[0] : r.loc;
      const syn = this.addSynMech(synMech, r.post, sections[0], loc);
      const weight = this.normalised(template.sections[sections[0]], loc, scale * (r.weight ?? this.net.defaultWeight));
      if (!this.cfg.allowConnsWithWeight0 && weight === 0.0) return 0;
      this.push(r, synMech, sections[0], loc, weight, this.delayOf(r), 0, syn, 0);
      return 1;
    }
    const weights = this.weights(r, synsPerConn, scale);
    const delays = this.delays(r, synsPerConn);
    const placement = placeSynapses(
      {
        template,
        lengths: (s) => sectionLength(template, cells, r.post, s, this.cfg),
        gid,
        preGidForStream: r.preGid >= 0 ? r.preGid : 0,
        sec: r.sec,
        loc: r.loc,
        synsPerConn,
        connRandomSecFromList: r.connRandomSecFromList,
        distributeSynsUniformly: r.distributeSynsUniformly,
        path: r.path,
      },
      sections,
    );
    const syns = placement.sections.map((sec, i) => this.addSynMech(synMech, r.post, sec, placement.locs[i]));
    for (let i = 0; i < synsPerConn; i++) weights[i] = this.normalised(template.sections[placement.sections[i]], placement.locs[i], weights[i]);
    let created = 0;
    for (let i = 0; i < synsPerConn; i++) {
      if (!this.cfg.allowConnsWithWeight0 && weights[i] === 0.0) continue;
      this.push(r, synMech, placement.sections[i], placement.locs[i], weights[i], delays[i], 0, syns[i], created++);
    }
    return created;
  }

  /** weight times the section's weightNorm at int(round(loc*nseg)) - 1 (Python indexing), if any. */
  private normalised(sec: SectionTemplate, loc: number, weight: number): number {
    const norm = sec.weightNorm;
    if (!norm) return weight;
    const k = pyRoundHalfEven(loc * sec.nseg) - 1;
    return weight * norm[k < 0 ? norm.length + k : k];
  }

  private readonly sectionCache: Array<Map<unknown, { sections: number[]; fellBack: boolean }>> = [];
  private sections(template: number, sec: unknown): { sections: number[]; fellBack: boolean } {
    const cache = (this.sectionCache[template] ??= new Map());
    let resolved = cache.get(sec);
    if (!resolved) cache.set(sec, (resolved = resolveSections(this.built.templates[template], sec)));
    return resolved;
  }

  private readonly vrefCache: Array<Array<PointProcessTemplate | null>> = [];
  private vrefPointp(template: number, section: number): PointProcessTemplate | null {
    const perTemplate = (this.vrefCache[template] ??= this.built.templates[template].sections.map(
      (sec) => [...sec.pointps.values()].find((p) => p.vref !== undefined) ?? null,
    ));
    return perTemplate[section];
  }

  private readonly synMechIndices = new Map<string, number>();
  private synMechIndex(label: string | undefined, path: string): number {
    if (label === undefined) throw new NetworkBuildError(path, null, 'no synaptic mechanism available: define synMechParams');
    let i = this.synMechIndices.get(label);
    if (i === undefined) this.synMechIndices.set(label, (i = this.synMechLabels.indexOf(label)));
    return i;
  }

  private scalar(value: number | number[] | null, fallback: number, r: ConnRequest, what: string): number {
    if (Array.isArray(value)) throw new NetworkBuildError(r.path, value, `a list of ${what}s needs synsPerConn > 1`);
    return value ?? fallback;
  }

  private delayOf(r: ConnRequest): number {
    return checkedDelay(this.scalar(r.delay, this.net.defaultDelay, r, 'delay'), r);
  }

  private addToPointCell(r: ConnRequest): number {
    const synsPerConn = r.synsPerConn ?? 1;
    if (r.preGid === this.built.cells.gid[r.post]) return 0; // PointCell.addConn always skips self-connections
    const weights = this.weights(r, synsPerConn, this.weightScale(r));
    const delays = this.delays(r, synsPerConn);
    const loc = typeof r.loc === 'number' ? r.loc : NaN;
    const synMech = r.synMech === null ? -1 : this.synMechIndex(r.synMech, r.path);
    for (let i = 0; i < synsPerConn; i++) this.push(r, synMech, -1, loc, weights[i], delays[i], 0, NO_SYNAPSE, i);
    return synsPerConn;
  }

  /**
   * CompartCell.addSynMech: a new synapse (its string functions drawn now), or with
   * oneSynPerNetcon false the synMech of this label already at (section, loc), whose functions
   * are not evaluated again (compartCell.py:758-767).
   */
  private addSynMech(synMech: number, post: number, sec: number, loc: number): { id: number; row: number } {
    const key = this.cfg.oneSynPerNetcon ? '' : `${post}|${sec}|${synMech}|${loc}`;
    const existing = key && this.sharedSynapses.get(key);
    if (existing) return existing;
    const syn = { id: this.synapseCount++, row: this.synMechs.instance(synMech, post, sec, loc) };
    if (key) this.sharedSynapses.set(key, syn);
    return syn;
  }

  private push(
    r: ConnRequest,
    synMech: number,
    sec: number,
    loc: number,
    weight: number,
    delay: number,
    weightIndex: number,
    syn: { id: number; row: number },
    i: number,
  ): void {
    this.checkRoom(1, r.path);
    this.pre.push(r.pre);
    this.post.push(r.post);
    this.rule.push(r.rule);
    this.synMech.push(synMech);
    this.sec.push(sec);
    this.loc.push(loc);
    this.weight.push(weight);
    this.delay.push(delay);
    this.stim.push(r.stim >= 0 ? r.stim + i : -1);
    this.weightIndex.push(weightIndex);
    this.synMechRow.push(syn.row);
    this.synapse.push(syn.id);
  }

  /** Cell._connWeightsAndDelays scale factor: NetStims, the post cell's model, or the global factor. */
  private weightScale(r: ConnRequest): number {
    const net = this.net;
    if (r.pre < 0) return net.scaleConnWeightNetStims;
    const models = net.scaleConnWeightModels;
    if (!models) return net.scaleConnWeight;
    const pop = this.built.pops[this.built.cells.pop[r.post]];
    const model = pop.cellModel ?? (pop.tags.cellModel as string | undefined);
    return typeof models === 'object' && model !== undefined && model in models ? models[model] : net.scaleConnWeight;
  }

  private weights(r: ConnRequest, n: number, scale: number): number[] {
    const w = r.weight ?? this.net.defaultWeight;
    if (Array.isArray(w)) {
      if (w.length !== n) throw new NetworkBuildError(r.path, w, `number of weights must match synsPerConn (${n})`);
      return w.map((v) => scale * v);
    }
    return Array(n).fill(scale * w);
  }

  private delays(r: ConnRequest, n: number): number[] {
    const d = r.delay ?? this.net.defaultDelay;
    if (Array.isArray(d)) {
      if (d.length !== n) throw new NetworkBuildError(r.path, d, `number of delays must match synsPerConn (${n})`);
      return d.map((v) => checkedDelay(v, r));
    }
    return Array(n).fill(checkedDelay(d, r));
  }

  private warnSectionFallback(r: ConnRequest, template: number): void {
    const key = `${r.path}|${template}`;
    if (this.fellBackWarned.has(key)) return;
    this.fellBackWarned.add(key);
    this.warnings.push(
      `${r.path}: section ${JSON.stringify(r.sec)} does not exist on some target cells; as in NetPyNE, those synapses go to 'soma' (or the first section)`,
    );
  }

  /** The finished table, with the by-post grouping. */
  finish(cellCount: number): { conns: ConnTable; synMechValues: SynMechValues } {
    const count = this.count;
    const post = this.post.finish();
    const { order, starts } = stableOrderBy(post, count, cellCount);
    const conns: ConnTable = {
      count,
      pre: this.pre.finish(),
      post,
      rule: this.rule.finish(),
      synMech: this.synMech.finish(),
      sec: this.sec.finish(),
      loc: this.loc.finish(),
      weight: this.weight.finish(),
      delay: this.delay.finish(),
      stim: this.stim.finish(),
      weightIndex: this.weightIndex.finish(),
      synMechRow: this.synMechRow.finish(),
      synapse: this.synapse.finish(),
      byPost: order,
      postStart: starts,
    };
    return { conns, synMechValues: this.synMechs.finish() };
  }
}
