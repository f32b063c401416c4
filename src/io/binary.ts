import { MAX_ARRAY_LENGTH } from '../network/index.ts';
import type { SimData } from '../sim/sim-data.ts';
import { isPlainObject } from '../spec/deep-ordered.ts';
import { LoadError } from './load.ts';

// The compact form of simData for large runs: spike times, gids, the time axis and every trace
// as little-endian typed arrays in one binary file, and a JSON sidecar (NetPyNE's saved-data
// layout) that holds {"$binary": [offset, count, dtype]} in their place. Times and traces are
// f64 (they load back exactly), gids i32. 8 + 4 bytes per spike instead of ~30 in JSON text.

export type BinaryRef = { $binary: [number, number, 'f64' | 'i32'] };

/** The sidecar's simData names its binary file (relative to the sidecar) under this key. */
export const BINARY_FILE_KEY = '$binaryFile';

/** simData with its arrays moved into `bytes`. */
export function packSimData(simData: SimData): { json: Record<string, unknown>; bytes: Uint8Array } {
  const arrays: Array<Float64Array | Int32Array> = [];
  let offset = 0;
  const ref = (values: ArrayLike<number>, dtype: 'f64' | 'i32'): BinaryRef => {
    const a = dtype === 'f64' ? Float64Array.from(values) : Int32Array.from(values);
    const at = offset;
    arrays.push(a);
    offset += Math.ceil(a.byteLength / 8) * 8;
    return { $binary: [at, a.length, dtype] };
  };
  const json: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(simData)) {
    if (key === 'spkid') json[key] = ref(value as number[], 'i32');
    else if (Array.isArray(value) && value.every((x) => typeof x === 'number')) json[key] = ref(value, 'f64');
    else if (isTraceSet(value)) json[key] = Object.fromEntries(Object.entries(value).map(([cell, samples]) => [cell, ref(samples, 'f64')]));
    else json[key] = value;
  }
  const bytes = new Uint8Array(offset);
  let at = 0;
  for (const a of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += Math.ceil(a.byteLength / 8) * 8;
  }
  return { json, bytes };
}

/** The size of the binary file a sidecar's references declare [bytes]: the end of the last array, padded to 8 as written. */
export function binaryBytes(json: Record<string, unknown>, source = 'simData'): number {
  let end = 0;
  forEachRef(json, source, (r, path) => {
    checkRef(r, path);
    const [offset, count, dtype] = r.$binary;
    end = Math.max(end, Math.ceil((offset + count * DTYPE_BYTES[dtype]) / 8) * 8);
  });
  return end;
}

/** simData from its sidecar JSON and binary file. */
export function unpackSimData(json: Record<string, unknown>, bytes: Uint8Array, source = 'simData'): SimData {
  const read = (r: BinaryRef, path: string): number[] => {
    checkRef(r, path);
    const [offset, count, dtype] = r.$binary;
    const size = DTYPE_BYTES[dtype];
    if (offset + count * size > bytes.byteLength)
      throw new LoadError(`${path}: ${JSON.stringify(r.$binary)} lies outside the ${bytes.byteLength}-byte binary file`);
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * size);
    return Array.from({ length: count }, (_, i) => (dtype === 'f64' ? view.getFloat64(8 * i, true) : view.getInt32(4 * i, true)));
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === BINARY_FILE_KEY) continue;
    if (isRef(value)) out[key] = read(value, `${source}.${key}`);
    else if (isRefSet(value)) out[key] = Object.fromEntries(Object.entries(value).map(([cell, r]) => [cell, read(r as BinaryRef, `${source}.${key}.${cell}`)]));
    else out[key] = value;
  }
  return out as SimData;
}

const DTYPE_BYTES: Readonly<Record<string, number>> = { f64: 8, i32: 4 };

/** Every reference of a sidecar, with its path. */
function forEachRef(json: Record<string, unknown>, source: string, visit: (r: BinaryRef, path: string) => void): void {
  for (const [key, value] of Object.entries(json)) {
    if (isRef(value)) visit(value, `${source}.${key}`);
    else if (isRefSet(value)) for (const [cell, r] of Object.entries(value)) visit(r as BinaryRef, `${source}.${key}.${cell}`);
  }
}

/** A reference is [offset, count, dtype]: a non-negative 8-aligned offset, a count, f64 or i32. */
function checkRef(r: BinaryRef, path: string): void {
  const [offset, count, dtype] = r.$binary;
  if (!Object.hasOwn(DTYPE_BYTES, dtype) || !Number.isSafeInteger(offset) || !Number.isSafeInteger(count) || offset < 0 || count < 0 || offset % 8 !== 0)
    throw new LoadError(`${path}: ${JSON.stringify(r.$binary)} is not [offset (a multiple of 8), count, 'f64' or 'i32']`);
  if (count > MAX_ARRAY_LENGTH) throw new LoadError(`${path}: ${count} values, more than the ${MAX_ARRAY_LENGTH} of one array spikegpu reads back`);
}

function isRefSet(v: unknown): v is Record<string, BinaryRef> {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.values(v).every(isRef);
}

function isTraceSet(v: unknown): v is Record<string, number[]> {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.values(v).every((s) => Array.isArray(s) && s.every((x) => typeof x === 'number'));
}

function isRef(v: unknown): v is BinaryRef {
  return isPlainObject(v) && Array.isArray(v.$binary) && v.$binary.length === 3;
}
