import type { Expr } from '../expr/ast.ts';
import type { MechanismDef, Stmt } from './definition.ts';
import { assignedNames } from './stmt-names.ts';

// What a mechanism's code allows the engine to do with its events, read off the statements:
// - the flag-0 NET_RECEIVE: where nothing sends a self-event, NET_RECEIVE only ever receives
//   NetCon events (flag 0; the WATCH flags have their own handlers), so its flag tests fold;
// - linearReceive: NET_RECEIVE only adds to states terms linear in the weights (S = S ± w*c,
//   c not depending on states, t or other per-event values), so the GPU may run it once per
//   delivery boundary with the weights summed;
// - mergeable: besides, the states start at 0 and evolve by updates linear and homogeneous in
//   them, and the currents are linear and homogeneous in them, so instances on one node with
//   equal parameters may share one state (the sum of theirs).
// Each test is a sufficient condition on the statement trees, refusing what it cannot prove.

/** Degree of an expression in the `linear` names: 0 (free of them), 1 (affine in them), or null (neither, or reading a `forbidden` name). */
function degree(e: Expr, linear: ReadonlySet<string>, forbidden: ReadonlySet<string>): 0 | 1 | null {
  const all = (es: Expr[]): 0 | null => (es.every((x) => degree(x, linear, forbidden) === 0) ? 0 : null);
  switch (e.kind) {
    case 'num':
      return 0;
    case 'name':
      return forbidden.has(e.name) ? null : linear.has(e.name) ? 1 : 0;
    case 'unary':
      return degree(e.operand, linear, forbidden);
    case 'binary': {
      const a = degree(e.left, linear, forbidden);
      const b = degree(e.right, linear, forbidden);
      if (a === null || b === null) return null;
      if (e.op === '+' || e.op === '-') return a === 1 || b === 1 ? 1 : 0;
      if (e.op === '*') return a + b <= 1 ? ((a + b) as 0 | 1) : null;
      if (e.op === '/') return b === 0 ? a : null;
      return a === 0 && b === 0 ? 0 : null;
    }
    case 'not':
      return all([e.operand]);
    case 'compare':
      return all(e.operands);
    case 'bool':
      return all([e.left, e.right]);
    case 'ifexp':
      return all([e.test, e.then, e.otherwise]);
    case 'call':
      return all(e.args);
  }
}

/** Whether the expression is exactly 0 when the `zero` names are (0*x, 0/x, -0, 0 + 0 ...). */
function vanishes(e: Expr, zero: ReadonlySet<string>): boolean {
  switch (e.kind) {
    case 'num':
      return e.value === 0;
    case 'name':
      return zero.has(e.name);
    case 'unary':
      return vanishes(e.operand, zero);
    case 'binary':
      if (e.op === '+' || e.op === '-') return vanishes(e.left, zero) && vanishes(e.right, zero);
      if (e.op === '*') return vanishes(e.left, zero) || vanishes(e.right, zero);
      if (e.op === '/') return vanishes(e.left, zero);
      return false;
    default:
      return false;
  }
}

/** Linear and homogeneous in `linear`: affine in them, and 0 where they are. */
function homogeneous(e: Expr, linear: ReadonlySet<string>, forbidden: ReadonlySet<string>): boolean {
  return degree(e, linear, forbidden) !== null && vanishes(e, linear);
}

/** A test of `flag` against numbers only (flag == 1, flag == 2 || ...), evaluated at that flag; null otherwise. */
function flagTest(e: Expr, flag: number): boolean | null {
  const value = (x: Expr): number | null => (x.kind === 'num' ? x.value : x.kind === 'name' && x.name === 'flag' ? flag : null);
  if (e.kind === 'not') {
    const a = flagTest(e.operand, flag);
    return a === null ? null : !a;
  }
  if (e.kind === 'bool') {
    const a = flagTest(e.left, flag);
    const b = flagTest(e.right, flag);
    if (a === null || b === null) return null;
    return e.op === 'and' ? a && b : a || b;
  }
  if (e.kind !== 'compare') return null;
  const values = e.operands.map(value);
  if (values.some((v) => v === null)) return null;
  return e.ops.every((op, i) => compare(values[i]!, op, values[i + 1]!));
}

function compare(a: number, op: string, b: number): boolean {
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : op === '>=' ? a >= b : op === '==' ? a === b : a !== b;
}

/** The statements with every if-test on `flag` alone decided at that flag. */
function atFlag(stmts: Stmt[], flag: number): Stmt[] {
  return stmts.flatMap((s): Stmt[] => {
    if (s.kind === 'while') return [{ ...s, body: atFlag(s.body, flag) }];
    if (s.kind !== 'if') return [s];
    const decided = flagTest(s.test, flag);
    if (decided === null) return [{ ...s, then: atFlag(s.then, flag), otherwise: atFlag(s.otherwise, flag) }];
    return atFlag(decided ? s.then : s.otherwise, flag);
  });
}

function sends(stmts: Stmt[] | undefined): boolean {
  return (stmts ?? []).some(
    (s) =>
      s.kind === 'send' ||
      (s.kind === 'if' && (sends(s.then) || sends(s.otherwise))) ||
      ((s.kind === 'while' || s.kind === 'newton' || s.kind === 'simeq') && sends(s.body)),
  );
}

