import { joinPath } from '../../spec/index.ts';
import { ModifyError } from '../errors.ts';
import type { Network } from '../network.ts';
import type { NetworkData } from '../types.ts';
import { connRecord } from '../views.ts';
import { cellTagReader, knownCellTags } from './cell-tags.ts';
import { ConditionError, type Conds, checkConds, conditionsMet, conditionsMetOrThrow } from './conds.ts';
import { asObject, finiteNumber } from './params.ts';
import { templateForCells } from './template-split.ts';

/** NetPyNE's sim.net.modifyConns params. */
export interface ModifyConnsParams {
  /** Conditions on each connection as cell.conns records it (preGid, sec, loc, synMech, weight, delay, label, preLabel, ...), and 'gid' / 'postGid' (the post cell). */
  conds?: Conds;
  /** Conditions on the presynaptic cell's tags. */
  preConds?: Conds;
  /** Conditions on the postsynaptic cell's tags. */
  postConds?: Conds;
  /** NetCon weight (set as given: no weight scaling or weightNorm). */
  weight?: number;
  /** NetCon delay [ms]. */
  delay?: number;
  /** NetCon threshold [mV]: a property of the NetCon's source, so it changes the presynaptic cell's spike detector. */
  threshold?: number;
}

const PATH = 'modifyConns';
const PARAMS = ['weight', 'delay', 'threshold'];

/**
 * sim.net.modifyConns (CompartCell.modifyConns): sets weight, delay or threshold of the
 * connections into compartmental cells that match conds, postConds and preConds (NetPyNE's
 * PointCell has no modifyConns, so connections into artificial cells stay). Returns the number
 * of connections changed.
 */
export function modifyConns(net: Network, params: ModifyConnsParams): number {
  const d = net.data;
  const p = asObject(PATH, params);
  const cellTags = knownCellTags(d);
  const conds = p.conds === undefined ? undefined : postGidAsGid(checkConds(joinPath(PATH, 'conds'), p.conds, connKeys(d), 'connections'));
  const postConds = p.postConds === undefined ? undefined : checkConds(joinPath(PATH, 'postConds'), p.postConds, cellTags, 'cells');
  const preConds = p.preConds === undefined ? undefined : checkConds(joinPath(PATH, 'preConds'), p.preConds, cellTags, 'cells');
  const values = parameterValues(p);

  const conns = d.conns;
  const matched: number[] = [];
  let netStimsIgnoringPreConds = 0;
  for (let c = 0; c < d.cells.count; c++) {
    if (d.cells.template[c] < 0) continue;
    const gid = d.cells.gid[c];
    let postOk: boolean | undefined;
    for (let k = conns.postStart[c]; k < conns.postStart[c + 1]; k++) {
      const i = conns.byPost[k];
      if (conds) {
        const record = connRecord(d, i);
        if (!conditionsMetOrThrow(joinPath(PATH, 'conds'), conds, (key) => record[key], `connection ${i} on cell gid ${gid}`, gid)) continue;
      }
      if (postConds) {
        postOk ??= conditionsMetOrThrow(joinPath(PATH, 'postConds'), postConds, cellTagReader(d, c), `cell gid ${gid}`, gid);
        if (!postOk) continue;
      }
      if (preConds) {
        if (conns.pre[i] < 0) netStimsIgnoringPreConds++;
        else if (!preCellMatches(d, d.cells.gid[conns.pre[i]], preConds)) continue;
      }
      matched.push(i);
    }
  }
  checkWeightIndex(d, matched, values);
  apply(d, matched, values);
  if (netStimsIgnoringPreConds > 0) {
    d.warnings.push(
      `NetPyNE quirk: modifyConns preConds do not apply to NetStim connections (CompartCell.modifyConns looks the presynaptic cell up as sim.net.cells['NetStim'] and swallows the error), so ${netStimsIgnoringPreConds} NetStim connection(s) matching the other conditions were modified too; add conds: {label: <connParams label>} to leave them out (NetStim connections have no label)`,
    );
  }
  return matched.length;
}

