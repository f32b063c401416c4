import { z } from 'zod';
import { type Diagnostics, didYouMean, joinPath } from '../diagnostics.ts';

// zod builds the structural checks; these helpers give them NetPyNE-shaped messages and turn
// zod issues into Diagnostics (path, offending value, expectation).

export const num = z.number({ error: 'expected a number' }).refine(Number.isFinite, 'expected a finite number');
export const bool = z.boolean({ error: 'expected true or false' });
/** Schemas of switches that may also carry a value (see python-values.ts). */
export const FLAG_UNIONS = new WeakSet<object>();
/** A switch or a value: `false`/`true` (or only `false`: `flag`) or what `other` accepts. */
export function flagOr<T extends z.ZodType>(other: T, flag: z.ZodType = bool, error?: string) {
  const schema = z.union([flag, other], error ? { error } : undefined);
  FLAG_UNIONS.add(schema);
  return schema;
}
export const str = z.string({ error: 'expected a string' });
export const nonNegative = num.refine((v) => v >= 0, 'expected a number >= 0');
export const positive = num.refine((v) => v > 0, 'expected a number > 0');
export const nonNegativeInt = num.refine((v) => Number.isInteger(v) && v >= 0, 'expected a non-negative integer');
export const unit = num.refine((v) => v >= 0 && v <= 1, 'expected a number in [0, 1]');
/** A number or a string function (checked later by the expression compiler). */
export const numOrFunc = z.union([num, z.string()], { error: 'expected a number or a string function' });
export const strOrStrList = z.union([str, z.array(str)], { error: 'expected a string or a list of strings' });
export const numList = z.array(num, { error: 'expected a list of numbers' });

/** [lo, hi] with lo < hi (`inclusive`: lo <= hi). */
export function range(inclusive = false) {
  return z
    .tuple([num, num], { error: 'expected a range [low, high]' })
    .refine(([lo, hi]) => (inclusive ? lo <= hi : lo < hi), inclusive ? 'empty range: expected low <= high' : 'empty range: expected low < high');
}

/** A record whose keys are all known: unknown keys are errors with a did-you-mean (reported even when other keys are wrong). */
export function strictObject<S extends z.ZodRawShape>(shape: S, what: string) {
  const known = Object.keys(shape);
  const unknownKeys = z.superRefine(
    (value: Record<string, unknown>, ctx) => {
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(shape, key)) {
          ctx.addIssue({ code: 'custom', path: [key], input: value[key], message: `unknown key '${key}' in ${what}${didYouMean(key, known)}` });
        }
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
  );
  return z.looseObject(shape, { error: `expected an object (${what})` }).check(unknownKeys);
}

const PROTO = '__proto__';

/**
 * z.record that also checks an entry named '__proto__': zod skips that key, but a model file's
 * JSON can hold it as an ordinary label, and the checks after the schema would see it unchecked.
 */
export function record<T extends z.ZodType>(key: z.ZodString, entry: T, params?: { error: string }) {
  return z.record(key, entry, params).check((payload) => {
    const own = Object.getOwnPropertyDescriptor(payload.value, PROTO);
    if (!own) return;
    const result = entry.safeParse(own.value, { reportInput: true });
    if (result.success) return;
    for (const issue of result.error.issues) payload.issues.push({ ...issue, path: [PROTO, ...issue.path], input: issueInput(issue, own.value) } as never);
  });
}

/** A label-keyed collection whose values follow `entry`. */
export function collection<T extends z.ZodType>(entry: T, what: string) {
  return record(z.string(), entry, { error: `expected an object of ${what} keyed by label` });
}

/** Runs a schema and records every issue under `base`. Returns true when there was none. */
export function check(schema: z.ZodType, value: unknown, base: string, diagnostics: Diagnostics): boolean {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return true;
  for (const issue of result.error.issues) {
    const path = issue.path.reduce<string>((p, k) => joinPath(p, typeof k === 'number' ? k : String(k)), base);
    diagnostics.error(path, issueInput(issue, value), issueMessage(issue));
  }
  return false;
}

function issueInput(issue: z.core.$ZodIssue, root: unknown): unknown {
  if ('input' in issue && issue.input !== undefined) return issue.input;
  let v: unknown = root;
  for (const k of issue.path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
  return v;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `missing required key (${issue.message.replace(/^Invalid input: /, '')})`;
  if (issue.code === 'invalid_value' && 'values' in issue) return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}
