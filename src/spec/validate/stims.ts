import { canonicalParam } from '../catalog.ts';
import { type Diagnostics, didYouMean, joinPath } from '../diagnostics.ts';
import { check } from '../schema/helpers.ts';
import { stimSourceEntry, stimTargetEntry } from '../schema/net-params.ts';
import { CONN_RANGES, mechanismRange } from '../schema/ranges.ts';
import type { StimSourceParams, StimTargetParams } from '../types.ts';
import { checkConds } from './conds.ts';
import { checkSecRefs, checkSynMechRefs } from './conns.ts';
import { checkRange } from './ranges.ts';
import type { SpecIndex } from './spec-index.ts';

/** NetPyNE's extra NetStim source parameters (network/stim.py, cell/compartCell.py addStim). */
const NETSTIM_SOURCE_EXTRAS = ['rate', 'seed'];
/** Parameters that would be NetCon settings rather than NetStim ones. */
const UNSUPPORTED_SOURCE_KEYS: Record<string, string> = {
  shape: 'time-varying connection weights (shape) are not supported yet',
  plast: 'synaptic plasticity (plast) is not supported yet',
  originalFormat: 'NeuroML stimuli (originalFormat) are not supported',
};

export function checkStimSources(index: SpecIndex, diagnostics: Diagnostics): void {
  const types = index.catalog.ofKind('stimulus');
  for (const [label, source] of Object.entries(index.net.stimSourceParams ?? {}) as [string, StimSourceParams][]) {
    const path = joinPath('netParams.stimSourceParams', label);
    if (!check(stimSourceEntry, source, path, diagnostics)) continue;
    const info = index.catalog.get(source.type);
    if (!info?.kinds.includes('stimulus')) {
      const reason =
        source.type === 'XStim'
          ? 'extracellular stimulation (XStim) is not supported yet'
          : `unknown stimulation type${didYouMean(source.type, types)} (available: ${types.join(', ')})`;
      diagnostics.error(joinPath(path, 'type'), source.type, reason);
      continue;
    }
    const extras = source.type === 'NetStim' ? NETSTIM_SOURCE_EXTRAS : [];
    for (const [key, value] of Object.entries(source)) {
      if (key === 'type') continue;
      const keyPath = joinPath(path, key);
      if (Object.hasOwn(UNSUPPORTED_SOURCE_KEYS, key)) diagnostics.error(keyPath, value, UNSUPPORTED_SOURCE_KEYS[key]);
      else if (!extras.includes(key) && !canonicalParam(info, key)) {
        const known = [...Object.keys(info.params), ...Object.keys(info.aliases ?? {}), ...extras];
        diagnostics.error(keyPath, value, `${source.type} has no parameter '${key}'${didYouMean(key, known)} (parameters: ${known.join(', ')})`);
      } else if (key === 'rate' && value === 'variable') {
        diagnostics.error(keyPath, value, "variable-rate NetStims (rate: 'variable', NSLOC) are not supported yet");
      } else if (source.type === 'VClamp' && (key === 'dur' || key === 'amp')) {
        if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === 'number'))
          diagnostics.error(keyPath, value, 'expected a list of 3 numbers');
        else checkRange(value, mechanismRange(source.type, key), keyPath, diagnostics);
      } else if (typeof value !== 'number' && typeof value !== 'string') {
        diagnostics.error(keyPath, value, 'expected a number or a string function');
      } else {
        checkRange(value, mechanismRange(source.type, canonicalParam(info, key) ?? key), keyPath, diagnostics);
      }
    }
    if (source.type === 'NetStim' && source.rate === undefined && source.interval === undefined)
      diagnostics.error(path, undefined, 'a NetStim source needs rate [Hz] or interval [ms]');
  }
}

export function checkStimTargets(index: SpecIndex, diagnostics: Diagnostics): void {
  for (const [label, target] of Object.entries(index.net.stimTargetParams ?? {}) as [string, StimTargetParams][]) {
    const path = joinPath('netParams.stimTargetParams', label);
    if (!check(stimTargetEntry, target, path, diagnostics)) continue;
    const source = index.net.stimSourceParams?.[target.source] as StimSourceParams | undefined;
    if (!source)
      diagnostics.error(
        joinPath(path, 'source'),
        target.source,
        `references undefined stim source${didYouMean(target.source, index.stimSources)}${index.stimSources.length ? ` (defined: ${index.stimSources.join(', ')})` : ''}`,
      );
    checkConds(target.conds, joinPath(path, 'conds'), index, diagnostics, 'selection', ['cellList']);
    const cellList = target.conds?.cellList;
    if (cellList !== undefined && cellList !== 'all' && !(Array.isArray(cellList) && cellList.every((i) => Number.isInteger(i) && i >= 0))) {
      diagnostics.error(joinPath(joinPath(path, 'conds'), 'cellList'), cellList, "expected a list of cell indices (>= 0) or 'all'");
    }
    checkSecRefs(target.sec, joinPath(path, 'sec'), index.cellTypesSelectedBy(target.conds ?? {}), index, diagnostics);
    checkRange(target.loc, CONN_RANGES.loc, joinPath(path, 'loc'), diagnostics);
    if (source?.type === 'NetStim') {
      checkSynMechRefs(target.synMech, joinPath(path, 'synMech'), index, diagnostics);
      for (const key of ['weight', 'delay', 'synsPerConn'] as const) checkRange(target[key], CONN_RANGES[key], joinPath(path, key), diagnostics);
    } else if (source) {
      for (const key of ['synMech', 'weight', 'delay', 'synsPerConn'] as const) {
        if (target[key] !== undefined && target[key] !== null)
          diagnostics.warning(joinPath(path, key), target[key], `ignored: ${source.type} is not a NetStim source (NetPyNE uses ${key} only for NetStims)`);
      }
    }
  }
}
