import { type BinaryExpr, type BinaryOp, type BoolExpr, binaryChain, boolChain, type Expr, type IfExpr, ifChain, walk } from './ast.ts';
import type { CheckedExpr } from './check.ts';
import { type ExprContext, resolveName } from './context.ts';
import { ExprError } from './errors.ts';
import { FUNCTIONS } from './functions.ts';

// Renders a checked string function as one f32 WGSL expression (`inf` becomes the largest finite
// f32, WGSL having no infinite constants). Helpers it calls live in
// shaders/lib/pyops.wgsl (py_mod, py_floordiv, py_pow, py_log10, py_round) and
// shaders/lib/random.wgsl (rng_uniform, rng_discunif, rng_normal, rng_negexp on a
// ptr<function, Rng123>). WGSL has no short-circuit for `select`, so random draws inside
// `and`/`or`, conditional branches or the middle of chained comparisons are rejected: there
// they would be drawn when Python would skip them.
// The text is made of this file's operators, callees from FUNCTIONS, the caller's variable
// expressions and numbers rendered from their values: never text from the expression.
// WGSL compilers bound what they accept (Tint: 128 nested parentheses or calls, expression trees
// 512 deep), so the renderer keeps count and refuses past WGSL_MAX_NESTING / WGSL_MAX_DEPTH.
// Chains up to WGSL_LEFT_FOLD operators keep Python's left-to-right association; longer chains
// of + and - (or of *, or of one of and/or, or the tests of a chained comparison) are combined
// pairwise, which keeps the evaluation order of operands and changes f32 rounding only.

/** Nested parentheses and calls the rendered expression may have (Tint refuses at 128). */
export const WGSL_MAX_NESTING = 120;
/** Depth of the rendered expression tree (Tint refuses past 512). */
export const WGSL_MAX_DEPTH = 500;
/** Longest operator chain rendered as a left fold. */
const WGSL_LEFT_FOLD = 64;

export interface WgslNames {
  /** WGSL expression reading the variable in slot `slot` of the context's variables. */
  variable(slot: number): string;
  /** WGSL expression of the `ptr<function, Rng123>` that random draws use. */
  rng?: string;
}

export function compileWgsl(source: string, checked: CheckedExpr, context: ExprContext, names: WgslNames): string {
  return new WgslRenderer(source, context, names).render(checked.ast).text;
}

/** Rendered text with the nesting (parentheses, calls) and tree depth a WGSL parser will see. */
interface Wgsl {
  text: string;
  nesting: number;
  depth: number;
}

const HELPERS = new Map<BinaryOp, string>([
  ['//', 'py_floordiv'],
  ['%', 'py_mod'],
  ['**', 'py_pow'],
]);

const leaf = (text: string, nesting = 0): Wgsl => ({ text, nesting, depth: 1 });

class WgslRenderer {
  constructor(
    private readonly source: string,
    private readonly context: ExprContext,
    private readonly names: WgslNames,
  ) {}

  render(node: Expr): Wgsl {
    switch (node.kind) {
      case 'num':
        return this.literal(node.value, node.column);
      case 'name': {
        const binding = resolveName(this.context, node.name)!;
        return binding.kind === 'variable' ? leaf(this.names.variable(binding.slot), 1) : this.literal(binding.value, node.column);
      }
      case 'unary':
        return node.op === '-' ? this.wrap(node, (x) => `(-${x})`, [this.render(node.operand)], 2) : this.render(node.operand);
      case 'not':
        return this.wrap(node, (x) => `select(0.0, 1.0, ${x} == 0.0)`, [this.render(node.operand)]);
      case 'binary':
        return this.binary(node);
      case 'bool':
        return this.bool(node);
      case 'compare': {
        node.operands.slice(1).forEach((o) => this.requirePure(o, 'a chained comparison'));
        const operands = node.operands.map((o) => this.render(o));
        const tests = node.ops.map((op, i) => this.infix(node, operands[i], [[op, operands[i + 1]]]));
        const all = this.combine(node, tests, '&&');
        return this.wrap(node, (x) => `select(0.0, 1.0, ${x})`, [all]);
      }
      case 'ifexp':
        return this.conditional(node);
      case 'call':
        return this.call(node);
    }
  }

  private binary(node: BinaryExpr): Wgsl {
    const { first, links } = binaryChain(node);
    const head = this.render(first);
    const operands = links.map((l) => this.render(l.right));
    if (links.length > WGSL_LEFT_FOLD && links.every((l) => l.op === '+' || l.op === '-')) {
      const terms = links.map((l, i) => (l.op === '-' ? this.wrap(node, (x) => `(-${x})`, [operands[i]], 2) : operands[i]));
      return this.combine(node, [head, ...terms], '+');
    }
    if (links.length > WGSL_LEFT_FOLD && links.every((l) => l.op === '*')) return this.combine(node, [head, ...operands], '*');
    // A left fold: native operators extend one flat run, a helper call takes the run so far.
    let folded = head;
    let run: Array<[string, Wgsl]> = [];
    links.forEach((link, i) => {
      const helper = HELPERS.get(link.op);
      if (!helper) {
        run.push([link.op, operands[i]]);
        return;
      }
      folded = this.wrap(link, (a, b) => `${helper}(${a}, ${b})`, [this.infix(link, folded, run), operands[i]]);
      run = [];
    });
    return this.infix(node, folded, run);
  }

  private bool(node: BoolExpr): Wgsl {
    const { first, rights } = boolChain(node);
    rights.forEach((r) => this.requirePure(r, `the right side of '${node.op}'`));
    return this.combine(node, [this.render(first), ...rights.map((r) => this.render(r))], node.op === 'and' ? 'py_and' : 'py_or', 'call');
  }

