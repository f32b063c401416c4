// JSON.stringify's text in chunks, so that a value whose text is longer than JavaScript's
// longest string (2^29 - 24 characters in V8, ~512 MiB: "Invalid string length") can still be
// written: a network with millions of synapses on one cell, years of recorded samples. The
// concatenated chunks are exactly JSON.stringify(value) (no replacer, no indentation).

export interface JsonChunkOptions {
  /**
   * Containers nested less deep than this are walked here; deeper ones are stringified by
   * JSON.stringify itself (fast), so each one must stay well under the string limit. Arrays of
   * primitives are always written in slices. Default 4.
   */
  walkDepth?: number;
  /** Characters per chunk, about (default 1 MiB). */
  chunkChars?: number;
}

/** Elements of an array of primitives stringified at once. */
const SLICE = 4096;

interface Frame {
  value: Record<string, unknown> | unknown[];
  /** An object's keys; null for arrays. */
  keys: string[] | null;
  /** An array of primitives, written SLICE elements at a time. */
  primitives: boolean;
  index: number;
  depth: number;
  wrote: boolean;
}

export function* jsonChunks(value: unknown, options: JsonChunkOptions = {}): Generator<string> {
  const walkDepth = options.walkDepth ?? 4;
  const chunkChars = options.chunkChars ?? 2 ** 20;
  let parts: string[] = [];
  let size = 0;
  const emit = (text: string) => {
    parts.push(text);
    size += text.length;
  };
  const stack: Frame[] = [];
  /** Writes a value (after toJSON), or opens its container; returns false for what JSON omits. */
  const write = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== 'object' || depth >= walkDepth || v instanceof Number || v instanceof String || v instanceof Boolean) {
      const text = JSON.stringify(v);
      if (text === undefined) return false;
      emit(text);
      return true;
    }
    if (Array.isArray(v)) {
      emit('[');
      stack.push({ value: v, keys: null, primitives: allPrimitive(v), index: 0, depth, wrote: false });
    } else {
      emit('{');
      stack.push({ value: v as Record<string, unknown>, keys: Object.keys(v), primitives: false, index: 0, depth, wrote: false });
    }
    return true;
  };
  if (!write(toJson(value, ''), 0)) return; // JSON.stringify(undefined) is undefined: no text
  while (stack.length > 0) {
    if (size >= chunkChars) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
    const frame = stack[stack.length - 1];
    if (frame.keys === null) {
      const array = frame.value as unknown[];
      if (frame.index >= array.length) {
        stack.pop();
        emit(']');
        continue;
      }
      const i = frame.index;
      if (i > 0) emit(',');
      if (frame.primitives) {
        emit(JSON.stringify(array.slice(i, i + SLICE)).slice(1, -1));
        frame.index += SLICE;
        continue;
      }
      frame.index++;
      if (!write(toJson(array[i], String(i)), frame.depth + 1)) emit('null');
    } else {
      if (frame.index >= frame.keys.length) {
        stack.pop();
        emit('}');
        continue;
      }
      const key = frame.keys[frame.index++];
      const v = toJson((frame.value as Record<string, unknown>)[key], key);
      if (!isSerialisable(v)) continue;
      emit(`${frame.wrote ? ',' : ''}${JSON.stringify(key)}:`);
      frame.wrote = true;
      write(v, frame.depth + 1);
    }
  }
  if (size > 0) yield parts.join('');
}

/** JSON.stringify's first step: an object's toJSON(key) stands for it. */
function toJson(v: unknown, key: string): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') return (v as { toJSON(k: string): unknown }).toJSON(key);
  return v;
}

/** Whether every element is a primitive, read by index (a lazy array makes only the elements read). */
function allPrimitive(array: unknown[]): boolean {
  for (let i = 0; i < array.length; i++) if (!isPrimitive(array[i])) return false;
  return true;
}

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

/** Whether JSON writes the property at all (undefined, functions and symbols are left out of objects). */
function isSerialisable(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

/** Joins small chunks into ones of about `chunkChars` characters (fewer, larger writes). */
export function* joinChunks(chunks: Iterable<string>, chunkChars = 2 ** 20): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= chunkChars) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield parts.join('');
}
