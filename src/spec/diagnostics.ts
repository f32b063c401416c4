import { closest, distance } from 'fastest-levenshtein';

/** One problem in a specification: where it is, what was found, what was expected. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** JSON path from the spec root, e.g. `netParams.popParams.S.numCells`. */
  path: string;
  /** The offending value (undefined when something is missing). */
  value?: unknown;
  /** What was expected, or what is wrong. */
  message: string;
}

/** Collects diagnostics while validating. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(path: string, value: unknown, message: string): void {
    this.list.push({ severity: 'error', path, value, message });
  }

  warning(path: string, value: unknown, message: string): void {
    this.list.push({ severity: 'warning', path, value, message });
  }

  get errors(): Diagnostic[] {
    return this.list.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.list.filter((d) => d.severity === 'warning');
  }

  /** Throws a SpecError when any error was collected. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new SpecError(this.list);
  }
}

/** Thrown for invalid specifications; carries every diagnostic found, not just the first. */
export class SpecError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`${errors.length} error${errors.length === 1 ? '' : 's'} in the specification:\n${errors.map(formatDiagnostic).join('\n')}`);
    this.name = 'SpecError';
    this.diagnostics = diagnostics;
  }
}

/** `error: netParams.popParams.S.numCells = -5: expected a non-negative integer` */
export function formatDiagnostic(d: Diagnostic): string {
  const value = d.value === undefined ? '' : ` = ${describeValue(d.value)}`;
  return `${d.severity}: ${d.path}${value}: ${d.message}`;
}

/** A value as a label: strings as they are, anything else as describeValue shows it (never throws). */
export function asLabel(value: unknown): string {
  return typeof value === 'string' ? value : describeValue(value);
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 120 ? `${JSON.stringify(value.slice(0, 100)).slice(0, -1)}..." (${value.length} characters)` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? Object.prototype.toString.call(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value); // a cycle, or an object String() cannot convert
  }
}

/** " (did you mean 'x'?)" when a candidate is close enough to be a plausible typo, else ''. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  if (list.length === 0) return '';
  const best = closest(name, list);
  const limit = Math.max(2, Math.floor(name.length / 3));
  if (distance(name.toLowerCase(), best.toLowerCase()) <= limit) return ` (did you mean '${best}'?)`;
  const prefix = list.find((c) => c.length >= 3 && name.length >= 3 && (name.startsWith(c) || c.startsWith(name)));
  return prefix ? ` (did you mean '${prefix}'?)` : '';
}

/** Joins path segments: identifiers with '.', anything else in brackets. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}
