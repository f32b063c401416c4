import { md5 } from '@noble/hashes/legacy.js';

// NetPyNE's stream-id hashes (sim/utils.py):
//   hashStr(s)  = int(md5(s.encode('utf-8')).hexdigest()[0:8], 16)
//   hashList(l) = int(md5(array.array('L', l)).hexdigest()[0:8], 16)
// 'L' is an 8-byte little-endian unsigned integer on Linux x86_64, where NetPyNE runs.

const utf8 = new TextEncoder();

/** First four digest bytes read as a big-endian uint32 (the first 8 hex digits). */
function leadingUint32(digest: Uint8Array): number {
  return ((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0;
}

export function hashStr(text: string): number {
  return leadingUint32(md5(utf8.encode(text)));
}

/** hashList of non-negative integers (gids), each packed as a uint64 little-endian word. */
export function hashList(values: ArrayLike<number>): number {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new RangeError(`hashList: value ${v} at index ${i} is not a non-negative integer`);
    }
    view.setUint32(i * 8, v % 0x100000000, true);
    view.setUint32(i * 8 + 4, Math.floor(v / 0x100000000), true);
  }
  return leadingUint32(md5(bytes));
}
