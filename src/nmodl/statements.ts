import type { Expr } from '../expr/ast.ts';
import type { NStmt, Term } from './ast.ts';
import type { Pos } from './errors.ts';
import { ExpressionParser } from './expressions.ts';
import type { Lexer, Token } from './lexer.ts';

// Statements of NMODL's code blocks (nocmodl parse1.y `stmtlist`). NMODL has no statement
// terminator: a statement ends where its last expression does. Words NMODL has but this front
// end does not compile become `other` statements, refused later with their position.

/** Deepest nesting of blocks ({ ... } inside if, while, FROM ...) accepted. */
export const MAX_BLOCK_NESTING = 100;

const UNCOMPILED_WORDS = new Set(['LAG', 'MATCH', 'SENS', 'PARTIAL', 'RESET', 'SWEEP', 'CONDUCTANCE', 'STEADYSTATE']);
/** Thread locks around statements: one thread here, so they change nothing. */
const LOCK_WORDS = new Set(['MUTEXLOCK', 'MUTEXUNLOCK']);

export class StatementParser {
  readonly exprs: ExpressionParser;
  private depth = 0;

  constructor(private readonly lex: Lexer) {
    this.exprs = new ExpressionParser(lex);
  }

  /** `{ statements }` */
  block(): NStmt[] {
    const open = this.exprs.expect('{');
    if (++this.depth > MAX_BLOCK_NESTING) this.lex.fail(open.pos, `blocks nested more than ${MAX_BLOCK_NESTING} deep`);
    const out: NStmt[] = [];
    for (;;) {
      const token = this.lex.peek();
      if (token.kind === 'eof') this.lex.fail(open.pos, "this '{' has no matching '}'");
      if (token.kind === 'punct' && token.text === '}') {
        this.lex.next();
        this.depth--;
        return out;
      }
      out.push(...this.statement());
    }
  }

  private statement(): NStmt[] {
    const token = this.lex.next();
    const pos = token.pos;
    if (token.kind === 'verbatim') return [{ kind: 'verbatim', text: token.text, pos }];
    if (token.kind === 'punct' && token.text === '{') {
      this.lex.fail(pos, 'a bare { } block inside a block is not supported');
    }
    if (token.kind === 'punct' && token.text === '~') return [this.tilde(pos)];
    if (token.kind !== 'name') this.lex.fail(pos, `expected a statement, found '${token.text || 'end of file'}'`);
    switch (token.text) {
      case 'if':
        return [this.ifStatement(pos)];
      case 'while': {
        const test = this.parenthesised();
        return [{ kind: 'while', test, body: this.block(), pos }];
      }
      case 'FROM':
        return [this.fromLoop(pos)];
      case 'LOCAL':
        return [{ kind: 'local', names: this.names(), pos }];
      case 'TABLE':
        return [this.table(pos)];
      case 'SOLVE':
        return [this.solve(pos)];
      case 'CONSERVE': {
        const left = this.exprs.expression();
        this.exprs.expect('=');
        return [{ kind: 'conserve', left, right: this.exprs.expression(), pos }];
      }
      case 'COMPARTMENT':
        return [this.compartment(pos)];
      case 'WATCH':
        return this.watch(pos);
      case 'FOR_NETCONS': {
        this.exprs.expect('(');
        const args = this.argumentNames();
        return [{ kind: 'fornetcons', args, body: this.block(), pos }];
      }
      case 'INITIAL':
        return [{ kind: 'initial', body: this.block(), pos }];
      case 'printf':
        this.skipCall(token);
        return [{ kind: 'print', pos }];
      case 'PROTECT': {
        // PROTECT x = expr: the assignment under a lock (threads share x); one thread here
        const target = this.lex.next();
        if (target.kind !== 'name') this.lex.fail(target.pos, `expected an assignment after PROTECT, found '${target.text}'`);
        return [this.assignOrCall(target)];
      }
    }
    if (LOCK_WORDS.has(token.text)) return [];
    if (UNCOMPILED_WORDS.has(token.text)) {
      this.skipRest(token);
      return [{ kind: 'other', word: token.text, pos }];
    }
    return [this.assignOrCall(token)];
  }

