import { type Catalog, canonicalParam, didYouMean, joinPath } from '../../spec/index.ts';
import { ModifyError } from '../errors.ts';
import type { Network } from '../network.ts';
import type { NetworkData } from '../types.ts';
import { cellTagReader, knownCellTags } from './cell-tags.ts';
import { type Conds, checkConds, conditionsMetOrThrow } from './conds.ts';
import { asObject, finiteNumber } from './params.ts';

/** NetPyNE's sim.net.modifyStims params: conditions, then stimulus parameters to set. */
export interface ModifyStimsParams {
  /** Conditions on the tags of the stimulated cells. */
  cellConds?: Conds;
  /** Conditions on each stim as cell.stims records it (source, type, label, sec, loc, parameters). */
  conds?: Conds;
  [param: string]: unknown;
}

const PATH = 'modifyStims';
const NETSTIM_PARAMS = ['rate', 'interval', 'noise', 'start', 'number', 'seed'];
const STIM_RECORD_KEYS = ['label', 'source', 'type', 'sec', 'loc', ...NETSTIM_PARAMS];

/**
 * sim.net.modifyStims (CompartCell.modifyStims): sets parameters of the stimuli of cells
 * matching cellConds that match conds. NetStim stims: rate, interval, noise, start, number,
 * seed (the noise stream's seed, read again before every run); IClamp, SEClamp, AlphaSynapse:
 * their NEURON parameters. Returns the number of stims changed.
 */
export function modifyStims(net: Network, params: ModifyStimsParams): number {
  const d = net.data;
  const p = asObject(PATH, params);
  const cellConds = p.cellConds === undefined ? undefined : checkConds(joinPath(PATH, 'cellConds'), p.cellConds, knownCellTags(d), 'cells');
  const conds = p.conds === undefined ? undefined : checkConds(joinPath(PATH, 'conds'), p.conds, stimKeys(d), 'stims');
  const values = Object.entries(p).filter(([k]) => k !== 'conds' && k !== 'cellConds');
  for (const [key, value] of values) finiteNumber(joinPath(PATH, key), value, 'expected a number (NetPyNE sets it on the NEURON object with setattr)');
  checkParametersKnown(d, values as Array<[string, number]>, net.catalog);

  const { stims } = d;
  const matched: number[] = [];
  for (let c = 0; c < d.cells.count; c++) {
    if (d.cells.template[c] < 0 || stims.cellStart[c] === stims.cellStart[c + 1]) continue;
    const gid = d.cells.gid[c];
    if (cellConds && !conditionsMetOrThrow(joinPath(PATH, 'cellConds'), cellConds, cellTagReader(d, c), `cell gid ${gid}`, gid)) continue;
    for (let k = stims.cellStart[c]; k < stims.cellStart[c + 1]; k++) {
      const r = stims.byCell[k];
      const record = stims.params[r];
      if (conds && !conditionsMetOrThrow(joinPath(PATH, 'conds'), conds, (key) => record[key], `stim ${String(record.source)} on cell gid ${gid}`)) continue;
      matched.push(r);
    }
  }
  for (const r of matched) checkParameters(stims.params[r], values as Array<[string, number]>, net.catalog);
  for (const r of matched) {
    if (stims.params[r].type === 'NetStim') setNetStim(d, r, values as Array<[string, number]>);
    else setClamp(stims.params[r], values as Array<[string, number]>);
  }
  if (matched.some((r) => stims.params[r].type === 'NetStim') && values.some(([k]) => k === 'rate')) {
    const rate = values.find(([k]) => k === 'rate')![1] as number;
    d.warnings.push(
      `NetPyNE quirk: modifyStims rate ${rate} sets the NetStim interval to 1/rate = ${1 / rate} ms (CompartCell.modifyStims omits the factor 1000 that stim creation uses), i.e. ${rate * 1000} Hz; give interval: ${1000 / rate} for ${rate} Hz`,
    );
  }
  return matched.length;
}

/** Keys a cell.stims record can have. */
function stimKeys(d: NetworkData): Set<string> {
  const keys = new Set(STIM_RECORD_KEYS);
  for (const record of d.stims.params) for (const k of Object.keys(record)) keys.add(k);
  return keys;
}

