import { didYouMean, joinPath } from '../../spec/index.ts';
import { ModifyError } from '../errors.ts';

// Shape checks shared by the modify functions: every problem is a ModifyError at its path.

export function asObject(path: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModifyError(path, value, 'expected an object');
  return value as Record<string, unknown>;
}

/** Throws for the first key of `obj` that is not in `allowed`; `note` says what NetPyNE does with such keys. */
export function rejectUnknownKeys(path: string, obj: Record<string, unknown>, allowed: readonly string[], note: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new ModifyError(joinPath(path, key), obj[key], `unknown key '${key}'${didYouMean(key, allowed)}: ${note}`);
  }
}

export function finiteNumber(path: string, value: unknown, expectation = 'expected a number'): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ModifyError(path, value, expectation);
  return value;
}