  private assignOrCall(token: Token): NStmt {
    const pos = token.pos;
    const after = this.lex.peek();
    if (token.primes) {
      if (token.primes > 1) this.lex.fail(pos, `higher derivatives (${token.text}${"'".repeat(token.primes)}) are not supported`);
      this.exprs.expect('=');
      return { kind: 'derivative', state: token.text, expr: this.exprs.expression(), pos };
    }
    if (after.kind === 'punct' && after.text === '=') {
      this.lex.next();
      return { kind: 'assign', target: token.text, expr: this.exprs.expression(), pos };
    }
    if (after.kind === 'punct' && after.text === '(') {
      this.lex.next();
      return { kind: 'call', name: token.text, args: this.exprs.arguments(), pos };
    }
    if (after.kind === 'punct' && after.text === '[') this.lex.fail(after.pos, `array element ${token.text}[...] is not supported`);
    return this.lex.fail(pos, `expected '=' or '(' after '${token.text}'`);
  }

  private parenthesised(): Expr {
    this.exprs.expect('(');
    const e = this.exprs.expression();
    this.exprs.expect(')');
    return e;
  }

  private ifStatement(pos: Pos): NStmt {
    const test = this.parenthesised();
    const then = this.block();
    const next = this.lex.peek();
    if (next.kind !== 'name' || next.text !== 'else') return { kind: 'if', test, then, otherwise: [], pos };
    this.lex.next();
    const after = this.lex.peek();
    if (after.kind === 'name' && after.text === 'if') {
      this.lex.next();
      return { kind: 'if', test, then, otherwise: [this.ifStatement(after.pos)], pos };
    }
    return { kind: 'if', test, then, otherwise: this.block(), pos };
  }

  private fromLoop(pos: Pos): NStmt {
    const index = this.name();
    this.exprs.expect('=');
    const first = this.exprs.expression();
    this.word('TO');
    const last = this.exprs.expression();
    let step: Expr | null = null;
    if (this.lex.peek().text === 'BY') {
      this.lex.next();
      step = this.exprs.expression();
    }
    return { kind: 'from', index, first, last, step, body: this.block(), pos };
  }

  private table(pos: Pos): NStmt {
    const outputs = this.lex.peek().kind === 'name' && !['DEPEND', 'FROM'].includes(this.lex.peek().text) ? this.names() : [];
    let depend: string[] = [];
    if (this.lex.peek().text === 'DEPEND') {
      this.lex.next();
      depend = this.names();
    }
    this.word('FROM');
    const from = this.exprs.expression();
    this.word('TO');
    const to = this.exprs.expression();
    this.word('WITH');
    const count = this.exprs.expression();
    return { kind: 'table', outputs, depend, from, to, with: count, pos };
  }

  private solve(pos: Pos): NStmt {
    const name = this.name();
    let method: string | null = null;
    if (this.lex.peek().text === 'METHOD') {
      this.lex.next();
      method = this.name();
    } else if (this.lex.peek().text === 'STEADYSTATE') {
      this.lex.next();
      method = `STEADYSTATE ${this.name()}`;
    }
    if (this.lex.peek().text === 'IFERROR') {
      this.lex.next();
      this.block();
    }
    return { kind: 'solve', name, method, pos };
  }

  private compartment(pos: Pos): NStmt {
    let index: string | null = null;
    const first = this.exprs.expression();
    let volume = first;
    if (this.lex.peek().text === ',') {
      this.lex.next();
      index = first.kind === 'name' ? first.name : this.lex.fail(pos, 'COMPARTMENT index must be a name');
      volume = this.exprs.expression();
    }
    this.exprs.expect('{');
    const states: string[] = [];
    while (this.lex.peek().kind === 'name') states.push(this.lex.next().text);
    this.exprs.expect('}');
    return { kind: 'compartment', index, volume, states, pos };
  }