/** A key no stim type of the network has is a mistake whatever matches. */
function checkParametersKnown(d: NetworkData, values: Array<[string, number]>, catalog: Catalog): void {
  const types = [...new Set(d.stims.params.map((s) => s.type as string))];
  const known = new Set(['weight', 'delay', ...NETSTIM_PARAMS]);
  for (const type of types) {
    const info = catalog.get(type);
    for (const k of [...Object.keys(info?.params ?? {}), ...Object.keys(info?.aliases ?? {})]) known.add(k);
  }
  for (const [key, value] of values) {
    if (!known.has(key))
      throw new ModifyError(
        joinPath(PATH, key),
        value,
        `unknown stim parameter '${key}'${didYouMean(key, known)} (the network's stims${types.length ? ` (${types.join(', ')})` : ''} have ${[...known].join(', ')})`,
      );
  }
}

function checkParameters(record: Record<string, unknown>, values: Array<[string, number]>, catalog: Catalog): void {
  const type = record.type as string;
  for (const [key, value] of values) {
    const path = joinPath(PATH, key);
    if (type === 'NetStim') {
      if (key === 'weight' || key === 'delay') {
        throw new ModifyError(
          path,
          value,
          `NetPyNE 1.1 fails on a NetStim's ${key} (CompartCell.modifyStims looks its connection up by conn['source'], which connections do not have, and assigns into None); use modifyConns({conds: {preLabel: '${String(record.source)}'}, ${key}: ${value}})`,
        );
      }
      if (!NETSTIM_PARAMS.includes(key))
        throw new ModifyError(
          path,
          value,
          `NetStim stims have ${NETSTIM_PARAMS.join(', ')}${didYouMean(key, NETSTIM_PARAMS)} (NetPyNE only writes other keys into cell.stims)`,
        );
      checkNetStimValue(path, key, value);
      continue;
    }
    const info = catalog.get(type);
    if (!info || canonicalParam(info, key) === undefined) {
      const known = info ? Object.keys(info.params) : [];
      throw new ModifyError(
        path,
        value,
        `${type} stims have no parameter '${key}'${didYouMean(key, known)}${known.length ? ` (parameters: ${known.join(', ')})` : ''}`,
      );
    }
    if (Array.isArray(info.params[canonicalParam(info, key)!].default))
      throw new ModifyError(path, value, `${type}.${key} is a vector; NetPyNE's setattr of a number fails on it`);
  }
}

function checkNetStimValue(path: string, key: string, value: number): void {
  if ((key === 'rate' || key === 'interval') && !(value > 0)) throw new ModifyError(path, value, `expected ${key} > 0`);
  if (key === 'noise' && !(value >= 0 && value <= 1)) throw new ModifyError(path, value, 'expected noise in [0, 1]');
  if (key === 'number' && value < 0) throw new ModifyError(path, value, 'expected number >= 0');
  if (key === 'seed' && !(Number.isInteger(value) && value >= 0 && value < 2 ** 32))
    throw new ModifyError(path, value, 'expected an integer seed in [0, 2^32)');
}

/**
 * NetPyNE first writes every value into the stim record, then sets the NEURON NetStim:
 * rate -> record.interval = interval = 1/rate (sic), interval -> record.rate = 1/interval and
 * interval = record.interval; noise, start, number directly; seed is read from the record by
 * preRun for the noise stream. So the NetStim's interval is record.interval when present.
 */
function setNetStim(d: NetworkData, r: number, values: Array<[string, number]>): void {
  const record = d.stims.params[r];
  for (const [key, value] of values) record[key] = value;
  for (const [key, value] of values) {
    if (key === 'rate') record.interval = 1.0 / value;
    else if (key === 'interval') record.rate = 1.0 / value;
    else if (key === 'seed') d.stims.streamIds[3 * r + 2] = value;
  }
}

/** setattr on the clamp; the key moves last in the record so that it wins over an alias (IClamp del/delay). */
function setClamp(record: Record<string, unknown>, values: Array<[string, number]>): void {
  for (const [key, value] of values) {
    delete record[key];
    record[key] = value;
  }
}
