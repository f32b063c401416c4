import { describeValue } from '../spec/index.ts';

/**
 * A network that cannot be simulated as specified: names the spec path, the value and why, in
 * the one-line form of every spec diagnostic (`path = value: reason`).
 */
export class CompileError extends Error {
  constructor(
    readonly path: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${path}${value === undefined ? '' : ` = ${describeValue(value)}`}: ${reason}`);
    this.name = 'CompileError';
  }
}
