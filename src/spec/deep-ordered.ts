import { isOrderedDict, type OrderedDict, orderedDict } from './ordered-dict.ts';

/** Deep copy in which every plain object becomes an OrderedDict (arrays stay arrays). */
export function deepOrdered<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => deepOrdered(v)) as T;
  if (isPlainObject(value)) {
    const dict: OrderedDict = orderedDict();
    for (const key of Object.keys(value)) dict[key] = deepOrdered((value as Record<string, unknown>)[key]);
    return dict as T;
  }
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (isOrderedDict(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