  /** WATCH (cond) flag [, (cond) flag ...] */
  private watch(pos: Pos): NStmt[] {
    const out: NStmt[] = [];
    for (;;) {
      const condition = this.parenthesised();
      out.push({ kind: 'watch', condition, flag: this.exprs.expression(), pos });
      if (this.lex.peek().text !== ',') return out;
      this.lex.next();
    }
  }

  /** `~ ...`: a reaction (KINETIC) or an equation (LINEAR, NONLINEAR). */
  private tilde(pos: Pos): NStmt {
    const mark = this.lex.peek();
    if (mark.kind === 'name' && this.isReactionStart()) {
      const left = this.terms();
      const op = this.lex.next();
      if (op.text === '<<') {
        const rates = [this.parenthesised()];
        return { kind: 'reaction', op: '<<', left, right: [], rates, pos };
      }
      if (op.text !== '<->' && op.text !== '->') this.lex.fail(op.pos, `expected '<->', '->' or '<<' in a reaction, found '${op.text}'`);
      const right = this.terms();
      this.exprs.expect('(');
      const rates = this.exprs.arguments();
      return { kind: 'reaction', op: op.text, left, right, rates, pos };
    }
    const left = this.exprs.expression();
    this.exprs.expect('=');
    return { kind: 'equation', left, right: this.exprs.expression(), pos };
  }

  /** A reaction has `<->`, `->` or `<<` before the end of its line; an equation has `=`. */
  private isReactionStart(): boolean {
    return this.lex.lineHasReaction();
  }

  private terms(): Term[] {
    const out: Term[] = [];
    for (;;) {
      let count = 1;
      const first = this.lex.next();
      let name = first;
      if (first.kind === 'number') {
        count = Number(first.text);
        name = this.lex.next();
      }
      if (name.kind !== 'name') this.lex.fail(name.pos, `expected a STATE name in a reaction, found '${name.text}'`);
      if (this.lex.peek().text === '[') this.lex.fail(this.lex.peek().pos, `array element ${name.text}[...] is not supported`);
      out.push({ state: name.text, count });
      if (this.lex.peek().text !== '+') return out;
      this.lex.next();
    }
  }

  name(): string {
    const token = this.lex.next();
    if (token.kind !== 'name') this.lex.fail(token.pos, `expected a name, found '${token.text || 'end of file'}'`);
    return token.text;
  }

  word(word: string): void {
    const token = this.lex.next();
    if (token.kind !== 'name' || token.text !== word) this.lex.fail(token.pos, `expected ${word}, found '${token.text || 'end of file'}'`);
  }

  /** name [, name ...] */
  names(): string[] {
    const out = [this.name()];
    while (this.lex.peek().text === ',') {
      this.lex.next();
      out.push(this.name());
    }
    return out;
  }

  /** Argument names after `(`, each with optional units, through `)`. */
  argumentNames(): string[] {
    return this.arguments().map((a) => a.name);
  }

  arguments(): Array<{ name: string; units: string | null }> {
    const out: Array<{ name: string; units: string | null }> = [];
    if (this.lex.peek().text === ')') {
      this.lex.next();
      return out;
    }
    for (;;) {
      const name = this.name();
      out.push({ name, units: this.optionalUnits() });
      const sep = this.lex.next();
      if (sep.text === ')') return out;
      if (sep.text !== ',') this.lex.fail(sep.pos, `expected ',' or ')' in an argument list, found '${sep.text}'`);
    }
  }

  /** `(units)` if the next token opens one. */
  optionalUnits(): string | null {
    const next = this.lex.peek();
    if (next.kind !== 'punct' || next.text !== '(') return null;
    this.lex.next();
    return this.lex.rawUnits(next);
  }

  private skipCall(token: Token): void {
    this.exprs.expect('(');
    let depth = 1;
    while (depth > 0) {
      const t = this.lex.next();
      if (t.kind === 'eof') this.lex.fail(token.pos, `${token.text}( without its ')'`);
      if (t.kind === 'punct' && t.text === '(') depth++;
      if (t.kind === 'punct' && t.text === ')') depth--;
    }
  }

  /** Skips the rest of a statement that is refused later (up to the end of its line). */
  private skipRest(token: Token): void {
    this.lex.skipLine(token);
  }
}
