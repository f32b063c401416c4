import type { Network } from '../network/index.ts';
import type { SimData } from './sim-data.ts';

// NetPyNE's saved-data layout (sim/save.py saveData), as JSON text chunks so large networks
// stream: {"net": {"cells", "pops", "params"}, "simConfig", "simData", "netpyne_version"}, with
// the parts simConfig.saveDataInclude names ('netCells', 'netPops', 'netParams', 'simConfig',
// 'simData'; default all).

const PARTS = ['netParams', 'netCells', 'netPops', 'simConfig', 'simData'] as const;

export function* savedDataChunks(net: Network, simData: SimData | null, include: readonly string[] = net.data.simConfig.saveDataInclude): Generator<string> {
  const unknown = include.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`simConfig.saveDataInclude: unknown part(s) ${unknown.join(', ')} (expected ${PARTS.join(', ')})`);
  const has = (p: (typeof PARTS)[number]) => include.includes(p);
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
