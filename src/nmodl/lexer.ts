import { NmodlError, type Pos } from './errors.ts';

// NMODL's lexical rules (NEURON 8.2 nocmodl, lex.l): names, numbers (always doubles), strings,
// operators; `:` and `?` start a comment to the end of the line; COMMENT ... ENDCOMMENT is a
// comment; VERBATIM ... ENDVERBATIM is C text kept as one token; TITLE takes the rest of its
// line. UNITSON / UNITSOFF only switch nocmodl's unit checking and are skipped. A name
// followed directly by ' is a derivative (m' = ...); the token counts the primes.
// Tokens are produced on demand, so the parser can read units, `(mA/cm2)`, as raw text.

export type TokenKind = 'name' | 'number' | 'string' | 'punct' | 'verbatim' | 'title' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  pos: Pos;
  /** Offset of the token's first character. */
  start: number;
  /** Offset of the first character after the token. */
  end: number;
  /** Derivative order of a name (m'' is 2). */
  primes?: number;
}

/** Longest mod file accepted [characters]; NEURON's own and ModelDB's are under 100 000. */
export const MAX_MOD_LENGTH = 1 << 20;

const PUNCT = [
  '<->',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '<<',
  '->',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ',',
  '<',
  '>',
  '=',
  '+',
  '-',
  '*',
  '/',
  '^',
  '!',
  '~',
  '@',
  '%',
];
const SKIPPED = new Set(['UNITSON', 'UNITSOFF']);

export class Lexer {
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private peeked: Token | null = null;

  constructor(
    readonly file: string,
    private readonly source: string,
    /** Each name's rank in the order the lexer first meets it (nocmodl installs symbols then). */
    private readonly firstSeen: Map<string, number> = new Map(),
  ) {
    if (source.length > MAX_MOD_LENGTH)
      throw new NmodlError(file, { line: 1, column: 1 }, `the file has ${source.length} characters; the limit is ${MAX_MOD_LENGTH}`);
  }

  peek(): Token {
    this.peeked ??= this.scan();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = null;
    return token;
  }

  fail(pos: Pos, reason: string): never {
    throw new NmodlError(this.file, pos, reason);
  }

  /** After a `(` token just read: the raw text up to the matching `)` on the same line (a unit). */
  rawUnits(open: Token): string {
    if (this.peeked) {
      this.offset = open.end;
      this.peeked = null;
    }
    const close = this.source.indexOf(')', this.offset);
    const newline = this.source.indexOf('\n', this.offset);
    if (close < 0 || (newline >= 0 && newline < close)) this.fail(open.pos, "a unit in parentheses needs its ')' on the same line");
    const text = this.source.slice(this.offset, close).trim();
    this.offset = close + 1;
    return text;
  }

  /** Whether the line of the next token holds a reaction arrow (`<->`, `->`, `<<`) before any comment. */
  lineHasReaction(): boolean {
    const from = this.peek().start;
    const newline = this.source.indexOf('\n', from);
    const line = this.source.slice(from, newline < 0 ? this.source.length : newline).replace(/[:?].*$/, '');
    return /<->|->|<</.test(line);
  }

  /** Drops the rest of the line `token` is on (a statement refused later by its first word). */
  skipLine(token: Token): void {
    this.peeked = null;
    this.offset = token.end;
    this.skipToLineEnd();
  }

  private here(): Pos {
    return { line: this.line, column: this.offset - this.lineStart + 1 };
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
  }

  /** Advances over `length` characters, counting lines. */
  private advance(length: number): void {
    const stop = Math.min(this.offset + length, this.source.length);
    for (let i = this.offset; i < stop; i++) if (this.source.charCodeAt(i) === 10) this.newline(i);
    this.offset = stop;
  }

  private skipToLineEnd(): void {
    const newline = this.source.indexOf('\n', this.offset);
    this.offset = newline < 0 ? this.source.length : newline;
  }

  /** Skips to just after the word `end` standing alone (ENDCOMMENT, ENDVERBATIM); returns the text before it. */
  private until(end: string, start: Pos, what: string): string {
    const re = new RegExp(`\\b${end}\\b`, 'g');
    re.lastIndex = this.offset;
    const found = re.exec(this.source);
    if (!found) this.fail(start, `${what} without ${end}`);
    const text = this.source.slice(this.offset, found.index);
    this.advance(found.index + end.length - this.offset);
    return text;
  }

  private scan(): Token {
    const s = this.source;
    for (;;) {
      while (this.offset < s.length && /\s/.test(s[this.offset])) this.advance(1);
      if (this.offset >= s.length) return { kind: 'eof', text: '', pos: this.here(), start: this.offset, end: this.offset };
      const c = s[this.offset];
      if (c === ':' || c === '?') {
        this.skipToLineEnd();
        continue;
      }
      const pos = this.here();
      const start = this.offset;
      if (/[A-Za-z_]/.test(c)) {
        const word = /[A-Za-z_][A-Za-z0-9_]*/y;
        word.lastIndex = start;
        const text = word.exec(s)![0];
        this.offset += text.length;
        if (SKIPPED.has(text)) continue;
        if (text === 'COMMENT') {
          this.until('ENDCOMMENT', pos, 'COMMENT');
          continue;
        }
        if (text === 'VERBATIM') return { kind: 'verbatim', text: this.until('ENDVERBATIM', pos, 'VERBATIM'), pos, start, end: this.offset };
        if (text === 'TITLE') {
          const from = this.offset;
          this.skipToLineEnd();
          return { kind: 'title', text: s.slice(from, this.offset).trim(), pos, start, end: this.offset };
        }
        let primes = 0;
        while (s[this.offset] === "'") {
          primes++;
          this.offset++;
        }
        if (!this.firstSeen.has(text)) this.firstSeen.set(text, this.firstSeen.size);
        return { kind: 'name', text, pos, start, end: this.offset, ...(primes > 0 ? { primes } : {}) };
      }
      if (/[0-9.]/.test(c)) {
        const number = /(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
        number.lastIndex = start;
        const found = number.exec(s);
        if (!found) this.fail(pos, `unexpected '${c}'`);
        this.offset += found[0].length;
        return { kind: 'number', text: found[0], pos, start, end: this.offset };
      }
      if (c === '"') {
        const close = s.indexOf('"', start + 1);
        const newline = s.indexOf('\n', start + 1);
        if (close < 0 || (newline >= 0 && newline < close)) this.fail(pos, 'unterminated string');
        this.offset = close + 1;
        return { kind: 'string', text: s.slice(start + 1, close), pos, start, end: this.offset };
      }
      const punct = PUNCT.find((p) => s.startsWith(p, start));
      if (!punct) this.fail(pos, `unexpected character '${c}'`);
      this.offset += punct.length;
      return { kind: 'punct', text: punct, pos, start, end: this.offset };
    }
  }
}