/** NET_RECEIVE for NetCon events (flag 0) where no block sends a self-event; the receive as it is otherwise. */
export function receiveForNetcons(def: Pick<MechanismDef, 'initial' | 'initEvent' | 'receive' | 'watches' | 'procedures'>): Stmt[] | undefined {
  if (def.receive === undefined) return undefined;
  const all = [
    def.initial,
    def.initEvent,
    def.receive,
    ...(def.watches ?? []).map((w) => w.handler),
    ...Object.values(def.procedures ?? {}).map((p) => p.body),
  ];
  return all.some((code) => sends(code)) ? def.receive : atFlag(def.receive, 0);
}

/**
 * NET_RECEIVE adds to fields only terms linear in the weights (see above), directly or through
 * its LOCALs (`ww = w`), in branches whose tests do not depend on the event (if (r >= 0) with r
 * a parameter): every event of a boundary takes the same branch, so one run with the summed
 * weights adds what the events add one by one.
 */
export function isLinearReceive(
  receive: Stmt[],
  fields: readonly string[],
  weights: readonly string[],
  writtenWhileRunning: ReadonlySet<string>,
  locals: readonly string[],
): boolean {
  const local = new Set(locals);
  // a LOCAL is forbidden until assigned (NEURON does not zero it between events)
  const forbidden = new Set(['t', 'flag', ...writtenWhileRunning, ...assignedNames(receive), ...local]);
  return receive.length > 0 && linearUpdates(receive, new Set(fields), local, new Set(weights), forbidden);
}

/** Statements of a linear receive; `linear` (weights and LOCALs linear in them) and `forbidden` follow the assignments. */
function linearUpdates(stmts: Stmt[], field: ReadonlySet<string>, local: ReadonlySet<string>, linear: Set<string>, forbidden: Set<string>): boolean {
  for (const s of stmts) {
    if (s.kind === 'if') {
      if (degree(s.test, linear, forbidden) !== 0) return false;
      const branch = (b: Stmt[]) => linearUpdates(b, field, local, new Set(linear), new Set(forbidden));
      if (!branch(s.then) || !branch(s.otherwise)) return false;
      // a LOCAL assigned in a branch is unknown after it
      for (const x of assignedNames([s])) if (local.has(x)) forbidden.add(x);
      continue;
    }
    if (s.kind !== 'assign') return false;
    if (local.has(s.target)) {
      const d = degree(s.expr, linear, forbidden);
      if (d === null || (d === 1 && !vanishes(s.expr, linear))) return false;
      forbidden.delete(s.target);
      if (d === 1) linear.add(s.target);
      else linear.delete(s.target);
      continue;
    }
    if (!field.has(s.target) || s.expr.kind !== 'binary' || (s.expr.op !== '+' && s.expr.op !== '-')) return false;
    const { left, right, op } = s.expr;
    const self = (x: Expr) => x.kind === 'name' && x.name === s.target;
    // S = S + a, S = a + S, S = S - a
    const added = self(left) ? right : op === '+' && self(right) ? left : null;
    if (added === null || !homogeneous(added, linear, forbidden) || degree(added, linear, forbidden) !== 1) return false;
  }
  return true;
}

/**
 * Instances may share one state (see above). `state` and `breakpoint` are the per-step blocks,
 * `currents` the BREAKPOINT's currents; fields written in those blocks or NET_RECEIVE and read
 * before being written in a block carry history, and are refused.
 */
export function isMergeable(def: { initial: Stmt[]; breakpoint: Stmt[]; state: Stmt[]; states: readonly string[]; currents: readonly string[] }): boolean {
  const states = new Set(def.states);
  if (states.size === 0 || !startsAtZero(def.initial, states)) return false;
  const history = new Set([...assignedNames(def.breakpoint), ...assignedNames(def.state)]);
  for (const x of states) history.delete(x);
  return linearBlock(def.state, states, history, new Set(states)) && linearBlock(def.breakpoint, states, history, new Set(def.currents));
}

/** INITIAL sets each state to 0 at its top level and assigns it nowhere else, and sends no event. */
function startsAtZero(initial: Stmt[], states: ReadonlySet<string>): boolean {
  const zeroed = new Set<string>();
  for (const s of initial) {
    if (s.kind === 'assign' && states.has(s.target)) {
      if (s.expr.kind !== 'num' || s.expr.value !== 0) return false;
      zeroed.add(s.target);
    } else if (s.kind !== 'assign' && [...assignedNames([s])].some((x) => states.has(x))) return false;
    else if (s.kind === 'send' || s.kind === 'event' || s.kind === 'move' || sends([s])) return false;
  }
  return zeroed.size === states.size;
}

/**
 * A straight-line block whose `homogeneousTargets` get values linear and homogeneous in the
 * states (through the temporaries it computes), and whose other assignments are at most
 * affine; a read of a `history` field before this block assigns it is refused.
 */
function linearBlock(stmts: Stmt[], states: ReadonlySet<string>, history: ReadonlySet<string>, homogeneousTargets: ReadonlySet<string>): boolean {
  const linear = new Set(states);
  const zero = new Set(states);
  const forbidden = new Set(history);
  for (const s of stmts) {
    if (s.kind !== 'assign') return false;
    const d = degree(s.expr, linear, forbidden);
    if (d === null) return false;
    const vanishing = vanishes(s.expr, zero);
    if (homogeneousTargets.has(s.target) && !vanishing) return false;
    forbidden.delete(s.target);
    if (states.has(s.target)) continue;
    if (d === 1) linear.add(s.target);
    else linear.delete(s.target);
    if (vanishing && d === 1) zero.add(s.target);
    else zero.delete(s.target);
  }
  return true;
}
