import type { Expr } from '../expr/ast.ts';
import { parse } from '../expr/index.ts';
import type { Stmt } from '../nmodl/definition.ts';
import { assignedNames, readNames } from '../nmodl/stmt-names.ts';

export type { Stmt };
export { assignedNames, readNames };

// The statement language of mechanism code blocks, one statement per line:
//   name = expression            (expressions in the Python syntax of src/expr)
//   procedure(arg, ...)          (a PROCEDURE call, inlined)
//   if (test) {  } else if (test) {  } else {  }
//   while (test) {  }
//   net_send(delay, flag)  net_move(time)  net_event(time)   (NET_RECEIVE / INITIAL events)
//   solve(name)                  (SOLVE of the definition's DERIVATIVE or LINEAR block `name`)
// Statements are kept as a tree; renderers turn it into JavaScript or WGSL.

export class MechSyntaxError extends Error {
  constructor(where: string, line: number, text: string, message: string) {
    super(`${where}, line ${line} ('${text.trim()}'): ${message}`);
    this.name = 'MechSyntaxError';
  }
}

const IF = /^(?:\}\s*else\s+)?if\s*\((.*)\)\s*\{$/;
const WHILE = /^while\s*\((.*)\)\s*\{$/;
const EVENT_CALLS: Record<string, number> = { net_send: 2, net_move: 1, net_event: 1 };
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*(.+)$/;
const CALL = /^([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)$/;

/** Parses one expression of a definition (a WATCH condition); `where` names it in errors. */
export function parseExpression(text: string, where: string, at = { text, line: 1 }): Expr {
  try {
    return parse(text);
  } catch (e) {
    throw new MechSyntaxError(where, at.line, at.text, (e as Error).message);
  }
}

/** A block's statements: parsed from text, or as given (compiled from NMODL). */
export function blockOf(code: string | Stmt[], where: string): Stmt[] {
  return typeof code === 'string' ? parseBlock(code, where) : code;
}

/** An expression: parsed from text, or as given. */
export function expressionOf(code: string | Expr, where: string): Expr {
  return typeof code === 'string' ? parseExpression(code, where) : code;
}

/** Parses a block; `where` names it in errors ("hh BREAKPOINT"). */
export function parseBlock(source: string, where: string): Stmt[] {
  const lines = source
    .split('\n')
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter((l) => l.text !== '');
  let pos = 0;
  const expr = (text: string, at: { text: string; line: number }): Expr => parseExpression(text, where, at);
  const block = (nested: boolean): Stmt[] => {
    const out: Stmt[] = [];
    while (pos < lines.length) {
      const at = lines[pos];
      if (at.text.startsWith('}')) {
        if (!nested) throw new MechSyntaxError(where, at.line, at.text, "unexpected '}'");
        return out;
      }
      pos++;
      const cond = IF.exec(at.text);
      if (cond) {
        out.push(ifChain(expr(cond[1], at)));
        continue;
      }
      const loop = WHILE.exec(at.text);
      if (loop) {
        const test = expr(loop[1], at);
        const body = block(true);
        pos++; // the closing '}'
        out.push({ kind: 'while', test, body });
        continue;
      }
      const assign = ASSIGN.exec(at.text);
      if (assign) {
        out.push({ kind: 'assign', target: assign[1], expr: expr(assign[2], at) });
        continue;
      }
      const call = CALL.exec(at.text);
      if (call) {
        const parsed = expr(at.text, at);
        if (parsed.kind !== 'call') throw new MechSyntaxError(where, at.line, at.text, 'expected a procedure call');
        const arity = EVENT_CALLS[call[1]];
        if (arity !== undefined && parsed.args.length !== arity) throw new MechSyntaxError(where, at.line, at.text, `${call[1]} takes ${arity} argument(s)`);
        if (call[1] === 'net_send') out.push({ kind: 'send', delay: parsed.args[0], flag: parsed.args[1] });
        else if (call[1] === 'net_move') out.push({ kind: 'move', time: parsed.args[0] });
        else if (call[1] === 'net_event') out.push({ kind: 'event', time: parsed.args[0] });
        else out.push({ kind: 'call', name: call[1], args: parsed.args });
        continue;
      }
      throw new MechSyntaxError(where, at.line, at.text, 'expected `name = expression`, `procedure(args)`, `if (test) {` or `while (test) {`');
    }
    if (nested) throw new MechSyntaxError(where, lines.length, lines[lines.length - 1]?.text ?? '', "missing '}'");
    return out;
  };
  const ifChain = (test: Expr): Stmt => {
    const then = block(true);
    const close = lines[pos];
    const elseIf = IF.exec(close.text);
    if (elseIf && close.text.startsWith('}')) {
      pos++;
      return { kind: 'if', test, then, otherwise: [ifChain(expr(elseIf[1], close))] };
    }
    if (/^\}\s*else\s*\{$/.test(close.text)) {
      pos++;
      const otherwise = block(true);
      pos++; // the closing '}'
      return { kind: 'if', test, then, otherwise };
    }
    if (close.text !== '}') throw new MechSyntaxError(where, close.line, close.text, "expected '}', '} else {' or '} else if (test) {'");
    pos++;
    return { kind: 'if', test, then, otherwise: [] };
  };
  return block(false);
}
