import { cellsJson, type Network } from '../network/index.ts';
import { joinChunks, jsonChunks, type SAVED_DATA_PARTS } from '../spec/index.ts';
import type { SimData } from './sim-data.ts';

// NetPyNE's saved-data layout (sim/save.py saveData), as JSON text chunks of about 1 MiB so
// large networks and recordings stream (no part has to fit in one string): {"net": {"cells", "pops", "params"}, "simConfig", "simData", "netpyne_version"}, with
// the parts simConfig.saveDataInclude names ('netCells', 'netPops', 'netParams', 'simConfig',
// 'simData', and 'net' for both netCells and netPops; default all). Other names are ignored,
// as NetPyNE ignores them (validation warns).

type Part = Exclude<(typeof SAVED_DATA_PARTS)[number], 'net'>;

export function savedDataChunks(net: Network, simData: SimData | null, include: readonly string[] = net.data.simConfig.saveDataInclude): Generator<string> {
  return joinChunks(savedDataParts(net, simData, include));
}

function* savedDataParts(net: Network, simData: SimData | null, include: readonly string[]): Generator<string> {
  // sim/save.py:150: 'net' in include -> include.extend(['netPops', 'netCells'])
  const has = (p: Part) => include.includes(p) || ((p === 'netCells' || p === 'netPops') && include.includes('net'));
  const top: string[] = [];
  if (has('netCells') || has('netPops') || has('netParams')) {
    yield '{"net": {';
    const inner: string[] = [];
    if (has('netCells')) {
      yield '"cells": [';
      yield* cellsJson(net);
      yield '\n]';
      inner.push('cells');
    }
    if (has('netPops')) yield* part(inner.push('pops') > 1, 'pops', net.pops);
    if (has('netParams')) yield* part(inner.push('params') > 1, 'params', net.data.netParams);
    yield '}';
    top.push('net');
  } else {
    yield '{';
  }
  if (has('simConfig')) yield* part(top.push('simConfig') > 1, 'simConfig', net.data.simConfig);
  if (has('simData') && simData) yield* part(top.push('simData') > 1, 'simData', simData);
  yield `${top.length > 0 ? ', ' : ''}"netpyne_version": "1.1.0 (spikegpu)"}\n`;
}

/** `, "key": value` (without the comma for the first member). */
function* part(comma: boolean, key: string, value: unknown): Generator<string> {
  yield `${comma ? ', ' : ''}"${key}": `;
  yield* jsonChunks(value);
}
