import { hashList, hashStr, NeuronRandom, Random123Stream } from '../rng/index.ts';
import { CONN_RANGES, type ConnParams, inRange, joinPath, type NetParamsData, numericNetParams, type SimConfigData } from '../spec/index.ts';
import type { CellsResult } from './cells.ts';
import { Column, stableOrderBy } from './columns.ts';
import { type ConnBuilder, type ConnRequest, newRequest } from './conn-builder.ts';
import { ConnParamEvaluator, compileConnFunction, PairEnv, runFunction } from './conn-params.ts';
import { NetworkBuildError } from './errors.ts';
import { pyRoundHalfEven } from './py.ts';
import { selectCells } from './select.ts';

// network/conn.py: every connParams rule in order, with NetPyNE's random streams:
//   rule stream  Random123(hashStr('conn_'+connFunc), hashList(sorted(pre)+sorted(post)), seeds.conn)
//   probConn     Random123(hashList(pre), hashList(post), seeds.conn), draw 1 + ipre*nPost + ipost
//   convConn     Random123(hashList(pre), postGid, seeds.conn) per post cell
//   divConn      Random123(hashList(post), preGid, seeds.conn) per pre cell

type ConnFunc = 'fullConn' | 'probConn' | 'convConn' | 'divConn' | 'fromListConn';

/** conn.py connectCells: the rule's connFunc, or the one its parameters imply. */
export function connFuncOf(rule: ConnParams): ConnFunc {
  if (rule.connFunc) return rule.connFunc;
  if (rule.probability !== undefined) return 'probConn';
  if (rule.convergence !== undefined) return 'convConn';
  if (rule.divergence !== undefined) return 'divConn';
  if (rule.connList !== undefined) return 'fromListConn';
  return 'fullConn';
}

interface RuleRun {
  /** Reused for every connection of the rule. */
  request: ConnRequest;
  index: number;
  label: string;
  path: string;
  rule: ConnParams;
  pre: Int32Array;
  post: Int32Array;
  preGids: Int32Array;
  postGids: Int32Array;
  ruleRand: NeuronRandom;
  params: ConnParamEvaluator;
}

export function connectCells(built: CellsResult, net: NetParamsData, cfg: SimConfigData, builder: ConnBuilder): void {
  const constants = numericNetParams(net);
  const copied = net.popTagsCopiedToCells ?? [];
  const pairEnv = new PairEnv(built.cells, cfg.netpyneQuirks.distNormSqrtBug, 64);
  Object.entries(net.connParams as Record<string, ConnParams>).forEach(([label, ruleDict], index) => {
    const path = joinPath('netParams.connParams', label);
    const rule: ConnParams = { ...ruleDict }; // a plain object: read per connection, cheaper than the ordered dict
    const pre = selectCells(rule.preConds ?? {}, built.pops, built.cells, copied);
    if (pre.length === 0) return;
    const post = selectCells(rule.postConds ?? {}, built.pops, built.cells, copied);
    if (post.length === 0) return;
    const connFunc = connFuncOf(rule);
    const preGids = gidsOf(built, pre);
    const postGids = gidsOf(built, post);
    const run: RuleRun = {
      request: ruleRequest(index, path, rule, cfg),
      index,
      label,
      path,
      rule,
      pre,
      post,
      preGids,
      postGids,
      ruleRand: new NeuronRandom(hashStr(`conn_${connFunc}`), hashList(concat(preGids, postGids)), cfg.seeds.conn),
      params: new ConnParamEvaluator(rule as unknown as Record<string, unknown>, path, constants, pairEnv, built.cells, cfg.seeds.conn),
    };
    const shapeFns = {
      probability:
        typeof rule.probability === 'string' ? compileConnFunction(rule.probability, 'probability', 'pair', constants, joinPath(path, 'probability')) : null,
      convergence:
        typeof rule.convergence === 'string' ? compileConnFunction(rule.convergence, 'convergence', 'post', constants, joinPath(path, 'convergence')) : null,
      divergence:
        typeof rule.divergence === 'string' ? compileConnFunction(rule.divergence, 'divergence', 'pre', constants, joinPath(path, 'divergence')) : null,
    };
    // _connStrToFunc evaluates probability, convergence, divergence strings up front, in that
    // order, from the rule stream; those a connFunc does not use still consume its draws.
    const order = ['probability', 'convergence', 'divergence'] as const;
    const used = connFunc === 'probConn' ? 'probability' : connFunc === 'convConn' ? 'convergence' : connFunc === 'divConn' ? 'divergence' : null;
    const stopAt = used ? order.indexOf(used) : order.length;
    for (let k = 0; k < stopAt; k++) {
      const fn = shapeFns[order[k]];
      if (fn?.usesRandom) consumeShapeFunction(run, order[k], fn, pairEnv, built);
    }
    const context = { built, cfg, builder, pairEnv };
    switch (connFunc) {
      case 'fullConn':
        return fullConn(run, context);
      case 'probConn':
        return probConn(run, context, shapeFns.probability);
      case 'convConn':
        return convConn(run, context, perCell(run, 'convergence', shapeFns.convergence, pairEnv, built));
      case 'divConn':
        return divConn(run, context, perCell(run, 'divergence', shapeFns.divergence, pairEnv, built));
      case 'fromListConn':
        return fromListConn(run, context);
    }
  });
}

