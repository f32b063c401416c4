import type { Expr } from './ast.ts';
import { check } from './check.ts';
import { compileJs, type ExprFunction } from './compile-js.ts';
import { compileWgsl, type WgslNames } from './compile-wgsl.ts';
import type { ExprContext } from './context.ts';
import { parse } from './parser.ts';

export type { ExprFunction } from './compile-js.ts';
export { WGSL_MAX_DEPTH, WGSL_MAX_NESTING, type WgslNames } from './compile-wgsl.ts';
export * from './context.ts';
export { ExprError, ExprRuntimeError } from './errors.ts';
export type { RandomSource } from './functions.ts';
export { MAX_NESTING, MAX_SOURCE_LENGTH, parse } from './parser.ts';

/** A parsed, checked string function, ready to evaluate in JS or render as WGSL. */
export interface CompiledExpr {
  source: string;
  ast: Expr;
  context: ExprContext;
  /** Names of the variables read, in slot order. */
  variables: string[];
  /** Slots of those variables in `context.variables`. */
  slots: number[];
  usesRandom: boolean;
  evaluate: ExprFunction;
  toWgsl(names: WgslNames): string;
}

/** Parses and checks `source` for a use site; throws ExprError (with column) on any problem. */
export function compileExpression(source: string, context: ExprContext): CompiledExpr {
  const ast = parse(source);
  const checked = check(source, ast, context);
  return {
    source,
    ast,
    context,
    variables: checked.slots.map((s) => context.variables[s]),
    slots: checked.slots,
    usesRandom: checked.usesRandom,
    evaluate: compileJs(checked, context),
    toWgsl: (names) => compileWgsl(source, checked, context, names),
  };
}
