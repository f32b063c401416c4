import { joinChunks, jsonChunks } from '../spec/index.ts';
import type { Network } from './network.ts';

/**
 * The network in NetPyNE's saved-data layout, as JSON text chunks of about 1 MiB (so large
 * networks stream, and no cell's text has to fit in one string):
 * `{"net": {"cells": [...], "pops": {...}, "params": netParams}, "simConfig": {...}}`.
 * Cells are `{gid, tags, secs, secLists, conns, stims}` (plus `params` for artificial cells)
 * with every string function replaced by the value drawn for that cell or synapse.
 */
export function netpyneJsonChunks(net: Network): Generator<string> {
  return joinChunks(netpyneJsonParts(net));
}

function* netpyneJsonParts(net: Network): Generator<string> {
  yield '{"net": {"cells": [';
  yield* cellsJson(net);
  yield '\n], "pops": ';
  yield* jsonChunks(net.pops);
  yield ', "params": ';
  yield* jsonChunks(net.data.netParams);
  yield '}, "simConfig": ';
  yield* jsonChunks(net.data.simConfig);
  yield ', "netpyne_version": "1.1.0 (spikegpu)"}\n';
}

/** Each cell on its own line; a cell's conns, secs and stims are written one by one (walkDepth 2). */
export function* cellsJson(net: Network): Generator<string> {
  for (let i = 0; i < net.cellCount; i++) {
    yield i > 0 ? ',\n' : '\n';
    yield* jsonChunks(net.cellToSave(i), { walkDepth: 2 });
  }
}
