// Errors of the NMODL front end carry the file and the 1-based line and column they refer
// to, so a message reads `cad.mod:12:5: ...` as a C compiler's do.

export interface Pos {
  line: number;
  column: number;
}

export class NmodlError extends Error {
  constructor(
    readonly file: string,
    readonly pos: Pos,
    readonly reason: string,
  ) {
    super(`${file}:${pos.line}:${pos.column}: ${reason}`);
    this.name = 'NmodlError';
  }
}

/** A construct the front end recognises but cannot compile (yet); the message names it. */
export class NmodlUnsupported extends NmodlError {
  constructor(file: string, pos: Pos, construct: string, detail = '') {
    super(file, pos, `${construct} is not supported${detail ? ` (${detail})` : ''}`);
    this.name = 'NmodlUnsupported';
  }
}
