/** A network that cannot be simulated as specified: names the spec path, the value and why. */
export class CompileError extends Error {
  constructor(
    readonly path: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${path}: ${reason} (got ${JSON.stringify(value)})`);
    this.name = 'CompileError';
  }
}
