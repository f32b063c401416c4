import { ExprError } from './errors.ts';

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

const NUMBER = /^(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

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
    const rest = source.slice(i);
    const column = i + 1;
    const num = NUMBER.exec(rest);
    if (num && /[\d.]/.test(ch) && !(ch === '.' && !/^\.\d/.test(rest))) {
      const text = num[0];
      const after = rest[text.length];
      if (after !== undefined && /[A-Za-z_]/.test(after)) {
        throw new ExprError(source, column + text.length, `invalid number literal '${text}${after}'`);
      }
      tokens.push({ kind: 'number', text, column, value: Number(text.replace(/_/g, '')) });
      i += text.length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: KEYWORDS.has(name[0]) ? 'keyword' : 'name', text: name[0], column });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op) {
      tokens.push({ kind: 'op', text: op, column });
      i += op.length;
      continue;
    }
    if (ch === '"' || ch === "'") throw new ExprError(source, column, 'string literals are not allowed in a numeric expression');
    throw new ExprError(source, column, `unexpected character '${ch}'`);
  }
  tokens.push({ kind: 'end', text: '', column: source.length + 1 });
  return tokens;
}