  private conditional(node: IfExpr): Wgsl {
    const { arms, otherwise } = ifChain(node);
    if (arms.length > WGSL_MAX_NESTING) this.tooDeep(node.column);
    arms.forEach((arm) => {
      this.requirePure(arm.then, 'a conditional branch');
      if (arm !== node) this.requirePure(arm.test, 'a conditional branch');
    });
    this.requirePure(otherwise, 'a conditional branch');
    return arms.reduceRight(
      (rest, arm) => this.wrap(arm, (o, t, c) => `select(${o}, ${t}, ${c} != 0.0)`, [rest, this.render(arm.then), this.render(arm.test)]),
      this.render(otherwise),
    );
  }

  private call(node: Extract<Expr, { kind: 'call' }>): Wgsl {
    const fn = FUNCTIONS.get(node.callee)!;
    const args = node.args.map((a) => this.render(a));
    if (fn.kind === 'random') {
      if (fn.wgsl === null) {
        const available = [...FUNCTIONS].flatMap(([name, f]) => (f.kind === 'random' && f.wgsl !== null ? [name] : []));
        this.fail(node.column, `random function '${node.callee}' has no WGSL implementation (available: ${available.join(', ')})`);
      }
      if (!this.names.rng) this.fail(node.column, 'random draws need a stream, and this WGSL site provides none');
      return this.wrap(node, (...a) => `${fn.wgsl}(${[this.names.rng, ...a].join(', ')})`, args);
    }
    if (fn.wgsl === null) this.fail(node.column, `'${node.callee}' has no WGSL implementation`);
    if (node.callee === 'float') return args[0];
    if (node.callee === 'round' && args.length === 1) return this.wrap(node, (x) => `round(${x})`, args);
    if (node.callee === 'min' || node.callee === 'max') return args.reduce((acc, a) => this.wrap(node, (x, y) => `${fn.wgsl}(${x}, ${y})`, [acc, a]));
    return this.wrap(node, (...a) => `${fn.wgsl}(${a.join(', ')})`, args);
  }

  /**
   * Items joined left to right by an infix operator (`(a + b + c)`) or a two-argument call
   * (`py_or(py_or(a, b), c)`): a left fold when short, pairwise when long (same operand order).
   */
  private combine(at: { column: number }, items: Wgsl[], op: string, form: 'infix' | 'call' = 'infix'): Wgsl {
    const pair = (a: Wgsl, b: Wgsl) => this.wrap(at, (x, y) => (form === 'infix' ? `(${x} ${op} ${y})` : `${op}(${x}, ${y})`), [a, b]);
    if (items.length > WGSL_LEFT_FOLD + 1) {
      const half = items.length >> 1;
      return pair(this.combine(at, items.slice(0, half), op, form), this.combine(at, items.slice(half), op, form));
    }
    if (form === 'infix')
      return this.infix(
        at,
        items[0],
        items.slice(1).map((item): [string, Wgsl] => [op, item]),
      );
    return items.reduce(pair);
  }

  /** `(first op1 x1 op2 x2 ...)`, a left-deep tree in one pair of parentheses. */
  private infix(at: { column: number }, first: Wgsl, rest: Array<[string, Wgsl]>): Wgsl {
    if (rest.length === 0) return first;
    const parts = [first, ...rest.map(([, x]) => x)];
    return this.checked(at.column, {
      text: `(${first.text} ${rest.map(([op, x]) => `${op} ${x.text}`).join(' ')})`,
      nesting: Math.max(...parts.map((p) => p.nesting)) + 1,
      depth: Math.max(...parts.map((p) => p.depth)) + rest.length,
    });
  }

  /** One rendered node around its parts: one more level of nesting (`levels` for unary minus) and depth. */
  private wrap(at: { column: number }, form: (...parts: string[]) => string, parts: Wgsl[], levels = 1): Wgsl {
    const nesting = Math.max(0, ...parts.map((p) => p.nesting)) + levels;
    const depth = Math.max(0, ...parts.map((p) => p.depth)) + 1;
    return this.checked(at.column, { text: form(...parts.map((p) => p.text)), nesting, depth });
  }

  private checked(column: number, rendered: Wgsl): Wgsl {
    if (rendered.nesting > WGSL_MAX_NESTING || rendered.depth > WGSL_MAX_DEPTH) this.tooDeep(column);
    return rendered;
  }

  private tooDeep(column: number): never {
    this.fail(
      column,
      `too deeply nested for WGSL (compilers accept ${WGSL_MAX_NESTING} nested parentheses or calls and expression trees ${WGSL_MAX_DEPTH} deep)`,
    );
  }

  /** A number as WGSL source, from its value. */
  private literal(value: number, column: number): Wgsl {
    if (value === Infinity) return leaf('PY_INF');
    if (value === -Infinity) return leaf('(-PY_INF)', 1);
    if (Number.isNaN(value) || Math.abs(value) > 3.4028234663852886e38) this.fail(column, `${value} does not fit in f32`);
    if (Object.is(value, -0)) return leaf('(-0.0)', 1);
    const text = String(value);
    const float = /[.eE]/.test(text) ? text : `${text}.0`;
    return value < 0 ? leaf(`(${float})`, 1) : leaf(float);
  }

  private requirePure(node: Expr, where: string): void {
    walk(node, (n) => {
      if (n.kind === 'call' && FUNCTIONS.get(n.callee)?.kind === 'random') {
        this.fail(n.column, `a random draw in ${where} cannot be compiled to WGSL (Python would skip it conditionally)`);
      }
    });
  }

  private fail(column: number, reason: string): never {
    throw new ExprError(this.source, column, reason);
  }
}
