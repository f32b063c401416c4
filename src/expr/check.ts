import { didYouMean } from '../spec/diagnostics.ts';
import { type Expr, walk } from './ast.ts';
import { type ExprContext, resolveName } from './context.ts';
import { ExprError, quoteName } from './errors.ts';
import { CONSTANTS, FUNCTIONS } from './functions.ts';

export interface CheckedExpr {
  ast: Expr;
  /** Slots (indices into context.variables) the expression reads, ascending. */
  slots: number[];
  usesRandom: boolean;
}

/** Names longer than this get no "did you mean" (the edit distance would cost their length squared). */
const SUGGEST_MAX_LENGTH = 64;

/** Resolves every name and call against the site's context; throws ExprError at the first problem. */
export function check(source: string, ast: Expr, context: ExprContext): CheckedExpr {
  const slots = new Set<number>();
  let usesRandom = false;
  walk(ast, (node) => {
    if (node.kind === 'name') {
      const binding = resolveName(context, node.name);
      if (binding === undefined) unknownName(source, node.name, node.column, context);
      if (binding.kind === 'variable') slots.add(binding.slot);
    } else if (node.kind === 'call') {
      const fn = FUNCTIONS.get(node.callee);
      const callee = quoteName(node.callee);
      if (!fn) {
        const reason =
          resolveName(context, node.callee) !== undefined
            ? `${callee} is a variable, not a function`
            : `unknown function ${callee}${suggest(node.callee, FUNCTIONS.keys())}`;
        throw new ExprError(source, node.column, reason);
      }
      const n = node.args.length;
      if (fn.kind === 'random') {
        if (!context.allowRandom) throw new ExprError(source, node.column, `random function ${callee} is not allowed in ${context.site}`);
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
  const quoted = quoteName(name);
  const unavailable = context.unavailable.get(name);
  if (unavailable !== undefined) throw new ExprError(source, column, `${quoted} is not available here: ${unavailable}`);
  if (FUNCTIONS.has(name)) throw new ExprError(source, column, `${quoted} is a function; call it as ${name}(...)`);
  if (name === 'rand') throw new ExprError(source, column, "'rand' is not a value: call a distribution such as uniform(0, 1)");
  const known = [...context.variables, ...context.constants.keys(), ...CONSTANTS.keys()];
  throw new ExprError(source, column, `unknown name ${quoted} in ${context.site}${suggest(name, known)}`);
}

function suggest(name: string, candidates: Iterable<string>): string {
  return name.length > SUGGEST_MAX_LENGTH ? '' : didYouMean(name, candidates);
}
