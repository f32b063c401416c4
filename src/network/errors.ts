import { describeValue } from '../spec/index.ts';

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
