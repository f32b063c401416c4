import { isPlainObject } from './deep-ordered.ts';

/** Python's truth value of a JSON value (`bool(x)`): false for False, 0, None, '', [] and {}. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  return Boolean(value);
}
