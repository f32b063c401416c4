import { type BinaryExpr, type BinaryOp, type BoolExpr, binaryChain, boolChain, type CompareOp, type Expr, type IfExpr, ifChain } from './ast.ts';
import type { CheckedExpr } from './check.ts';
import { type ExprContext, resolveName } from './context.ts';
import { FUNCTIONS, type RandomSource } from './functions.ts';
import { runtime } from './runtime.ts';

/** A compiled string function: reads its variables from `env` slots, draws from `rand`. */
export type ExprFunction = (env: Float64Array, rand: RandomSource | null) => number;

// Renders the checked tree as one JavaScript function with Python's evaluation order and
// semantics: left-to-right evaluation, short-circuit `and`/`or` returning operands, chained
// comparisons evaluating each middle operand once, Python truthiness (only 0 is false),
// and Python's /, //, %, ** via runtime helpers. The source given to `new Function` is made of
// this file's text, callees from FUNCTIONS, `env[slot]`, temporaries `t<n>` and numbers rendered
// from their values: never text from the expression.
// A chain of any length renders flat (a + b + c, or a comma sequence through a temporary), as
// V8's parser recurses on nested parentheses and calls; only bounded nesting nests.

export function compileJs(checked: CheckedExpr, context: ExprContext): ExprFunction {
  const renderer = new JsRenderer(context);
  const body = renderer.render(checked.ast);
  const temps = renderer.temps > 0 ? `let ${Array.from({ length: renderer.temps }, (_, i) => `t${i}`).join(', ')};` : '';
  const factory = new Function('rt', `"use strict"; return function (env, rand) { ${temps} return ${body}; };`);
  return factory(runtime) as ExprFunction;
}

/** Operators JavaScript evaluates as Python does on floats. */
const NATIVE_OPS = new Set<BinaryOp>(['+', '-', '*']);
const HELPERS = new Map<BinaryOp, string>([
  ['/', 'rt.pyDiv'],
  ['//', 'rt.pyFloorDiv'],
  ['%', 'rt.pyMod'],
  ['**', 'rt.pyPow'],
]);
const JS_COMPARE = new Map<CompareOp, string>([
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
  ['==', '==='],
  ['!=', '!=='],
]);

class JsRenderer {
  temps = 0;
  constructor(private readonly context: ExprContext) {}

  render(node: Expr): string {
    switch (node.kind) {
      case 'num':
        return literal(node.value);
      case 'name': {
        const binding = resolveName(this.context, node.name)!;
        return binding.kind === 'variable' ? `env[${binding.slot}]` : literal(binding.value);
      }
      case 'unary':
        return node.op === '-' ? `(-${this.render(node.operand)})` : `(+${this.render(node.operand)})`;
      case 'not':
        return `(${this.render(node.operand)} === 0 ? 1 : 0)`;
      case 'binary':
        return this.binary(node);
      case 'bool':
        return this.bool(node);
      case 'compare':
        return this.compare(node.operands, node.ops);
      case 'ifexp':
        return this.conditional(node);
      case 'call':
        return this.call(node.callee, node.args);
    }
  }

  /** One operator: (a + b) or rt.pyDiv(a, b). A chain: flat when native, else through a temporary. */
  private binary(node: BinaryExpr): string {
    const { first, links } = binaryChain(node);
    if (links.length === 1) return apply(links[0].op, this.render(first), this.render(links[0].right));
    if (links.every((l) => NATIVE_OPS.has(l.op))) return `(${[this.render(first), ...links.map((l) => `${l.op} ${this.render(l.right)}`)].join(' ')})`;
    const t = this.temp();
    return `(${t} = ${this.render(first)}, ${links.map((l) => `${t} = ${apply(l.op, t, this.render(l.right))}`).join(', ')}, ${t})`;
  }

  /** a or b or c: t = a; t = t if truthy else b; ... (each right side evaluated only when reached). */
  private bool(node: BoolExpr): string {
    const { first, rights } = boolChain(node);
    const t = this.temp();
    const keep = node.op === 'and' ? `${t} === 0` : `${t} !== 0`;
    return `(${t} = ${this.render(first)}, ${rights.map((r) => `${t} = ${keep} ? ${t} : ${this.render(r)}`).join(', ')}, ${t})`;
  }

  /** a < b <= c: evaluate a, b; stop if false; else evaluate c ... (Python semantics). */
  private compare(operands: Expr[], ops: CompareOp[]): string {
    const previous = this.temp();
    const current = this.temp();
    const result = this.temp();
    const test = (op: CompareOp) => `${result} = ${previous} ${JS_COMPARE.get(op)} ${current} ? 1 : 0`;
    const steps = ops.slice(1).map((op, i) => `${result} !== 0 && (${previous} = ${current}, ${current} = ${this.render(operands[i + 2])}, ${test(op)})`);
    return `(${previous} = ${this.render(operands[0])}, ${current} = ${this.render(operands[1])}, ${[test(ops[0]), ...steps].join(', ')}, ${result})`;
  }

  /** x if c else y if d else z: the first arm whose test is truthy, each test evaluated only when reached. */
  private conditional(node: IfExpr): string {
    const { arms, otherwise } = ifChain(node);
    if (arms.length === 1) return `(${this.render(node.test)} !== 0 ? ${this.render(node.then)} : ${this.render(otherwise)})`;
    const done = this.temp();
    const result = this.temp();
    const steps = arms.map((arm) => `${done} === 0 && ${this.render(arm.test)} !== 0 && (${done} = 1, ${result} = ${this.render(arm.then)})`);
    return `(${done} = 0, ${steps.join(', ')}, ${done} === 0 && (${result} = ${this.render(otherwise)}), ${result})`;
  }

  private call(callee: string, args: Expr[]): string {
    const fn = FUNCTIONS.get(callee)!;
    const rendered = args.map((a) => this.render(a));
    if (callee === 'float') return `(+${rendered[0]})`;
    return `${fn.js}(${rendered.join(', ')})`;
  }

  private temp(): string {
    return `t${this.temps++}`;
  }
}

function apply(op: BinaryOp, left: string, right: string): string {
  const helper = HELPERS.get(op);
  return helper ? `${helper}(${left}, ${right})` : `(${left} ${op} ${right})`;
}

/** A number as JavaScript source, from its value: digits, '.', 'e', signs, NaN, Infinity. */
function literal(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '(-Infinity)';
  if (Object.is(value, -0)) return '(-0)';
  return value < 0 ? `(${String(value)})` : String(value);
}
