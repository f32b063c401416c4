// Python dicts keep insertion order for every key; JavaScript objects list integer-like keys
// ("0", "12") first in numeric order. NetPyNE's dict order decides gids and random streams,
// so label-keyed collections (popParams, connParams, secs, ...) are OrderedDicts: ordinary
// objects to the user (`netParams.popParams.S = {...}`, `Object.keys`, JSON.stringify) whose
// key order is always insertion order.

const ORDER = Symbol('spikegpu.order');

export type OrderedDict<T = unknown> = Record<string, T>;

/** Creates an insertion-ordered dictionary, optionally filled from `entries` in order. */
export function orderedDict<T = unknown>(entries?: Iterable<readonly [string, T]>): OrderedDict<T> {
  const target: Record<string | symbol, unknown> = Object.create(null);
  const order: string[] = [];
  Object.defineProperty(target, ORDER, { value: order, enumerable: false });
  // converts to text or a number as a plain object does ('[object Object]', NaN): without a
  // prototype it would throw in a message template or a comparison
  Object.defineProperty(target, Symbol.toPrimitive, { value: plainObjectPrimitive, enumerable: false });
  const dict = new Proxy(target, {
    set(t, key, value) {
      if (typeof key === 'string' && !Object.hasOwn(t, key)) order.push(key);
      t[key] = value;
      return true;
    },
    defineProperty(t, key, descriptor) {
      if (typeof key === 'string' && !Object.hasOwn(t, key)) order.push(key);
      return Reflect.defineProperty(t, key, descriptor);
    },
    deleteProperty(t, key) {
      if (typeof key === 'string') {
        const i = order.indexOf(key);
        if (i >= 0) order.splice(i, 1);
      }
      return Reflect.deleteProperty(t, key);
    },
    ownKeys(t) {
      return [...order, ...Reflect.ownKeys(t).filter((k) => typeof k === 'symbol')];
    },
  }) as OrderedDict<T>;
  if (entries) for (const [k, v] of entries) dict[k] = v;
  return dict;
}

function plainObjectPrimitive(): string {
  return '[object Object]';
}

export function isOrderedDict(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ORDER in (value as object);
}

/** An OrderedDict with the entries of `value` (a plain object keeps JavaScript's own key order). */
export function toOrderedDict<T = unknown>(value: Record<string, T>): OrderedDict<T> {
  return isOrderedDict(value) ? value : orderedDict(Object.entries(value));
}
