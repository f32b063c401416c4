import { type Diagnostics, joinPath } from '../diagnostics.ts';
import { inRange, type ValueRange } from '../schema/ranges.ts';

/**
 * Reports each number of a scalar-or-nested-list value outside `range` (schema/ranges.ts), at
 * its index. Strings are string functions: their values are checked as the network draws them.
 */
export function checkRange(value: unknown, range: ValueRange, path: string, diagnostics: Diagnostics): void {
  forEachNumber(value, path, (v, at) => {
    if (!inRange(range, v)) diagnostics.error(at, v, `expected ${range.expected}`);
  });
}

/** Calls `visit` for every number in a scalar-or-nested-list value, with its path. */
export function forEachNumber(value: unknown, path: string, visit: (v: number, path: string) => void): void {
  if (typeof value === 'number') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => forEachNumber(v, joinPath(path, i), visit));
}
