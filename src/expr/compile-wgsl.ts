import { type Expr, walk } from './ast.ts';
import type { CheckedExpr } from './check.ts';
import type { ExprContext } from './context.ts';
import { ExprError } from './errors.ts';
import { CONSTANTS, FUNCTIONS, WGSL_RANDOM } from './functions.ts';

// Renders a checked string function as one f32 WGSL expression (`inf` becomes the largest finite
// f32, WGSL having no infinite constants). Helpers it calls live in
// shaders/lib/pyops.wgsl (py_mod, py_floordiv, py_pow, py_log10, py_round) and
// shaders/lib/random.wgsl (rng_uniform, rng_discunif, rng_normal, rng_negexp on a
// ptr<function, Rng123>). WGSL has no short-circuit for `select`, so random draws inside
// `and`/`or`, conditional branches or the middle of chained comparisons are rejected: there
// they would be drawn when Python would skip them.

export interface WgslNames {
  /** WGSL expression for each variable used. */
  variable(name: string): string;
  /** WGSL expression of the `ptr<function, Rng123>` that random draws use. */
  rng?: string;
}

export function compileWgsl(source: string, checked: CheckedExpr, context: ExprContext, names: WgslNames): string {
  return new WgslRenderer(source, context, names).render(checked.ast);
}

class WgslRenderer {
  constructor(
    private readonly source: string,
    private readonly context: ExprContext,
    private readonly names: WgslNames,
  ) {}

  render(node: Expr): string {
    switch (node.kind) {
      case 'num':
        return this.literal(node.value, node.column);
      case 'name':
        if (this.context.variables.includes(node.name)) return this.names.variable(node.name);
        return this.literal(node.name in this.context.constants ? this.context.constants[node.name] : CONSTANTS[node.name], node.column);
      case 'unary':
        return node.op === '-' ? `(-${this.render(node.operand)})` : this.render(node.operand);
      case 'not':
        return `select(0.0, 1.0, ${this.render(node.operand)} == 0.0)`;
      case 'binary':
        return this.binary(node.op, this.render(node.left), this.render(node.right));
      case 'bool': {
        this.requirePure(node.right, `the right side of '${node.op}'`);
        const left = this.render(node.left);
        const right = this.render(node.right);
        return node.op === 'and' ? `py_and(${left}, ${right})` : `py_or(${left}, ${right})`;
      }
      case 'compare': {
        node.operands.slice(1).forEach((o) => this.requirePure(o, 'a chained comparison'));
        const parts = node.ops.map((op, i) => `(${this.render(node.operands[i])} ${op} ${this.render(node.operands[i + 1])})`);
        return `select(0.0, 1.0, ${parts.join(' && ')})`;
      }
      case 'ifexp':
        this.requirePure(node.then, 'a conditional branch');
        this.requirePure(node.otherwise, 'a conditional branch');
        return `select(${this.render(node.otherwise)}, ${this.render(node.then)}, ${this.render(node.test)} != 0.0)`;
      case 'call':
        return this.call(node);
    }
  }

  private binary(op: string, left: string, right: string): string {
    switch (op) {
      case '//':
        return `py_floordiv(${left}, ${right})`;
      case '%':
        return `py_mod(${left}, ${right})`;
      case '**':
        return `py_pow(${left}, ${right})`;
      default:
        return `(${left} ${op} ${right})`;
    }
  }

  private call(node: Extract<Expr, { kind: 'call' }>): string {
    const fn = FUNCTIONS[node.callee];
    const args = node.args.map((a) => this.render(a));
    if (fn.kind === 'random') {
      if (!WGSL_RANDOM.has(node.callee))
        this.fail(node.column, `random function '${node.callee}' has no WGSL implementation (available: ${[...WGSL_RANDOM].join(', ')})`);
      if (!this.names.rng) this.fail(node.column, 'random draws need a stream, and this WGSL site provides none');
      return `rng_${node.callee}(${[this.names.rng, ...args].join(', ')})`;
    }
    if (fn.wgsl === null) this.fail(node.column, `'${node.callee}' has no WGSL implementation`);
    if (node.callee === 'float') return args[0];
    if (node.callee === 'round') return args.length === 1 ? `round(${args[0]})` : `py_round(${args[0]}, ${args[1]})`;
    if (node.callee === 'min' || node.callee === 'max') return args.reduce((acc, a) => `${fn.wgsl}(${acc}, ${a})`);
    return `${fn.wgsl}(${args.join(', ')})`;
  }

  private literal(value: number, column: number): string {
    if (value === Infinity) return 'PY_INF';
    if (value === -Infinity) return '(-PY_INF)';
    if (Math.abs(value) > 3.4028234663852886e38) this.fail(column, `${value} does not fit in f32`);
    const text = String(value);
    return /[.eE]/.test(text) ? text : `${text}.0`;
  }

  private requirePure(node: Expr, where: string): void {
    walk(node, (n) => {
      if (n.kind === 'call' && FUNCTIONS[n.callee]?.kind === 'random') {
        this.fail(n.column, `a random draw in ${where} cannot be compiled to WGSL (Python would skip it conditionally)`);
      }
    });
  }

  private fail(column: number, reason: string): never {
    throw new ExprError(this.source, column, reason);
  }
}
