import { type Expr, walk } from '../expr/ast.ts';
import type { Stmt } from './definition.ts';

// The names statements assign and read (declarations of locals, flow checks).

/** Names assigned anywhere in the statements (for local declarations). */
export function assignedNames(stmts: Stmt[], out = new Set<string>()): Set<string> {
  for (const s of stmts) {
    if (s.kind === 'assign') out.add(s.target);
    else if (s.kind === 'if') {
      assignedNames(s.then, out);
      assignedNames(s.otherwise, out);
    } else if (s.kind === 'while') assignedNames(s.body, out);
    else if (s.kind === 'newton') {
      // the Newton function's body may assign fields too (cad.mod's drive_channel)
      assignedNames(s.body, out);
      s.states.forEach((x) => out.add(x));
    } else if (s.kind === 'simeq') {
      assignedNames(s.body, out);
      s.unknowns.forEach((x) => out.add(x));
    }
  }
  return out;
}

/** Names read anywhere in the statements' expressions. */
export function readNames(stmts: Stmt[], out = new Set<string>()): Set<string> {
  const visit = (e: Expr) =>
    walk(e, (n) => {
      if (n.kind === 'name') out.add(n.name);
    });
  for (const s of stmts) {
    if (s.kind === 'assign') visit(s.expr);
    else if (s.kind === 'if') {
      visit(s.test);
      readNames(s.then, out);
      readNames(s.otherwise, out);
    } else if (s.kind === 'while') {
      visit(s.test);
      readNames(s.body, out);
    } else if (s.kind === 'call') s.args.forEach(visit);
    else if (s.kind === 'send') {
      visit(s.delay);
      visit(s.flag);
    } else if (s.kind === 'move' || s.kind === 'event') visit(s.time);
    else if (s.kind === 'newton') readNames(s.body, out);
    else if (s.kind === 'simeq') {
      readNames(s.body, out);
      s.matrix.flat().forEach(visit);
    } else if (s.kind === 'table') visit(s.arg);
  }
  return out;
}
