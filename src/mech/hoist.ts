import type { Expr } from '../expr/ast.ts';
import { assignedNames } from '../nmodl/stmt-names.ts';
import type { LoweredMechanism } from './lower.ts';
import type { Stmt } from './types.ts';

// Exact loop-invariant hoisting. A subexpression of the per-step blocks (BREAKPOINT, SOLVE)
// that calls a math function (or raises to a power) and reads only parameters that no per-step block or event
// handler assigns, dt and celsius, has the same value at every step: the same inputs and
// operations give the same bits. INITIAL computes it once, last, into a hidden field
// (hoisted_<n>), and the per-step code reads the field. Example: Exp2Syn's
// (1 - exp(dt*(-1/tau1))) in its cnexp update.

const MATH = new Set(['exp', 'log', 'fabs', 'pow', 'sqrt']);

export function hoistInvariants(mech: LoweredMechanism): LoweredMechanism {
  const perStep = [
    mech.breakpoint.stmts,
    mech.state.stmts,
    mech.receive.stmts,
    mech.initEvent.stmts,
    ...mech.watches.map((w) => w.handler.stmts),
    ...mech.functions.map((f) => f.body),
  ];
  const assigned = new Set<string>();
  for (const stmts of perStep) assignedNames(stmts, assigned);
  const constant = new Set([...Object.keys(mech.params).filter((p) => !assigned.has(p)), 'dt', 'celsius']);
  const hoisted = new Map<string, { name: string; expr: Expr }>();
  const name = (e: Expr): string => {
    const key = JSON.stringify(e);
    let h = hoisted.get(key);
    if (!h) hoisted.set(key, (h = { name: `hoisted_${hoisted.size}`, expr: e }));
    return h.name;
  };
  // An invariant subtree that calls something becomes a read of its hoisted field.
  const replace = (e: Expr): Expr => {
    const r = visit(e);
    return r.invariant && r.calls ? ({ kind: 'name', name: name(r.expr) } as Expr) : r.expr;
  };
  const visit = (e: Expr): { expr: Expr; invariant: boolean; calls: boolean } => {
    switch (e.kind) {
      case 'num':
        return { expr: e, invariant: true, calls: false };
      case 'name':
        return { expr: e, invariant: constant.has(e.name), calls: false };
      case 'unary':
      case 'not': {
        const r = visit(e.operand);
        return r.invariant ? { expr: e, invariant: true, calls: r.calls } : { expr: { ...e, operand: r.expr }, invariant: false, calls: false };
      }
      case 'binary':
      case 'bool': {
        const [l, r] = [visit(e.left), visit(e.right)];
        if (l.invariant && r.invariant) return { expr: e, invariant: true, calls: l.calls || r.calls || e.op === '**' };
        return { expr: { ...e, left: replace(e.left), right: replace(e.right) }, invariant: false, calls: false };
      }
      case 'call': {
        const args = e.args.map(visit);
        if (MATH.has(e.callee) && args.every((a) => a.invariant)) return { expr: e, invariant: true, calls: true };
        return { expr: { ...e, args: e.args.map(replace) }, invariant: false, calls: false };
      }
      case 'compare':
        return { expr: { ...e, operands: e.operands.map(replace) }, invariant: false, calls: false };
      case 'ifexp':
        return { expr: { ...e, test: replace(e.test), then: replace(e.then), otherwise: replace(e.otherwise) }, invariant: false, calls: false };
    }
  };
  const stmts = (list: Stmt[]): Stmt[] =>
    list.map((s): Stmt => {
      switch (s.kind) {
        case 'assign':
          return { ...s, expr: replace(s.expr) };
        case 'if':
          return { ...s, test: replace(s.test), then: stmts(s.then), otherwise: stmts(s.otherwise) };
        case 'while':
          return { ...s, test: replace(s.test), body: stmts(s.body) };
        case 'newton':
          return { ...s, body: stmts(s.body) };
        case 'simeq':
          return { ...s, body: stmts(s.body), matrix: s.matrix.map((row) => row.map(replace)) };
        default:
          return s;
      }
    });
  const breakpoint = { ...mech.breakpoint, stmts: stmts(mech.breakpoint.stmts) };
  const state = { ...mech.state, stmts: stmts(mech.state.stmts) };
  if (hoisted.size === 0) return mech;
  const computed: Stmt[] = [...hoisted.values()].map((h) => ({ kind: 'assign', target: h.name, expr: h.expr }));
  return {
    ...mech,
    fields: [...mech.fields, ...[...hoisted.values()].map((h) => h.name)],
    initial: { ...mech.initial, stmts: [...mech.initial.stmts, ...computed] },
    breakpoint,
    state,
  };
}
