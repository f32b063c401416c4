import { type Expr, walk } from '../expr/ast.ts';
import type { Callable, NStmt } from './ast.ts';
import type { Converter } from './convert.ts';
import type { LinearDef, Stmt } from './definition.ts';
import { NmodlError, NmodlUnsupported } from './errors.ts';
import type { Symbols } from './symbols.ts';

// A LINEAR block as nocmodl fills its matrix (simultan.c): for each equation `~ lhs = rhs` the
// additive terms of lhs, then of rhs, are visited in order; a term holding one STATE (as a
// factor) adds to that unknown's coefficient the term with the state replaced by 1.0, any other
// term goes to the right-hand side with the opposite sign, both with the sign the term has in
// rhs - lhs; every entry starts at 0 (zero_matrix). The unknowns are the states in the order the
// equations first name them (_slist). scopmath's simeq then solves the system.

interface Term {
  sign: 1 | -1;
  body: Expr;
}

export function linearDef(block: Callable, convert: Converter, symbols: Symbols): LinearDef {
  const file = convert.file;
  const scope = new Map<string, string>();
  const rules = { where: `LINEAR ${block.name}` };
  const body: Stmt[] = [];
  const equations: Array<{ terms: Term[]; pos: NStmt['pos'] }> = [];
  for (const s of block.body) {
    if (s.kind === 'local') for (const [from, to] of convert.scope(s.names, 'l')) scope.set(from, to);
    else if (s.kind === 'equation') {
      const side = (e: Expr, sign: 1 | -1) => terms(convert.expr(e, scope, s.pos, rules), sign);
      equations.push({ terms: [...side(s.left, -1), ...side(s.right, 1)], pos: s.pos });
    } else if (s.kind === 'assign' && equations.length === 0) body.push(...convert.block([s], rules, scope));
    else throw new NmodlUnsupported(file, s.pos, `in LINEAR ${block.name}, a statement other than assignments before the equations`);
  }
  const isState = (name: string) => symbols.get(name)?.kind === 'state';
  const unknowns: string[] = [];
  const rows = equations.map((eq) => {
    const entries = new Map<string, Expr>();
    let rhs: Expr = num(0);
    for (const term of eq.terms) {
      const states = namesIn(term.body).filter(isState);
      if (states.length === 0) {
        rhs = binary(term.sign > 0 ? '-' : '+', rhs, term.body);
        continue;
      }
      const [x] = states;
      if (states.length > 1 || !isFactor(term.body, x))
        throw new NmodlUnsupported(file, eq.pos, `a LINEAR term not linear in one state (${states.join(', ')})`);
      if (!unknowns.includes(x)) unknowns.push(x);
      entries.set(x, binary(term.sign > 0 ? '+' : '-', entries.get(x) ?? num(0), withOne(term.body, x)));
    }
    return { entries, rhs };
  });
  if (unknowns.length !== equations.length)
    throw new NmodlError(file, block.pos, `LINEAR ${block.name} has ${equations.length} equations in ${unknowns.length} states (${unknowns.join(', ')})`);
  const matrix = rows.map(({ entries, rhs }) => [...unknowns.map((x) => entries.get(x) ?? num(0)), rhs]);
  return { unknowns, body, matrix };
}

/** The additive terms of e with their signs; a leading minus of a product is the term's sign (as nocmodl reads `-gain*e`). */
function terms(e: Expr, sign: 1 | -1, out: Term[] = []): Term[] {
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) {
    terms(e.left, sign, out);
    terms(e.right, e.op === '-' ? (-sign as 1 | -1) : sign, out);
  } else if (e.kind === 'unary') terms(e.operand, e.op === '-' ? (-sign as 1 | -1) : sign, out);
  else if (e.kind === 'binary' && (e.op === '*' || e.op === '/') && leftmost(e).kind === 'unary') {
    const lead = leftmost(e) as Extract<Expr, { kind: 'unary' }>;
    out.push({ sign: lead.op === '-' ? (-sign as 1 | -1) : sign, body: replaceNode(e, lead, lead.operand) });
  } else out.push({ sign, body: e });
  return out;
}

function leftmost(e: Expr): Expr {
  let at = e;
  while (at.kind === 'binary' && (at.op === '*' || at.op === '/')) at = at.left;
  return at;
}

function replaceNode(e: Expr, target: Expr, by: Expr): Expr {
  if (e === target) return by;
  if (e.kind === 'binary') return { ...e, left: replaceNode(e.left, target, by), right: replaceNode(e.right, target, by) };
  return e;
}

/** Whether x is a factor of the product: reached through * (either side) and the numerator of /. */
function isFactor(e: Expr, x: string): boolean {
  if (e.kind === 'name') return e.name === x;
  if (e.kind !== 'binary') return false;
  if (e.op === '*') return isFactor(e.left, x) !== isFactor(e.right, x);
  if (e.op === '/') return isFactor(e.left, x) && !namesIn(e.right).includes(x);
  return false;
}

/** The term with the state replaced by 1.0: its coefficient. */
function withOne(e: Expr, x: string): Expr {
  if (e.kind === 'name' && e.name === x) return num(1);
  if (e.kind === 'binary') return { ...e, left: withOne(e.left, x), right: withOne(e.right, x) };
  return e;
}

function namesIn(e: Expr): string[] {
  const out: string[] = [];
  walk(e, (n) => {
    if (n.kind === 'name') out.push(n.name);
  });
  return out;
}

function num(value: number): Expr {
  return { kind: 'num', value, column: 1 };
}

function binary(op: '+' | '-', left: Expr, right: Expr): Expr {
  return { kind: 'binary', op, left, right, column: 1 };
}
