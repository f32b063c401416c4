import type { BinaryOp, CompareOp, Expr } from '../expr/ast.ts';
import type { Pos } from './errors.ts';
import type { Lexer, Token } from './lexer.ts';

// NMODL expressions with nocmodl's precedence (parse1.y), lowest first:
//   ||  <  &&  <  > >= < <= == !=  <  + -  <  * / %  <  unary - and !  <  ^ (right-associative)
// so -a^b is -(a^b) and !a == b is (!a) == b, as in C. Every level but ^ is left-associative
// and read in a loop; nesting (parentheses, calls, unary operators, ^) is bounded.

/** Suffix of the callee that stands for an array element, `amp[j]` (no NMODL name ends so). */
export const ARRAY_ELEMENT = '[]';

/** Deepest nesting of parentheses, calls and unary operators accepted in one expression. */
export const MAX_EXPR_NESTING = 100;

const COMPARE = new Set(['>', '>=', '<', '<=', '==', '!=']);

export class ExpressionParser {
  private depth = 0;

  constructor(private readonly lex: Lexer) {}

  expression(): Expr {
    return this.or();
  }

  private column(token: Token): number {
    return token.pos.column;
  }

  private or(): Expr {
    let left = this.and();
    while (this.lex.peek().text === '||' && this.lex.peek().kind === 'punct') {
      const op = this.lex.next();
      left = { kind: 'bool', op: 'or', left, right: this.and(), column: this.column(op) };
    }
    return left;
  }

  private and(): Expr {
    let left = this.compare();
    while (this.lex.peek().text === '&&' && this.lex.peek().kind === 'punct') {
      const op = this.lex.next();
      left = { kind: 'bool', op: 'and', left, right: this.compare(), column: this.column(op) };
    }
    return left;
  }

  private compare(): Expr {
    let left = this.sum();
    while (this.lex.peek().kind === 'punct' && COMPARE.has(this.lex.peek().text)) {
      const op = this.lex.next();
      if (left.kind === 'compare') this.lex.fail(op.pos, 'chained comparisons (a < b < c) compare a boolean in C; write a < b && b < c');
      left = { kind: 'compare', operands: [left, this.sum()], ops: [op.text as CompareOp], column: this.column(op) };
    }
    return left;
  }

  private sum(): Expr {
    let left = this.product();
    while (this.lex.peek().kind === 'punct' && (this.lex.peek().text === '+' || this.lex.peek().text === '-')) {
      const op = this.lex.next();
      left = { kind: 'binary', op: op.text as BinaryOp, left, right: this.product(), column: this.column(op) };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.lex.peek().kind === 'punct' && ['*', '/', '%'].includes(this.lex.peek().text)) {
      const op = this.lex.next();
      if (op.text === '%') this.lex.fail(op.pos, 'the % operator is not supported (use fmod)');
      left = { kind: 'binary', op: op.text as BinaryOp, left, right: this.unary(), column: this.column(op) };
    }
    return left;
  }

  private unary(): Expr {
    const token = this.lex.peek();
    if (token.kind === 'punct' && (token.text === '-' || token.text === '+' || token.text === '!')) {
      this.lex.next();
      const operand = this.nested(token.pos, () => this.unary());
      if (token.text === '!') return { kind: 'not', operand, column: this.column(token) };
      return { kind: 'unary', op: token.text as '-' | '+', operand, column: this.column(token) };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    const op = this.lex.peek();
    if (op.kind !== 'punct' || op.text !== '^') return base;
    this.lex.next();
    return { kind: 'binary', op: '**', left: base, right: this.nested(op.pos, () => this.unary()), column: this.column(op) };
  }

  private nested<T>(pos: Pos, read: () => T): T {
    if (++this.depth > MAX_EXPR_NESTING) this.lex.fail(pos, `expression nested more than ${MAX_EXPR_NESTING} deep`);
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private primary(): Expr {
    const token = this.lex.next();
    if (token.kind === 'number') {
      // A number may carry units, `0.062 (/mV)`: nocmodl checks them, they do not scale it.
      const after = this.lex.peek();
      if (after.kind === 'punct' && after.text === '(') this.lex.rawUnits(this.lex.next());
      return { kind: 'num', value: Number(token.text), column: this.column(token) };
    }
    if (token.kind === 'punct' && token.text === '(') {
      const inner = this.nested(token.pos, () => this.expression());
      this.expect(')');
      return inner;
    }
    if (token.kind === 'name') {
      if (token.primes) this.lex.fail(token.pos, `${token.text}${"'".repeat(token.primes)} can only be assigned (x' = ...)`);
      const after = this.lex.peek();
      if (after.kind === 'punct' && after.text === '[') {
        // an array element: the call of `name[]` with the index, resolved by the conversion (convert.ts)
        this.lex.next();
        const index = this.nested(after.pos, () => this.expression());
        this.expect(']');
        return { kind: 'call', callee: `${token.text}${ARRAY_ELEMENT}`, args: [index], column: this.column(token) };
      }
      if (after.kind !== 'punct' || after.text !== '(') return { kind: 'name', name: token.text, column: this.column(token) };
      this.lex.next();
      const args = this.nested(token.pos, () => this.arguments());
      return { kind: 'call', callee: token.text, args, column: this.column(token) };
    }
    if (token.kind === 'string') this.lex.fail(token.pos, 'a string can only be an argument of printf');
    return this.lex.fail(token.pos, token.kind === 'eof' ? 'unexpected end of file in an expression' : `unexpected '${token.text}' in an expression`);
  }

  /** Call arguments after `(`, through `)`. */
  arguments(): Expr[] {
    const args: Expr[] = [];
    if (this.lex.peek().text === ')') {
      this.lex.next();
      return args;
    }
    for (;;) {
      args.push(this.expression());
      const sep = this.lex.next();
      if (sep.text === ')') return args;
      if (sep.text !== ',') this.lex.fail(sep.pos, `expected ',' or ')' in an argument list, found '${sep.text}'`);
    }
  }

  expect(text: string): Token {
    const token = this.lex.next();
    if (token.text !== text || (token.kind !== 'punct' && token.kind !== 'name'))
      this.lex.fail(token.pos, `expected '${text}', found '${token.text || 'end of file'}'`);
    return token;
  }
}
