import { walk } from '../expr/ast.ts';
import type { NStmt, Program } from './ast.ts';
import { mapStmts } from './ast.ts';

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
  const use = (name: string) => {
    const c = callables.get(name);
    if (!c || used.has(name)) return;
    used.add(name);
    pending.push(c.body);
  };
  for (let body = pending.pop(); body; body = pending.pop()) {
    mapStmts(body, (e) => {
      walk(e, (n) => {
        if (n.kind === 'call') use(n.callee);
      });
      return e;
    });
    forEachCallStmt(body, use);
  }
  return used;
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
