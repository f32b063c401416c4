import type { Network } from '../network/index.ts';
import type { SAVED_DATA_PARTS } from '../spec/index.ts';
import type { SimData } from './sim-data.ts';

// NetPyNE's saved-data layout (sim/save.py saveData), as JSON text chunks so large networks
// stream: {"net": {"cells", "pops", "params"}, "simConfig", "simData", "netpyne_version"}, with
// the parts simConfig.saveDataInclude names ('netCells', 'netPops', 'netParams', 'simConfig',
// 'simData', and 'net' for both netCells and netPops; default all). Other names are ignored,
// as NetPyNE ignores them (validation warns).

type Part = Exclude<(typeof SAVED_DATA_PARTS)[number], 'net'>;

export function* savedDataChunks(net: Network, simData: SimData | null, include: readonly string[] = net.data.simConfig.saveDataInclude): Generator<string> {
  // sim/save.py:150: 'net' in include -> include.extend(['netPops', 'netCells'])
  const has = (p: Part) => include.includes(p) || ((p === 'netCells' || p === 'netPops') && include.includes('net'));
  const top: string[] = [];
  if (has('netCells') || has('netPops') || has('netParams')) {
    yield '{"net": {';
    const inner: string[] = [];
    if (has('netCells')) {
      yield '"cells": [';
      for (let i = 0; i < net.cellCount; i++) yield (i > 0 ? ',\n' : '\n') + JSON.stringify(net.cell(i));
      yield '\n]';
      inner.push('cells');
    }
    if (has('netPops')) yield `${inner.push('pops') > 1 ? ', ' : ''}"pops": ${JSON.stringify(net.pops)}`;
    if (has('netParams')) yield `${inner.push('params') > 1 ? ', ' : ''}"params": ${JSON.stringify(net.data.netParams)}`;
    yield '}';
    top.push('net');
  } else {
    yield '{';
  }
  if (has('simConfig')) yield `${top.push('simConfig') > 1 ? ', ' : ''}"simConfig": ${JSON.stringify(net.data.simConfig)}`;
  if (has('simData') && simData) yield `${top.push('simData') > 1 ? ', ' : ''}"simData": ${JSON.stringify(simData)}`;
  yield `${top.length > 0 ? ', ' : ''}"netpyne_version": "1.1.0 (spikegpu)"}\n`;
}