/** NetPyNE renames a 'postGid' condition to 'gid', which checkConditions compares with the post cell. */
function postGidAsGid(conds: Conds): Conds {
  if (!('postGid' in conds)) return conds;
  const { postGid, ...rest } = conds;
  return { ...rest, gid: postGid };
}

/** Keys a cell.conns record can have, plus 'gid' and 'postGid'. */
function connKeys(d: NetworkData): Set<string> {
  const keys = new Set(['gid', 'postGid', 'preGid', 'sec', 'loc', 'synMech', 'weight', 'delay', 'preLoc', 'preLabel', 'weightIndex']);
  if (d.simConfig.includeParamsLabel) keys.add('label');
  for (const field of d.modifications.connFields.keys()) keys.add(field);
  return keys;
}

function parameterValues(p: Record<string, unknown>): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [key, value] of Object.entries(p)) {
    if (key === 'conds' || key === 'preConds' || key === 'postConds') continue;
    const path = joinPath(PATH, key);
    if (!PARAMS.includes(key)) {
      throw new ModifyError(
        path,
        value,
        `'${key}' is not a NetCon property: NetPyNE only writes it into cell.conns and the simulation does not change (modifyConns sets ${PARAMS.join(', ')})`,
      );
    }
    const v = finiteNumber(path, value);
    if (key === 'delay' && v < 0) throw new ModifyError(path, value, 'expected a delay >= 0 [ms]');
    out.push([key, v]);
  }
  return out;
}

/**
 * preConds are checked on sim.net.cells[preGid] (a list index, which is the cell with that gid
 * unless gids have gaps) inside a try/except: where that raises, the connection matches.
 */
function preCellMatches(d: NetworkData, preGid: number, preConds: Conds): boolean {
  if (preGid >= d.cells.count) return true; // IndexError, swallowed
  try {
    return conditionsMet(preConds, cellTagReader(d, preGid), d.cells.gid[preGid]);
  } catch (e) {
    if (e instanceof ConditionError) return true; // swallowed as well
    throw e;
  }
}

/** NetPyNE writes netcon.weight[0]; connections that carry their weight at another index are not supported. */
function checkWeightIndex(d: NetworkData, matched: number[], values: Array<[string, number]>): void {
  if (!values.some(([k]) => k === 'weight')) return;
  const i = matched.find((k) => d.conns.weightIndex[k] !== 0);
  if (i !== undefined) {
    throw new ModifyError(
      joinPath(PATH, 'weight'),
      values.find(([k]) => k === 'weight')![1],
      `connection ${i} (to gid ${d.cells.gid[d.conns.post[i]]}) carries its weight at index ${d.conns.weightIndex[i]} of a point process's synList; NetPyNE would write weight[0] instead, which is not supported`,
    );
  }
}

function apply(d: NetworkData, matched: number[], values: Array<[string, number]>): void {
  for (const [key, value] of values) {
    if (key === 'weight') for (const i of matched) d.conns.weight[i] = value;
    else if (key === 'delay') for (const i of matched) d.conns.delay[i] = value;
    else setThreshold(d, matched, value);
  }
}

/**
 * netcon.threshold sets the threshold of the NetCon's source, which all NetCons from that
 * source and the cell's spike recording share (NEURON's PreSyn): the presynaptic cells' spike
 * detectors change. Sources that are artificial cells or NetStims have no threshold detector.
 */
function setThreshold(d: NetworkData, matched: number[], value: number): void {
  let column = d.modifications.connFields.get('threshold');
  if (!column) {
    column = new Float64Array(d.conns.count).fill(Number.NaN);
    d.modifications.connFields.set('threshold', column);
  }
  const byTemplate = new Map<number, Set<number>>();
  for (const i of matched) {
    column[i] = value;
    const pre = d.conns.pre[i];
    if (pre < 0 || d.cells.template[pre] < 0) continue;
    const t = d.cells.template[pre];
    if (!byTemplate.has(t)) byTemplate.set(t, new Set());
    byTemplate.get(t)!.add(pre);
  }
  for (const [t, cells] of byTemplate) {
    const template = templateForCells(d, t, Int32Array.from([...cells].sort((a, b) => a - b)));
    template.spikeGen = { ...template.spikeGen, threshold: value };
  }
}