interface Context {
  built: CellsResult;
  cfg: SimConfigData;
  builder: ConnBuilder;
  pairEnv: PairEnv;
}

function fullConn(run: RuleRun, ctx: Context): void {
  const nPost = run.post.length;
  if (run.params.functions.size > 0) {
    const pairs = new Int32Array(2 * run.pre.length * nPost);
    let k = 0;
    for (const pre of run.pre)
      for (const post of run.post) {
        pairs[k++] = pre;
        pairs[k++] = post;
      }
    run.params.precompute(pairs, run.ruleRand);
  }
  ctx.builder.reserve(run.pre.length * nPost, run.path);
  for (let ipost = 0; ipost < nPost; ipost++) {
    for (let ipre = 0; ipre < run.pre.length; ipre++) addCellConn(run, ctx, run.pre[ipre], run.post[ipost], ipre * nPost + ipost);
  }
}

/** One uniform per (pre, post) pair; connect when probability >= draw. Scanned in draw order, then emitted post-major. */
function probConn(run: RuleRun, ctx: Context, probabilityFn: ReturnType<typeof compileConnFunction> | null): void {
  const stream = new Random123Stream(hashList(run.preGids), hashList(run.postGids), ctx.cfg.seeds.conn);
  stream.nextUint32(); // r.uniform(0, 1) before vec.setrand(r): draw 0 is discarded
  const constant = run.rule.probability as number;
  const connPre = new Column(Int32Array);
  const connPost = new Column(Int32Array);
  const path = joinPath(run.path, 'probability');
  for (let ipre = 0; ipre < run.pre.length; ipre++) {
    const pre = run.pre[ipre];
    for (let ipost = 0; ipost < run.post.length; ipost++) {
      const post = run.post[ipost];
      const p = probabilityFn
        ? runFunction(probabilityFn, ctx.pairEnv.fill(probabilityFn, pre, post), run.ruleRand, CONN_RANGES.probability, path, pre, post, ctx.built.cells)
        : constant;
      if (p >= stream.nextDouble()) {
        ctx.builder.checkRoom(connPre.length + 1, run.path);
        connPre.push(ipre);
        connPost.push(ipost);
      }
    }
  }
  const count = connPre.length;
  const { order } = stableOrderBy(connPost.data, count, run.post.length);
  ctx.builder.reserve(count, run.path);
  for (let k = 0; k < count; k++) {
    const i = order[k];
    addCellConn(run, ctx, run.pre[connPre.data[i]], run.post[connPost.data[i]], -1);
  }
}

/** Per post cell: conv = clamp(int(round(c)), 0, nPre-1) unique pre indices; a sample equal to the post gid is replaced by the extra draw. */
function convConn(run: RuleRun, ctx: Context, values: Float64Array | null): void {
  const sampler = new UniqueSampler(run.pre.length);
  const hashPre = hashList(run.preGids);
  const constant = run.rule.convergence as number;
  for (let ipost = 0; ipost < run.post.length; ipost++) {
    const postGid = run.postGids[ipost];
    const conv = clampCount(values ? values[ipost] : constant, run.pre.length);
    const selected = sampler.sample(new Random123Stream(hashPre, postGid, ctx.cfg.seeds.conn), conv, run.preGids, postGid);
    selected.sort((a, b) => a - b);
    ctx.builder.reserve(selected.length, run.path);
    for (const ipre of selected) {
      const pre = run.pre[ipre];
      if (run.preGids[ipre] !== postGid) addCellConn(run, ctx, pre, run.post[ipost], -1);
    }
  }
}

/** Per pre cell, mirroring convConn; posts are visited in sample order (NetPyNE's dict order). */
function divConn(run: RuleRun, ctx: Context, values: Float64Array | null): void {
  const sampler = new UniqueSampler(run.post.length);
  const hashPost = hashList(run.postGids);
  const constant = run.rule.divergence as number;
  for (let ipre = 0; ipre < run.pre.length; ipre++) {
    const preGid = run.preGids[ipre];
    const div = clampCount(values ? values[ipre] : constant, run.post.length);
    const selected = sampler.sample(new Random123Stream(hashPost, preGid, ctx.cfg.seeds.conn), div, run.postGids, preGid);
    ctx.builder.reserve(selected.length, run.path);
    for (const ipost of selected) {
      if (run.postGids[ipost] !== preGid) addCellConn(run, ctx, run.pre[ipre], run.post[ipost], -1);
    }
  }
}

