import type { Expr } from '../expr/ast.ts';
import type { NStmt, Program } from './ast.ts';
import { mapStmts } from './watches.ts';

// Which FUNCTIONs and PROCEDUREs a mechanism runs: those its blocks call, directly or through
// each other. The rest are for hoc (useverbose, printing), which no NetPyNE spec calls.

/** FUNCTIONs and PROCEDUREs the blocks NEURON runs call, directly or through each other. */
export function calledCallables(program: Program): Set<string> {
  const callables = new Map([...program.functions, ...program.procedures].map((c) => [c.name, c]));
  const used = new Set<string>();
  const pending: NStmt[][] = [
    program.initial ?? [],
    program.breakpoint ?? [],
    ...program.derivatives.map((d) => d.body),
    ...program.kinetics.map((d) => d.body),
    ...program.linears.map((d) => d.body),
    ...program.nonlinears.map((d) => d.body),
    program.netReceive?.body ?? [],
  ];
  const visitExpr = (e: Expr) => {
    mapStmts([{ kind: 'assign', target: '', expr: e, pos: { line: 0, column: 0 } }], (x) => {
      collectCalls(x, (name) => use(name));
      return x;
    });
  };
  const use = (name: string) => {
    const c = callables.get(name);
    if (!c || used.has(name)) return;
    used.add(name);
    pending.push(c.body);
  };
  for (let body = pending.pop(); body; body = pending.pop()) {
    mapStmts(body, (e) => {
      visitExpr(e);
      return e;
    });
    forEachCallStmt(body, use);
  }
  return used;
}

/** Calls in an expression (any depth). */
function collectCalls(e: Expr, found: (name: string) => void): void {
  const stack = [e];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.kind === 'call') {
      found(n.callee);
      stack.push(...n.args);
    } else if (n.kind === 'unary' || n.kind === 'not') stack.push(n.operand);
    else if (n.kind === 'binary' || n.kind === 'bool') stack.push(n.left, n.right);
    else if (n.kind === 'compare') stack.push(...n.operands);
    else if (n.kind === 'ifexp') stack.push(n.test, n.then, n.otherwise);
  }
}

/** Procedure-call statements (and SOLVEd names) at any depth. */
function forEachCallStmt(stmts: NStmt[], found: (name: string) => void): void {
  for (const s of stmts) {
    if (s.kind === 'call') found(s.name);
    if (s.kind === 'solve') found(s.name);
    if (s.kind === 'if') {
      forEachCallStmt(s.then, found);
      forEachCallStmt(s.otherwise, found);
    }
    if (s.kind === 'while' || s.kind === 'from' || s.kind === 'fornetcons' || s.kind === 'initial') forEachCallStmt(s.body, found);
  }
}
