/// <reference types="node" />
import { dirname, join } from 'node:path';
import type { Network } from '../network/index.ts';
import { savedDataChunks } from '../sim/saved-data.ts';
import type { SimData } from '../sim/sim-data.ts';
import { parseOrderedJson } from '../spec/json.ts';
import { outputPathProblem } from '../spec/output-paths.ts';
import { BINARY_FILE_KEY, binaryBytes, packSimData, unpackSimData } from './binary.ts';
import { FileError, MAX_BINARY_BYTES, type OutputDir, readBoundedFile, readTextFile } from './files.ts';

// NetPyNE's saved-data files in Node (spikegpu/node and the CLI): JSON as NetPyNE writes it
// (streamed), or with `binary` the JSON as a sidecar and simData's arrays in `<name>.bin`
// (binary.ts); reading resolves the binary file again, only beside the saved file and only
// of the size its sidecar declares.

/** Writes `path` under `dir` (and `<path without .json>.bin` when binary); returns the files written. */
export async function writeSavedData(
  dir: OutputDir,
  path: string,
  net: Network,
  simData: SimData | null,
  options: { binary?: boolean; what?: string } = {},
): Promise<string[]> {
  const what = options.what ?? 'saved data';
  const files: string[] = [];
  let data: SimData | null = simData;
  if (options.binary && simData) {
    const bin = `${path.replace(/\.json$/i, '')}.bin`;
    const packed = packSimData(simData);
    files.push(await dir.write(bin, what, packed.bytes));
    data = { ...packed.json, [BINARY_FILE_KEY]: bin.split(/[\\/]/).pop() } as unknown as SimData;
  }
  files.unshift(await dir.write(path, what, savedDataChunks(net, data)));
  return files;
}

/** A saved-data file as an order-keeping object, simData's binary arrays read back in. */
export function readSavedData(path: string): Record<string, unknown> {
  return withBinaryData(parseOrderedJson(readTextFile(path), path) as Record<string, unknown>, path);
}

/** The parsed saved file `raw` (read from `path`) with simData's binary arrays read back in. */
export function withBinaryData(raw: Record<string, unknown>, path: string): Record<string, unknown> {
  const simData = raw.simData as Record<string, unknown> | undefined;
  const bin = simData?.[BINARY_FILE_KEY];
  if (bin === undefined) return raw;
  const at = `${path}: simData.${BINARY_FILE_KEY}`;
  if (typeof bin !== 'string') throw new FileError(`${at}: expected the name of the binary file beside it`);
  const problem = outputPathProblem(bin);
  if (problem) throw new FileError(`${at} = '${bin}' ${problem}: a saved file's binary data is read only from beside it`);
  const bytes = binaryBytes(simData!, `${path}: simData`);
  raw.simData = unpackSimData(simData!, readBoundedFile(join(dirname(path), bin), MAX_BINARY_BYTES, bytes), `${path}: simData`);
  return raw;
}