/** connList pairs index the ascending gid lists of matching pre and post cells. */
function fromListConn(run: RuleRun, ctx: Context): void {
  const list = run.rule.connList ?? [];
  const n = list.length;
  for (const [k, [i, j]] of list.entries()) {
    if (i >= run.pre.length)
      throw new NetworkBuildError(`${joinPath(run.path, 'connList')}[${k}]`, [i, j], `pre index ${i} is out of range (${run.pre.length} matching pre cells)`);
    if (j >= run.post.length)
      throw new NetworkBuildError(
        `${joinPath(run.path, 'connList')}[${k}]`,
        [i, j],
        `post index ${j} is out of range (${run.post.length} matching post cells)`,
      );
  }
  if (run.params.functions.size > 0) {
    // A dict keyed by (pre, post): duplicate pairs all draw, the last value wins for every copy.
    const pairs = new Int32Array(2 * n);
    list.forEach(([i, j], k) => {
      pairs[2 * k] = run.pre[i];
      pairs[2 * k + 1] = run.post[j];
    });
    run.params.precompute(pairs, run.ruleRand);
    for (const [, values] of run.params.lists) {
      const last = new Map<string, number>();
      list.forEach(([i, j], k) => last.set(`${i},${j}`, values[k]));
      list.forEach(([i, j], k) => (values[k] = last.get(`${i},${j}`)!));
    }
  }
  const perConn = (name: 'weight' | 'delay' | 'sec' | 'loc'): unknown[] | null => {
    const v = run.rule[name];
    if (v === undefined || v === null || v === 0 || v === '' || (Array.isArray(v) && v.length === 0)) return null; // NetPyNE: `if not paramVal: continue`
    if (Array.isArray(v)) {
      if (v.length !== n && !(name === 'sec' && v.length === 1))
        throw new NetworkBuildError(joinPath(run.path, name), v, `has to be of the same length as connList (${n})`);
      return v;
    }
    return [v];
  };
  const lists = { weight: perConn('weight'), delay: perConn('delay'), sec: perConn('sec'), loc: perConn('loc') };
  ctx.builder.reserve(n, run.path);
  list.forEach(([i, j], k) => {
    const pre = run.pre[i];
    const post = run.post[j];
    if (pre === post) return;
    const pick = (l: unknown[] | null) => (l === null ? undefined : l.length === 1 ? l[0] : l[k]);
    addCellConn(run, ctx, pre, post, k, { weight: pick(lists.weight), delay: pick(lists.delay), sec: pick(lists.sec), loc: pick(lists.loc) });
  });
}

/**
 * conn.py _addCellConn: final weight/delay/synsPerConn/loc for the pair, then one Cell.addConn
 * per synMech (lists indexed per synMech, or synMech*Factor scaling).
 */
function addCellConn(run: RuleRun, ctx: Context, pre: number, post: number, pairIndex: number, overrides?: Record<string, unknown>): void {
  run.params.evaluate(pre, post, pairIndex);
  const values = run.params.values as Record<string, unknown>;
  const request = run.request;
  request.pre = pre;
  request.preGid = ctx.built.cells.gid[pre];
  request.post = post;
  request.sec = overrides?.sec ?? run.rule.sec;
  const value = (param: 'weight' | 'delay' | 'loc' | 'synsPerConn'): unknown =>
    overrides && overrides[param] !== undefined && !run.params.functions.has(param) ? overrides[param] : values[param];
  const synMechs = Array.isArray(run.rule.synMech) ? run.rule.synMech : [run.rule.synMech ?? null];
  const n = synMechs.length;
  for (let i = 0; i < n; i++) {
    const pick = (param: 'weight' | 'delay' | 'loc' | 'synsPerConn'): unknown => {
      const v = value(param);
      if (n === 1) return v;
      if (Array.isArray(v)) {
        if (v.length !== n) throw new NetworkBuildError(joinPath(run.path, param), v, `should be a ${n}-element list (one per synMech) or a single value`);
        return v[i];
      }
      const factor =
        param !== 'synsPerConn'
          ? ((run.rule as unknown as Record<string, unknown>)[`synMech${param[0].toUpperCase()}${param.slice(1)}Factor`] as number[] | undefined)
          : undefined;
      if (factor) {
        if (typeof v !== 'number') throw new NetworkBuildError(joinPath(run.path, param), v, 'must be a number to be scaled by a per-synMech factor');
        return v * factor[i];
      }
      return v;
    };
    request.synMech = synMechs[i];
    request.weight = (pick('weight') ?? null) as number | number[] | null;
    request.delay = (pick('delay') ?? null) as number | number[] | null;
    request.loc = (pick('loc') ?? null) as number | number[] | null;
    const spc = pick('synsPerConn');
    if (spc !== undefined && spc !== null && !(typeof spc === 'number' && inRange(CONN_RANGES.synsPerConn, spc))) {
      throw new NetworkBuildError(joinPath(run.path, 'synsPerConn'), spc, `expected ${CONN_RANGES.synsPerConn.expected}`);
    }
    request.synsPerConn = (spc ?? null) as number | null;
    ctx.builder.add(request);
  }
}

