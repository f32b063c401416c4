import { describeValue, type ValueRange } from '../spec/index.ts';

/** A problem found while instantiating the network, located at the spec path that caused it. */
export class NetworkBuildError extends Error {
  constructor(
    readonly path: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${path}${value === undefined ? '' : ` = ${describeValue(value)}`}: ${reason}`);
    this.name = 'NetworkBuildError';
  }
}

/**
 * The error for a value the string function `source` at `path` gave outside its parameter's
 * range (spec/schema/ranges.ts), for `where` (e.g. 'pre gid 12, post gid 40'). Callers test
 * `inRange` first, so the hot loops allocate nothing unless a value fails.
 */
export function drawnOutOfRange(path: string, source: string, value: number, range: ValueRange, where: string): NetworkBuildError {
  return new NetworkBuildError(path, source, `evaluated to ${value} for ${where}; expected ${range.expected}`);
}

/**
 * A network modification (Network.modifyCells / modifySynMechs / modifyConns / modifyStims) that
 * cannot be applied as NetPyNE would apply it: the parameter path, the value and why. Nothing is
 * changed when it is thrown.
 */
export class ModifyError extends Error {
  constructor(
    readonly path: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${path}${value === undefined ? '' : ` = ${describeValue(value)}`}: ${reason}`);
    this.name = 'ModifyError';
  }
}
