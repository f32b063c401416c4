/// <reference types="node" />
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Network } from '../network/index.ts';
import { savedDataChunks } from '../sim/saved-data.ts';
import type { SimData } from '../sim/sim-data.ts';
import { parseOrderedJson } from '../spec/json.ts';
import { BINARY_FILE_KEY, packSimData, unpackSimData } from './binary.ts';

// NetPyNE's saved-data files in Node (spikegpu/node and the CLI): JSON as NetPyNE writes it
// (streamed), or with `binary` the JSON as a sidecar and simData's arrays in `<name>.bin`
// (binary.ts); reading resolves the binary file again.

/** Writes `path` (and `<path without .json>.bin` when binary); returns the files written. */
export function writeSavedData(path: string, net: Network, simData: SimData | null, options: { binary?: boolean } = {}): string[] {
  if (dirname(path)) mkdirSync(dirname(path), { recursive: true });
  const files = [path];
  let data: SimData | null = simData;
  if (options.binary && simData) {
    const bin = `${path.replace(/\.json$/i, '')}.bin`;
    const packed = packSimData(simData);
    writeFileSync(bin, packed.bytes);
    data = { ...packed.json, [BINARY_FILE_KEY]: basename(bin) } as unknown as SimData;
    files.push(bin);
  }
  const fd = openSync(path, 'w');
  try {
    for (const chunk of savedDataChunks(net, data)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return files;
}

/** A saved-data file as an order-keeping object, simData's binary arrays read back in. */
export function readSavedData(path: string): Record<string, unknown> {
  const raw = parseOrderedJson(readFileSync(path, 'utf8'), path) as Record<string, unknown>;
  const simData = raw.simData as Record<string, unknown> | undefined;
  const bin = simData?.[BINARY_FILE_KEY];
  if (typeof bin === 'string') raw.simData = unpackSimData(simData!, readFileSync(join(dirname(path), bin)), `${path}: simData`);
  return raw;
}
