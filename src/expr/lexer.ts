import { describeChar, ExprError } from './errors.ts';

export type TokenKind = 'number' | 'name' | 'op' | 'keyword' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based column of the first character. */
  column: number;
  value?: number;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'if', 'else', 'True', 'False', 'in', 'is', 'lambda', 'None']);

// Longest first, so '**' wins over '*' and '//' over '/'.
const OPERATORS = [
  '**',
  '//',
  '<=',
  '>=',
  '==',
  '!=',
  '<<',
  '>>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '(',
  ')',
  ',',
  '&',
  '|',
  '^',
  '~',
  '[',
  ']',
  '.',
  '@',
  '=',
];

// Sticky (matched at lastIndex), so the scan is linear in the source length.
const NUMBER = /(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER_START = /\d|\.\d/y;
const NAME_CHAR = /[A-Za-z_]/;

/** Splits Python expression source into tokens; rejects characters Python would reject. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const column = i + 1;
    const number = startsNumber(source, i) ? matchAt(NUMBER, source, i) : null;
    if (number) {
      const after = source[i + number.length];
      if (after !== undefined && NAME_CHAR.test(after)) {
        throw new ExprError(source, column + number.length, `invalid number literal '${number}${after}'`);
      }
      tokens.push({ kind: 'number', text: number, column, value: Number(number.replace(/_/g, '')) });
      i += number.length;
      continue;
    }
    const name = matchAt(NAME, source, i);
    if (name) {
      tokens.push({ kind: KEYWORDS.has(name) ? 'keyword' : 'name', text: name, column });
      i += name.length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, column });
      i += op.length;
      continue;
    }
    if (ch === '"' || ch === "'") throw new ExprError(source, column, 'string literals are not allowed in a numeric expression');
    throw new ExprError(source, column, `unexpected character ${describeChar(String.fromCodePoint(source.codePointAt(i) ?? 0))}`);
  }
  tokens.push({ kind: 'end', text: '', column: source.length + 1 });
  return tokens;
}

function startsNumber(source: string, at: number): boolean {
  return matchAt(NUMBER_START, source, at) !== null;
}

function matchAt(pattern: RegExp, source: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0] ?? null;
}
