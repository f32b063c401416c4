import type { Expr } from '../expr/ast.ts';
import type { Callable, NStmt, Program } from './ast.ts';
import type { Converter } from './convert.ts';
import type { MechanismDef, Stmt, WatchDef } from './definition.ts';
import { NmodlUnsupported, type Pos } from './errors.ts';
import { readNames } from './stmt-names.ts';
import { planWatches, type WatchPlan } from './watches.ts';

// NET_RECEIVE: its arguments (the weight, a weight vector, or state per NetCon), its INITIAL,
// and the WATCH parts of the engine's event model (watches.ts plans them).

/** NET_RECEIVE's statements (its body, or a part planned from it); its weight argument is `w`. */
export function netReceive(c: Callable, body: NStmt[], convert: Converter, where = 'NET_RECEIVE'): Stmt[] {
  const args = new Map<string, string>([['flag', 'flag']]);
  const names = receiveArgs(c);
  c.args.forEach((a, i) => args.set(a.name, names[i]));
  return convert.block(withoutNetconInitial(body), { where, events: true, args });
}

/**
 * NET_RECEIVE's arguments: one is the NetCon's weight `w`; more are a weight vector (Izhi2007a's
 * receptors: a connection sets the element of its synList index, the others are 0) when the block
 * only reads them, or, when it assigns some, the weight and then state each NetCon keeps
 * (AMPA's on, r0, t0: netconState).
 */
function receiveArgs(c: Callable): string[] {
  if (c.args.length <= 1) return ['w'];
  if (keepsNetconState(c)) return ['w', ...c.args.slice(1).map((a, i) => `_c${i}_${a.name}`)];
  return c.args.map((a, i) => `_w${i}_${a.name}`);
}

/** Whether NET_RECEIVE assigns one of its arguments after the weight (state per NetCon). */
function keepsNetconState(c: Callable): boolean {
  const assigned = new Set<string>();
  const visit = (stmts: NStmt[]) =>
    stmts.forEach((s) => {
      if (s.kind === 'assign') assigned.add(s.target);
      if (s.kind === 'if') {
        visit(s.then);
        visit(s.otherwise);
      }
      if (s.kind === 'while' || s.kind === 'from' || s.kind === 'fornetcons') visit(s.body);
    });
  visit(c.body);
  return c.args.slice(1).some((a) => assigned.has(a.name)) || c.body.some((s) => s.kind === 'initial' && !isWeightKeeping(s.body));
}

/** An INITIAL of self-assignments (`w = w`: it only keeps the weights, as they are kept here). */
function isWeightKeeping(body: NStmt[]): boolean {
  return body.every((x) => x.kind === 'assign' && x.expr.kind === 'name' && x.expr.name === x.target);
}

/** NET_RECEIVE's own INITIAL, run for each NetCon at finitialize (on its state arguments). */
function netconInitial(c: Callable, convert: Converter): Stmt[] {
  const initial = c.body.filter((s) => s.kind === 'initial');
  const args = new Map<string, string>();
  const names = receiveArgs(c);
  c.args.forEach((a, i) => args.set(a.name, names[i]));
  return initial.flatMap((s) => (s.kind === 'initial' ? convert.block(s.body, { where: 'NET_RECEIVE INITIAL', args }) : []));
}

/** NET_RECEIVE without its INITIAL block (run per NetCon: netconInitial). */
function withoutNetconInitial(body: NStmt[]): NStmt[] {
  return body.filter((s) => s.kind !== 'initial');
}

/** How NET_RECEIVE's arguments reach the definition: a weight vector (receiveArgs) or per-NetCon state. */
export function netReceiveArgs(program: Program, convert: Converter): Pick<MechanismDef, 'receiveArgs' | 'netconState' | 'netconInitial'> {
  const c = program.netReceive;
  if (!c || c.args.length <= 1) return {};
  const names = receiveArgs(c);
  if (!keepsNetconState(c)) return { receiveArgs: names };
  if (program.netReceive && planWatches(program)) throw new NmodlUnsupported(program.file, c.pos, 'WATCH in a NET_RECEIVE with state per NetCon');
  return { netconState: names.slice(1), netconInitial: netconInitial(c, convert) };
}

/** The flag-1 event's statements and the WATCHes (watches.ts). */
export function watchDefs(plan: WatchPlan, c: Callable, convert: Converter): Pick<MechanismDef, 'initEvent' | 'watches'> {
  // a self-event carries no weight (NEURON passes none): a branch reading it is one other events take
  const weights = receiveArgs(c);
  const noWeight = (stmts: Stmt[]): Stmt[] => {
    const read = readNames(stmts);
    const zero = weights.filter((w) => read.has(w)).map((w): Stmt => ({ kind: 'assign', target: w, expr: { kind: 'num', value: 0, column: 1 } }));
    return [...zero, ...stmts];
  };
  const handlers = new Map<number, Stmt[]>();
  const handler = (flag: number) => {
    if (!handlers.has(flag)) handlers.set(flag, noWeight(netReceive(c, plan.handler(flag), convert, `NET_RECEIVE flag ${flag}`)));
    return handlers.get(flag)!;
  };
  const expr = (e: Expr, pos: Pos) => convert.expr(e, new Map(), pos, { where: 'WATCH', args: new Map([['flag', 'flag']]) });
  const watches: WatchDef[] = plan.watches.map((w) => {
    const armed = w.armedIf.map((e) => expr(e, w.pos));
    const armedIf = armed.length === 0 ? undefined : armed.reduce((a, b): Expr => ({ kind: 'bool', op: 'and', left: a, right: b, column: a.column }));
    return { flag: w.flag, condition: expr(w.condition, w.pos), ...(armedIf ? { armedIf } : {}), handler: handler(w.flag) };
  });
  return { initEvent: noWeight(netReceive(c, plan.initEvent, convert, 'NET_RECEIVE flag 1')), watches };
}
