import type { BinaryOp, CompareOp, Expr } from './ast.ts';
import { ExprError, quoteName } from './errors.ts';
import { type Token, tokenize } from './lexer.ts';

// Recursive descent with Python 3's precedence, lowest first:
//   a if c else b  <  or  <  and  <  not  <  comparisons  <  + -  <  * / // %  <  unary + -  <  **
// `**` is right-associative and binds tighter than a unary minus on its left (-2**2 == -4),
// while its right operand may itself be unary (2**-1).
// Chains at one level (a + b - c, a or b, a < b < c, x if c else y if d else z) are read in a
// loop, so they may be as long as the source. Only nesting recurses, and it is bounded: every
// parenthesis, function call, unary + or -, `not` and right operand of `**` opens a level, and
// more than MAX_NESTING open levels are refused before the parser goes deeper.

/** Longest string function accepted [characters]; NetPyNE models use well under 1 000. */
export const MAX_SOURCE_LENGTH = 65_536;
/** Deepest nesting accepted (see above); NetPyNE models nest under 10 deep. */
export const MAX_NESTING = 100;

const COMPARE_OPS = new Set(['<', '<=', '>', '>=', '==', '!=']);
const UNSUPPORTED_OPS = new Map([
  ['&', 'bitwise operators are not supported'],
  ['|', 'bitwise operators are not supported'],
  ['^', 'bitwise operators are not supported (use ** for powers)'],
  ['~', 'bitwise operators are not supported'],
  ['<<', 'bitwise operators are not supported'],
  ['>>', 'bitwise operators are not supported'],
  ['[', 'indexing and list literals are not supported'],
  ['.', 'attribute access is not supported (write exp(x), not np.exp(x) or math.exp(x))'],
  ['@', 'matrix multiplication is not supported'],
  ['=', 'assignment is not allowed in an expression (use == to compare)'],
]);

export function parse(source: string): Expr {
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new ExprError(source, 1, `expression is ${source.length} characters long; the limit is ${MAX_SOURCE_LENGTH}`);
  }
  return new Parser(source).parseAll();
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;
  /** Nesting levels open at the current token. */
  private depth = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  parseAll(): Expr {
    if (this.peek().kind === 'end') this.fail(this.peek(), 'empty expression');
    const expr = this.conditional();
    const next = this.peek();
    if (next.kind !== 'end') this.unexpected(next);
    return expr;
  }

  /** `x if c else y if d else z`: the arms in a loop, then the right-deep tree Python builds. */
  private conditional(): Expr {
    const arms: Array<{ then: Expr; test: Expr }> = [];
    let last = this.or();
    while (this.isKeyword('if')) {
      this.pos++;
      const test = this.or();
      if (!this.isKeyword('else')) this.fail(this.peek(), "expected 'else' in conditional expression");
      this.pos++;
      arms.push({ then: last, test });
      last = this.or();
    }
    return arms.reduceRight<Expr>((otherwise, { then, test }) => ({ kind: 'ifexp', test, then, otherwise, column: then.column }), last);
  }

  private or(): Expr {
    let left = this.and();
    while (this.isKeyword('or')) {
      this.pos++;
      left = { kind: 'bool', op: 'or', left, right: this.and(), column: left.column };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isKeyword('and')) {
      this.pos++;
      left = { kind: 'bool', op: 'and', left, right: this.not(), column: left.column };
    }
    return left;
  }

  private not(): Expr {
    if (this.isKeyword('not')) {
      const tok = this.tokens[this.pos++];
      return { kind: 'not', operand: this.nested(tok, () => this.not()), column: tok.column };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const first = this.sum();
    const operands = [first];
    const ops: CompareOp[] = [];
    while (this.peek().kind === 'op' && COMPARE_OPS.has(this.peek().text)) {
      ops.push(this.tokens[this.pos++].text as CompareOp);
      operands.push(this.sum());
    }
    if (this.isKeyword('in') || this.isKeyword('is')) this.fail(this.peek(), `'${this.peek().text}' is not supported`);
    return ops.length === 0 ? first : { kind: 'compare', operands, ops, column: first.column };
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.tokens[this.pos++].text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.product(), column: left.column };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const op = this.tokens[this.pos++].text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.unary(), column: left.column };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const tok = this.tokens[this.pos++];
      return { kind: 'unary', op: tok.text as '-' | '+', operand: this.nested(tok, () => this.unary()), column: tok.column };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (this.isOp('**')) {
      const tok = this.tokens[this.pos++];
      return { kind: 'binary', op: '**', left: base, right: this.nested(tok, () => this.unary()), column: base.column };
    }
    return base;
  }

  private primary(): Expr {
    const tok = this.peek();
    if (tok.kind === 'number') {
      this.pos++;
      return { kind: 'num', value: tok.value!, column: tok.column };
    }
    if (tok.kind === 'keyword' && (tok.text === 'True' || tok.text === 'False')) {
      this.pos++;
      return { kind: 'num', value: tok.text === 'True' ? 1 : 0, column: tok.column };
    }
    if (tok.kind === 'name') {
      this.pos++;
      if (this.isOp('(')) return this.call(tok);
      return { kind: 'name', name: tok.text, column: tok.column };
    }
    if (this.isOp('(')) {
      this.pos++;
      const inner = this.nested(tok, () => this.conditional());
      this.expect(')', "expected ')' to close '('");
      return inner;
    }
    return this.unexpected(tok);
  }

  private call(callee: Token): Expr {
    const open = this.tokens[this.pos++];
    return { kind: 'call', callee: callee.text, args: this.nested(open, () => this.args(callee)), column: callee.column };
  }

  private args(callee: Token): Expr[] {
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        if (this.peek().kind === 'name' && this.tokens[this.pos + 1]?.text === '=') {
          this.fail(this.peek(), 'keyword arguments are not supported');
        }
        args.push(this.conditional());
        if (!this.isOp(',')) break;
        this.pos++;
        if (this.isOp(')')) break; // trailing comma
      }
    }
    this.expect(')', `expected ',' or ')' in the arguments of ${quoteName(callee.text)}`);
    return args;
  }

  /** Parses one nesting level opened at `tok`; refuses more than MAX_NESTING open levels. */
  private nested<T>(tok: Token, parseInner: () => T): T {
    if (this.depth >= MAX_NESTING) {
      this.fail(tok, `nested more than ${MAX_NESTING} deep (parentheses, calls, unary operators, 'not' and '**' each open a level)`);
    }
    this.depth++;
    const inner = parseInner();
    this.depth--;
    return inner;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  private isKeyword(text: string): boolean {
    const t = this.peek();
    return t.kind === 'keyword' && t.text === text;
  }

  private expect(text: string, message: string): void {
    if (!this.isOp(text)) this.fail(this.peek(), message);
    this.pos++;
  }

  private unexpected(tok: Token): never {
    if (tok.kind === 'end') this.fail(tok, 'unexpected end of expression');
    const unsupported = tok.kind === 'op' ? UNSUPPORTED_OPS.get(tok.text) : undefined;
    if (unsupported) this.fail(tok, unsupported);
    if (tok.kind === 'keyword') this.fail(tok, `unexpected keyword '${tok.text}'`);
    this.fail(tok, `unexpected ${tok.kind === 'op' ? `'${tok.text}'` : quoteName(tok.text)}`);
  }

  private fail(tok: Token, reason: string): never {
    throw new ExprError(this.source, tok.column, reason);
  }
}