/** The request every connection of a rule reuses, with its rule-level settings filled in. */
function ruleRequest(index: number, path: string, rule: ConnParams, cfg: SimConfigData): ConnRequest {
  const request = newRequest();
  request.rule = index;
  request.path = path;
  request.connRandomSecFromList = rule.connRandomSecFromList ?? cfg.connRandomSecFromList;
  request.distributeSynsUniformly = rule.distributeSynsUniformly ?? cfg.distributeSynsUniformly;
  return request;
}

/** conn.py randUniqueInt for sampling cells: discunif(0, n-1) (draw discarded), then repicks until k+1 distinct. */
class UniqueSampler {
  private readonly stamp: Uint32Array;
  private epoch = 0;
  private readonly draws: number[] = [];

  constructor(private readonly n: number) {
    this.stamp = new Uint32Array(n);
  }

  /** Indices (into gids) of the k selected cells, with NetPyNE's self-replacement rule. */
  sample(stream: Random123Stream, k: number, gids: Int32Array, selfGid: number): number[] {
    this.epoch++;
    const draws = this.draws;
    draws.length = 0;
    stream.nextUint32(); // the discunif call's own draw
    while (draws.length < k + 1) {
      const x = Math.floor(this.n * stream.nextDouble());
      if (this.stamp[x] !== this.epoch) {
        this.stamp[x] = this.epoch;
        draws.push(x);
      }
    }
    // {gids[draws[k]] if gids[i] == selfGid else gids[i]: 0 for i in draws[:k]}: dict keys, first-seen order
    this.epoch++;
    const out: number[] = [];
    for (let j = 0; j < k; j++) {
      const i = gids[draws[j]] === selfGid ? draws[k] : draws[j];
      if (this.stamp[i] !== this.epoch) {
        this.stamp[i] = this.epoch;
        out.push(i);
      }
    }
    return out;
  }
}

/** max(min(int(round(v)), n - 1), 0) with Python's round (half to even). */
export function clampCount(v: number, n: number): number {
  return Math.max(Math.min(Math.trunc(pyRoundHalfEven(v)), n - 1), 0);
}

/** The per-cell values of a convergence or divergence function; `used` false: drawn only for the stream, not checked. */
function perCell(
  run: RuleRun,
  param: 'convergence' | 'divergence',
  fn: ReturnType<typeof compileConnFunction> | null,
  pairEnv: PairEnv,
  built: CellsResult,
  used = true,
): Float64Array | null {
  if (!fn) return null;
  const cellsOf = param === 'convergence' ? run.post : run.pre;
  const out = new Float64Array(cellsOf.length);
  const path = joinPath(run.path, param);
  cellsOf.forEach((c, i) => {
    const pre = param === 'divergence' ? c : -1;
    const post = param === 'convergence' ? c : -1;
    out[i] = runFunction(fn, pairEnv.fill(fn, pre, post), run.ruleRand, used ? CONN_RANGES[param] : null, path, pre, post, built.cells);
  });
  return out;
}

/** Evaluates a shape function the connFunc will not use, only for the stream draws it makes. */
function consumeShapeFunction(
  run: RuleRun,
  param: 'probability' | 'convergence' | 'divergence',
  fn: ReturnType<typeof compileConnFunction>,
  pairEnv: PairEnv,
  built: CellsResult,
): void {
  if (param === 'probability') {
    const path = joinPath(run.path, param);
    for (const pre of run.pre) for (const post of run.post) runFunction(fn, pairEnv.fill(fn, pre, post), run.ruleRand, null, path, pre, post, built.cells);
  } else {
    perCell(run, param, fn, pairEnv, built, false);
  }
}

function gidsOf(built: CellsResult, cells: Int32Array): Int32Array {
  return cells.map((c) => built.cells.gid[c]);
}

function concat(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
