import type { Expr } from './ast.ts';
import type { CheckedExpr } from './check.ts';
import type { ExprContext } from './context.ts';
import { CONSTANTS, FUNCTIONS, type RandomSource } from './functions.ts';
import { runtime } from './runtime.ts';

/** A compiled string function: reads its variables from `env` slots, draws from `rand`. */
export type ExprFunction = (env: Float64Array, rand: RandomSource | null) => number;

// Renders the checked tree as one JavaScript function with Python's evaluation order and
// semantics: left-to-right evaluation, short-circuit `and`/`or` returning operands, chained
// comparisons evaluating each middle operand once, Python truthiness (only 0 is false),
// and Python's /, //, %, ** via runtime helpers. The source given to `new Function` is
// generated from the checked tree only, never from user text.

export function compileJs(checked: CheckedExpr, context: ExprContext): ExprFunction {
  const renderer = new JsRenderer(context);
  const body = renderer.render(checked.ast);
  const temps = renderer.temps > 0 ? `let ${Array.from({ length: renderer.temps }, (_, i) => `t${i}`).join(', ')};` : '';
  const factory = new Function('rt', `"use strict"; return function (env, rand) { ${temps} return ${body}; };`);
  return factory(runtime) as ExprFunction;
}

class JsRenderer {
  temps = 0;
  constructor(private readonly context: ExprContext) {}

  render(node: Expr): string {
    switch (node.kind) {
      case 'num':
        return literal(node.value);
      case 'name': {
        const slot = this.context.variables.indexOf(node.name);
        if (slot >= 0) return `env[${slot}]`;
        return literal(node.name in this.context.constants ? this.context.constants[node.name] : CONSTANTS[node.name]);
      }
      case 'unary':
        return node.op === '-' ? `(-${this.render(node.operand)})` : `(+${this.render(node.operand)})`;
      case 'not':
        return `(${this.render(node.operand)} === 0 ? 1 : 0)`;
      case 'binary':
        return this.binary(node.op, this.render(node.left), this.render(node.right));
      case 'bool': {
        const t = this.temp();
        const test = node.op === 'and' ? `${t} === 0` : `${t} !== 0`;
        return `((${t} = ${this.render(node.left)}), ${test} ? ${t} : ${this.render(node.right)})`;
      }
      case 'compare':
        return this.compare(node.operands, node.ops);
      case 'ifexp':
        return `(${this.render(node.test)} !== 0 ? ${this.render(node.then)} : ${this.render(node.otherwise)})`;
      case 'call':
        return this.call(node.callee, node.args);
    }
  }

  private binary(op: string, left: string, right: string): string {
    switch (op) {
      case '/':
        return `rt.pyDiv(${left}, ${right})`;
      case '//':
        return `rt.pyFloorDiv(${left}, ${right})`;
      case '%':
        return `rt.pyMod(${left}, ${right})`;
      case '**':
        return `rt.pyPow(${left}, ${right})`;
      default:
        return `(${left} ${op} ${right})`;
    }
  }

  /** a < b <= c: evaluate a, b; stop if false; else evaluate c ... (Python semantics). */
  private compare(operands: Expr[], ops: string[]): string {
    const js = (op: string) => (op === '==' ? '===' : op === '!=' ? '!==' : op);
    const temps = operands.map(() => this.temp());
    let code = '1';
    for (let i = ops.length - 1; i >= 0; i--) {
      const next = `(${temps[i + 1]} = ${this.render(operands[i + 1])})`;
      code = `(${next}, ${temps[i]} ${js(ops[i])} ${temps[i + 1]} ? ${code} : 0)`;
    }
    return `((${temps[0]} = ${this.render(operands[0])}), ${code})`;
  }

  private call(callee: string, args: Expr[]): string {
    const fn = FUNCTIONS[callee];
    const rendered = args.map((a) => this.render(a));
    if (fn.kind === 'random') return `rand.${callee}(${rendered.join(', ')})`;
    if (callee === 'float') return `(+${rendered[0]})`;
    return `${fn.js}(${rendered.join(', ')})`;
  }

  private temp(): string {
    return `t${this.temps++}`;
  }
}

function literal(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '(-Infinity)';
  return Object.is(value, -0) ? '(-0)' : String(value);
}
