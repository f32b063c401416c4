import type { NetParamsData, SimConfigData } from '../spec/index.ts';
import { Column, stableOrderBy } from './columns.ts';
import type { CellsResult } from './cells.ts';
import { NetworkBuildError } from './errors.ts';
import { placeSynapses, resolveSections } from './placement.ts';
import { pyRoundHalfEven } from './py.ts';
import { SynMechFunctions } from './synmech-functions.ts';
import type { ConnTable, SynMechValues } from './types.ts';

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
    pre: -1, preGid: -1, post: 0, rule: -1, stim: -1, sec: undefined, loc: null, synMech: null, weight: null, delay: null,
    synsPerConn: null, connRandomSecFromList: true, distributeSynsUniformly: true, path: '',
  };
}

/**
 * Appends connections in NetPyNE's creation order (Cell.addConn for compartmental and point
 * cells). Each synapse is a row; rows are grouped by post cell at the end.
 */
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
  private readonly synMechLabels: string[];
  readonly synMechs: SynMechFunctions;
  /** NetStim synapses created by the last addConn call (for the stimulation stage). */
  lastCreated = 0;
  private readonly fellBackWarned = new Set<string>();

  constructor(private readonly built: CellsResult, private readonly net: NetParamsData, private readonly cfg: SimConfigData, private readonly warnings: string[]) {
    this.synMechLabels = Object.keys(net.synMechParams);
    this.synMechs = new SynMechFunctions(built, net, cfg);
  }

  reserve(n: number): void {
    for (const c of [this.pre, this.post, this.rule, this.synMech, this.sec, this.loc, this.weight, this.delay, this.stim, this.weightIndex, this.synMechRow]) c.reserve(n);
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
    const template = templates[cells.template[r.post]];
    const gid = cells.gid[r.post];
    const synsPerConn = r.synsPerConn ?? 1;
    const { sections, fellBack } = resolveSections(template, r.sec);
    if (fellBack) this.warnSectionFallback(r, template.index);
    if (sections.length === 0) return 0;
    if (r.preGid === gid && !this.cfg.allowSelfConns) return 0;
    const weights = this.weights(r, synsPerConn);
    const delays = this.delays(r, synsPerConn);
    // Artificial point process with its own voltage (vref) on a single target section: conns target it directly.
    if (sections.length === 1) {
      const pointp = [...template.sections[sections[0]].pointps.entries()].find(([, p]) => p.vref !== undefined);
      if (pointp) {
        if (synsPerConn > 1) return 0; // NetPyNE refuses several synapses per connection here
        const index = pointp[1].synList && r.synMech ? Math.max(0, pointp[1].synList.indexOf(r.synMech)) : 0;
        const synMech = r.synMech === null ? -1 : this.synMechLabels.indexOf(r.synMech);
        this.push(r, synMech, sections[0], typeof r.loc === 'number' ? r.loc : NaN, weights[0], delays[0], index, -1, 0);
        return 1;
      }
    }
    const synMechName = r.synMech ?? this.synMechLabels[0];
    if (synMechName === undefined) throw new NetworkBuildError(r.path, null, 'no synaptic mechanism available: define synMechParams');
    const synMech = this.synMechLabels.indexOf(synMechName);
    const lengths = (s: number) => this.sectionLength(template.index, cells.row[r.post], s);
    const placement = placeSynapses({
      template, lengths, gid, preGidForStream: r.preGid >= 0 ? r.preGid : 0, sec: r.sec, loc: r.loc, synsPerConn,
      connRandomSecFromList: r.connRandomSecFromList, distributeSynsUniformly: r.distributeSynsUniformly, path: r.path,
    }, sections);
    const rows = new Int32Array(synsPerConn);
    for (let i = 0; i < synsPerConn; i++) rows[i] = this.synMechs.instance(synMech, r.post, placement.sections[i], placement.locs[i]);
    for (let i = 0; i < synsPerConn; i++) {
      const norm = template.sections[placement.sections[i]].weightNorm;
      if (norm) {
        const nseg = template.sections[placement.sections[i]].nseg;
        const k = pyRoundHalfEven(placement.locs[i] * nseg) - 1;
        weights[i] = weights[i] * norm[k < 0 ? norm.length + k : k];
      }
    }
    let created = 0;
    for (let i = 0; i < synsPerConn; i++) {
      if (!this.cfg.allowConnsWithWeight0 && weights[i] === 0.0) continue;
      this.push(r, synMech, placement.sections[i], placement.locs[i], weights[i], delays[i], 0, rows[i], created++);
    }
    return created;
  }

  private addToPointCell(r: ConnRequest): number {
    const synsPerConn = r.synsPerConn ?? 1;
    if (r.preGid === this.built.cells.gid[r.post]) return 0; // PointCell.addConn always skips self-connections
    const weights = this.weights(r, synsPerConn);
    const delays = this.delays(r, synsPerConn);
    const loc = typeof r.loc === 'number' ? r.loc : NaN;
    const synMech = r.synMech === null ? -1 : this.synMechLabels.indexOf(r.synMech);
    for (let i = 0; i < synsPerConn; i++) this.push(r, synMech, -1, loc, weights[i], delays[i], 0, -1, i);
    return synsPerConn;
  }

  private push(r: ConnRequest, synMech: number, sec: number, loc: number, weight: number, delay: number, weightIndex: number, synMechRow: number, i: number): void {
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
    this.synMechRow.push(synMechRow);
  }

  /** Cell._connWeightsAndDelays: scale factor (NetStims, per cell model, or global) times weight(s). */
  private weights(r: ConnRequest, n: number): number[] {
    const net = this.net;
    let scale: number;
    if (r.pre < 0) scale = net.scaleConnWeightNetStims;
    else {
      const models = net.scaleConnWeightModels;
      const model = this.built.pops[this.built.cells.pop[r.post]].cellModel ?? (this.built.pops[this.built.cells.pop[r.post]].tags.cellModel as string | undefined);
      scale = models && typeof models === 'object' && model !== undefined && model in models ? models[model] : net.scaleConnWeight;
    }
    const w = r.weight ?? net.defaultWeight;
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
      for (const v of d) if (v < 0) throw new NetworkBuildError(r.path, v, 'negative delay: expected a delay >= 0 ms');
      return [...d];
    }
    if (d < 0) throw new NetworkBuildError(r.path, d, 'negative delay: expected a delay >= 0 ms');
    return Array(n).fill(d);
  }

  /** Realised length [um] of section s of a cell (its template row), per-cell L included. */
  sectionLength(template: number, row: number, s: number): number {
    const t = this.built.templates[template];
    const column = t.varying.find((v) => v.kind === 'geom' && v.param === 'L' && v.section === s);
    return column ? column.values[row] : t.sections[s].L;
  }

  private warnSectionFallback(r: ConnRequest, template: number): void {
    const key = `${r.path}|${template}`;
    if (this.fellBackWarned.has(key)) return;
    this.fellBackWarned.add(key);
    this.warnings.push(`${r.path}: section ${JSON.stringify(r.sec)} does not exist on some target cells; as in NetPyNE, those synapses go to 'soma' (or the first section)`);
  }

  /** The finished table, with the by-post grouping. */
  finish(cellCount: number): { conns: ConnTable; synMechValues: SynMechValues } {
    const count = this.count;
    const post = this.post.finish();
    const { order, starts } = stableOrderBy(post, count, cellCount);
    const conns: ConnTable = {
      count,
      pre: this.pre.finish(), post, rule: this.rule.finish(), synMech: this.synMech.finish(), sec: this.sec.finish(),
      loc: this.loc.finish(), weight: this.weight.finish(), delay: this.delay.finish(), stim: this.stim.finish(),
      weightIndex: this.weightIndex.finish(), synMechRow: this.synMechRow.finish(), byPost: order, postStart: starts,
    };
    return { conns, synMechValues: this.synMechs.finish() };
  }
}

