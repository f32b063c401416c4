/** A problem in a string function, located at a 1-based column of its source text. */
export class ExprError extends Error {
  readonly source: string;
  readonly column: number;
  readonly reason: string;

  constructor(source: string, column: number, reason: string) {
    super(`${reason} (column ${column})\n  ${source}\n  ${' '.repeat(Math.max(0, column - 1))}^`);
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
