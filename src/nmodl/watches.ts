import { type Expr, mapChildren } from '../expr/ast.ts';
import { mapStmts, type NStmt, type Program } from './ast.ts';
import { NmodlUnsupported, type Pos } from './errors.ts';

// WATCH as NEURON mod files use it: INITIAL sends itself an event, net_send(0, 1), which
// finitialize delivers; NET_RECEIVE's flag-1 branch then arms WATCH (condition) flag statements
// (each under the if-conditions around it); a condition turning true delivers a self-event
// with that flag to NET_RECEIVE. Planned for the engine's model: the flag-1 event's statements
// (initEvent), each WATCH with the condition arming it (armedIf, evaluated when the flag-1 event
// arrives) and its handler (NET_RECEIVE with that flag), and NET_RECEIVE for other events.

export interface PlannedWatch {
  flag: number;
  condition: Expr;
  /** The if-conditions around the WATCH (flag replaced by 1), all of which must hold; empty: always. */
  armedIf: Expr[];
  pos: Pos;
}

export interface WatchPlan {
  /** INITIAL without its net_send(0, 1). */
  initial: NStmt[];
  /** NET_RECEIVE's body with `flag` replaced by 1 and the WATCH statements removed. */
  initEvent: NStmt[];
  watches: PlannedWatch[];
  /** NET_RECEIVE's body without the WATCH statements (for other events). */
  receive: NStmt[];
  /** NET_RECEIVE's body for a WATCH's flag. */
  handler(flag: number): NStmt[];
}

/** The plan, or null when NET_RECEIVE has no WATCH. */
export function planWatches(program: Program): WatchPlan | null {
  const file = program.file;
  const body = program.netReceive?.body ?? [];
  const watches: PlannedWatch[] = [];
  /** Walks a block; `before`: something was assigned earlier on this path. Returns whether this block may assign. */
  const visit = (stmts: NStmt[], path: Expr[], underFlag1: boolean, before: boolean): boolean => {
    let assigned = before;
    for (const s of stmts) {
      if (s.kind === 'watch') {
        if (!underFlag1) throw new NmodlUnsupported(file, s.pos, 'WATCH outside the flag == 1 branch of NET_RECEIVE');
        if (assigned)
          throw new NmodlUnsupported(file, s.pos, 'WATCH after an assignment in NET_RECEIVE', 'the engine arms WATCHes before the rest of the flag-1 event');
        if (s.flag.kind !== 'num') throw new NmodlUnsupported(file, s.pos, 'WATCH with a flag that is not a number');
        watches.push({ flag: s.flag.value, condition: s.condition, armedIf: path.map((e) => withFlag(e, 1)), pos: s.pos });
      } else if (s.kind === 'if') {
        const a = visit(s.then, [...path, s.test], underFlag1 || isFlagTest(s.test, 1), assigned);
        const b = visit(s.otherwise, [...path, { kind: 'not', operand: s.test, column: s.test.column }], underFlag1, assigned);
        assigned = a || b;
      } else if (s.kind === 'initial' && s.body.every((x) => x.kind === 'assign' && x.expr.kind === 'name' && x.expr.name === x.target)) {
        // NET_RECEIVE's INITIAL keeping the weights (w = w): nothing here
      } else if (s.kind === 'while' || s.kind === 'from' || s.kind === 'fornetcons' || s.kind === 'initial') {
        if (containsWatch(s.body)) throw new NmodlUnsupported(file, s.pos, 'WATCH inside a loop');
        assigned = true;
      } else if (s.kind !== 'local' && s.kind !== 'print') assigned = true;
    }
    return assigned;
  };
  visit(body, [], false, false);
  if (watches.length === 0) return null;
  const initial = program.initial ?? [];
  const send = initial.findIndex(isInitialSend);
  if (send < 0) throw new NmodlUnsupported(file, watches[0].pos, 'WATCH without net_send(0, 1) in INITIAL', 'nothing would arm it');
  const receive = withoutWatches(body);
  return {
    initial: initial.filter((_, i) => i !== send),
    initEvent: mapStmts(receive, (e) => withFlag(e, 1)),
    watches,
    receive,
    handler: (flag) => mapStmts(receive, (e) => withFlag(e, flag)),
  };
}

function isInitialSend(s: NStmt): boolean {
  return s.kind === 'call' && s.name === 'net_send' && s.args.length === 2 && s.args.every((a, i) => a.kind === 'num' && a.value === i);
}

/** `flag == value` or `value == flag`. */
function isFlagTest(e: Expr, value: number): boolean {
  if (e.kind !== 'compare' || e.ops[0] !== '==') return false;
  const [a, b] = e.operands;
  return (
    (a.kind === 'name' && a.name === 'flag' && b.kind === 'num' && b.value === value) ||
    (b.kind === 'name' && b.name === 'flag' && a.kind === 'num' && a.value === value)
  );
}

function containsWatch(stmts: NStmt[]): boolean {
  return stmts.some(
    (s) =>
      s.kind === 'watch' ||
      (s.kind === 'if' && (containsWatch(s.then) || containsWatch(s.otherwise))) ||
      ('body' in s && Array.isArray(s.body) && containsWatch(s.body)),
  );
}

function withoutWatches(stmts: NStmt[]): NStmt[] {
  return stmts
    .filter((s) => s.kind !== 'watch')
    .map((s) => (s.kind === 'if' ? { ...s, then: withoutWatches(s.then), otherwise: withoutWatches(s.otherwise) } : s));
}

/** `flag` replaced by a number. */
function withFlag(e: Expr, value: number): Expr {
  if (e.kind === 'name') return e.name === 'flag' ? { kind: 'num', value, column: e.column } : e;
  return mapChildren(e, (x) => withFlag(x, value));
}
