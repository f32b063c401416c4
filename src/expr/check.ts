import { didYouMean } from '../spec/diagnostics.ts';
import { type Expr, walk } from './ast.ts';
import type { ExprContext } from './context.ts';
import { ExprError } from './errors.ts';
import { CONSTANTS, FUNCTIONS } from './functions.ts';

export interface CheckedExpr {
  ast: Expr;
  /** Slots (indices into context.variables) the expression reads, ascending. */
  slots: number[];
  usesRandom: boolean;
}

/** Resolves every name and call against the site's context; throws ExprError at the first problem. */
export function check(source: string, ast: Expr, context: ExprContext): CheckedExpr {
  const slots = new Set<number>();
  let usesRandom = false;
  walk(ast, (node) => {
    if (node.kind === 'name') {
      const slot = context.variables.indexOf(node.name);
      if (slot >= 0) slots.add(slot);
      else if (!(node.name in context.constants) && !(node.name in CONSTANTS)) unknownName(source, node.name, node.column, context);
    } else if (node.kind === 'call') {
      const fn = FUNCTIONS[node.callee];
      if (!fn) {
        const asVariable = context.variables.includes(node.callee) || node.callee in context.constants;
        const reason = asVariable
          ? `'${node.callee}' is a variable, not a function`
          : `unknown function '${node.callee}'${suggest(node.callee, Object.keys(FUNCTIONS))}`;
        throw new ExprError(source, node.column, reason);
      }
      const n = node.args.length;
      if (fn.kind === 'random') {
        if (!context.allowRandom) throw new ExprError(source, node.column, `random function '${node.callee}' is not allowed in ${context.site}`);
        if (n !== fn.args)
          throw new ExprError(source, node.column, `${node.callee}(${fn.params.join(', ')}) takes ${fn.args} argument${fn.args === 1 ? '' : 's'}, got ${n}`);
        usesRandom = true;
      } else if (n < fn.minArgs || n > fn.maxArgs) {
        const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
        throw new ExprError(source, node.column, `${node.callee}() takes ${expected} argument${expected === '1' ? '' : 's'}, got ${n}`);
      }
    }
  });
  return { ast, slots: [...slots].sort((a, b) => a - b), usesRandom };
}

function unknownName(source: string, name: string, column: number, context: ExprContext): never {
  if (name in context.unavailable) throw new ExprError(source, column, `'${name}' is not available here: ${context.unavailable[name]}`);
  if (name in FUNCTIONS) throw new ExprError(source, column, `'${name}' is a function; call it as ${name}(...)`);
  if (name === 'rand') throw new ExprError(source, column, "'rand' is not a value: call a distribution such as uniform(0, 1)");
  const known = [...context.variables, ...Object.keys(context.constants), ...Object.keys(CONSTANTS)];
  throw new ExprError(source, column, `unknown name '${name}' in ${context.site}${suggest(name, known)}`);
}

function suggest(name: string, candidates: string[]): string {
  return didYouMean(name, candidates);
}
