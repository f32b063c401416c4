/** Characters of source shown on each side of the column in an ExprError message. */
const EXCERPT_RADIUS = 40;
/** Longest name quoted whole in a message; longer ones are cut with '…'. */
const QUOTED_NAME_LENGTH = 40;

/**
 * A problem in a string function, located at a 1-based column of its source text. `reason` is
 * one line; the message adds the column and an excerpt of the source with a caret under it.
 */
export class ExprError extends Error {
  readonly source: string;
  readonly column: number;
  readonly reason: string;

  constructor(source: string, column: number, reason: string) {
    const start = Math.max(0, column - 1 - EXCERPT_RADIUS);
    const end = Math.min(source.length, column - 1 + EXCERPT_RADIUS);
    const excerpt = `${start > 0 ? '…' : ''}${printable(source.slice(start, end))}${end < source.length ? '…' : ''}`;
    const caret = column - 1 - start + (start > 0 ? 1 : 0);
    super(`${reason} (column ${column})\n  ${excerpt}\n  ${' '.repeat(Math.max(0, caret))}^`);
    this.name = 'ExprError';
    this.source = source;
    this.column = column;
    this.reason = reason;
  }
}

/** Raised while evaluating a compiled expression (Python raises on the same conditions). */
export class ExprRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExprRuntimeError';
  }
}

/** A user-supplied name for a one-line message: quoted, cut when long. */
export function quoteName(name: string): string {
  return `'${name.length > QUOTED_NAME_LENGTH ? `${name.slice(0, QUOTED_NAME_LENGTH)}…' (${name.length} characters)` : `${name}'`}`;
}

/** One source character for a message: itself when printable ASCII, else U+XXXX. */
export function describeChar(ch: string): string {
  return /^[\x21-\x7e]$/.test(ch) ? `'${ch}'` : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Source text with every character outside printable ASCII shown as '?', keeping one column per character. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}
