import type { Network } from './network.ts';

/**
 * The network in NetPyNE's saved-data layout, as JSON text chunks (so large networks stream):
 * `{"net": {"cells": [...], "pops": {...}, "params": netParams}, "simConfig": {...}}`.
 * Cells are `{gid, tags, secs, secLists, conns, stims}` (plus `params` for artificial cells)
 * with every string function replaced by the value drawn for that cell or synapse.
 */
export function* netpyneJsonChunks(net: Network, options: { cellsPerChunk?: number } = {}): Generator<string> {
  const perChunk = options.cellsPerChunk ?? 256;
  yield '{"net": {"cells": [';
  let buffer: string[] = [];
  for (let i = 0; i < net.cellCount; i++) {
    buffer.push((i > 0 ? ',\n' : '\n') + JSON.stringify(net.cell(i)));
    if (buffer.length >= perChunk) {
      yield buffer.join('');
      buffer = [];
    }
  }
  if (buffer.length) yield buffer.join('');
  yield '\n], "pops": ';
  yield JSON.stringify(net.pops);
  yield ', "params": ';
  yield JSON.stringify(net.data.netParams);
  yield '}, "simConfig": ';
  yield JSON.stringify(net.data.simConfig);
  yield ', "netpyne_version": "1.1.0 (spikegpu)"}\n';
}
