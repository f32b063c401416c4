import { canonicalParam, didYouMean, joinPath, SYNMECH_RESERVED_KEYS } from '../../spec/index.ts';
import { ModifyError } from '../errors.ts';
import type { Network } from '../network.ts';
import { isPointProcessTarget } from '../views.ts';
import { cellTagReader, knownCellTags } from './cell-tags.ts';
import { type Conds, checkConds, conditionsMetOrThrow } from './conds.ts';
import { asObject, finiteNumber } from './params.ts';
import { synMechReader } from './synmech-values.ts';

/** NetPyNE's sim.net.modifySynMechs params: conditions, then parameter values to set. */
export interface ModifySynMechsParams {
  /** Conditions on the tags of the cells whose synMechs change. */
  cellConds?: Conds;
  /** Conditions on each synMech: 'sec' (required by NetPyNE 1.1 whenever conds is given), 'label', 'loc', or a synMechParams key. */
  conds?: Conds;
  [param: string]: unknown;
}

const PATH = 'modifySynMechs';

/**
 * sim.net.modifySynMechs (cell/compartCell.py CompartCell.modifySynMechs): sets parameters of
 * the synapse instances (one per connection, oneSynPerNetcon) on cells matching cellConds whose
 * section and synMech dict match conds. Artificial cells are left alone, as NetPyNE's PointCell
 * has no modifySynMechs. Returns the number of synapses changed.
 */
export function modifySynMechs(net: Network, params: ModifySynMechsParams): number {
  const d = net.data;
  const p = asObject(PATH, params);
  const cellConds = p.cellConds === undefined ? undefined : checkConds(joinPath(PATH, 'cellConds'), p.cellConds, knownCellTags(d), 'cells');
  const conds = p.conds === undefined ? undefined : asObject(joinPath(PATH, 'conds'), p.conds);
  const secCond = conds?.sec;
  const synMechConds = conds ? checkConds(joinPath(PATH, 'conds'), withoutSec(conds), synMechKeys(net), 'synMechs') : undefined;
  if (conds && secCond !== undefined && secCond !== null && secCond !== '') checkSectionName(net, secCond);
  const values = parameterValues(p);
  checkParametersKnown(net, values);

  const conns = d.conns;
  const read = synMechReader(d);
  const matched: number[] = [];
  for (let c = 0; c < d.cells.count; c++) {
    const t = d.cells.template[c];
    if (t < 0) continue;
    if (cellConds && !conditionsMetOrThrow(joinPath(PATH, 'cellConds'), cellConds, cellTagReader(d, c), `cell gid ${d.cells.gid[c]}`, d.cells.gid[c])) continue;
    const template = d.templates[t];
    for (let k = conns.postStart[c]; k < conns.postStart[c + 1]; k++) {
      const i = conns.byPost[k];
      if (conns.synMech[i] < 0 || isPointProcessTarget(template, conns.sec[i])) continue;
      if (conds) {
        if (!('sec' in conds)) {
          throw new ModifyError(
            joinPath(PATH, 'conds'),
            conds,
            "NetPyNE 1.1 needs a 'sec' condition whenever conds is given (CompartCell.modifySynMechs pops it and raises KeyError otherwise); use sec: null for every section",
          );
        }
        if (secCond && secCond !== template.sections[conns.sec[i]].name) continue;
        if (!conditionsMetOrThrow(joinPath(PATH, 'conds'), synMechConds!, read(i), `the synapse of connection ${i} on cell gid ${d.cells.gid[c]}`)) continue;
      }
      matched.push(i);
    }
  }
  checkParametersFit(net, matched, values);
  for (const [param, value] of values) {
    let column = d.modifications.synMechParams.get(param);
    if (!column) {
      column = new Float64Array(conns.count).fill(Number.NaN);
      d.modifications.synMechParams.set(param, column);
    }
    for (const i of matched) column[i] = value;
  }
  return matched.length;
}

function withoutSec(conds: Record<string, unknown>): Conds {
  const { sec: _sec, ...rest } = conds;
  return rest;
}

/** Keys a synMech dict can have: label, loc, any synMechParams key, parameters set earlier. */
function synMechKeys(net: Network): Set<string> {
  const keys = new Set(['label', 'loc']);
  for (const spec of Object.values(net.data.netParams.synMechParams)) for (const k of Object.keys(spec)) keys.add(k);
  for (const k of net.data.modifications.synMechParams.keys()) keys.add(k);
  return keys;
}

function checkSectionName(net: Network, sec: unknown): void {
  const path = joinPath(joinPath(PATH, 'conds'), 'sec');
  if (typeof sec !== 'string') throw new ModifyError(path, sec, 'expected a section name (NetPyNE compares it to each section label)');
  const names = new Set(net.data.templates.flatMap((t) => [...t.sectionIndex.keys()]));
  if (!names.has(sec)) throw new ModifyError(path, sec, `no cell has a section '${sec}'${didYouMean(sec, names)} (sections: ${[...names].join(', ')})`);
}

/** The parameters to set: every key but the conditions; NetPyNE skips synMech keys that are not parameters. */
function parameterValues(p: Record<string, unknown>): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [key, value] of Object.entries(p)) {
    if (key === 'conds' || key === 'cellConds') continue;
    const path = joinPath(PATH, key);
    if (SYNMECH_RESERVED_KEYS.includes(key))
      throw new ModifyError(path, value, `'${key}' cannot be modified (NetPyNE ignores the synMech keys ${SYNMECH_RESERVED_KEYS.join(', ')} here)`);
    out.push([key, finiteNumber(path, value, 'expected a number (NetPyNE sets it on the NEURON object with setattr)')]);
  }
  return out;
}

/** A parameter no synMech of the network has is a mistake whatever matches. */
function checkParametersKnown(net: Network, values: Array<[string, number]>): void {
  const mods = [...new Set(Object.values(net.data.netParams.synMechParams).map((s) => s.mod))];
  for (const [param, value] of values) {
    if (mods.some((mod) => net.catalog.get(mod) && canonicalParam(net.catalog.get(mod)!, param) !== undefined)) continue;
    const known = [...new Set(mods.flatMap((mod) => Object.keys(net.catalog.get(mod)?.params ?? {})))];
    throw new ModifyError(
      joinPath(PATH, param),
      value,
      `unknown synMech parameter '${param}'${didYouMean(param, known)} (the network's synMechs (${mods.join(', ')}) have ${known.join(', ')})`,
    );
  }
}

/** Every parameter must exist on the mechanism of every matched synapse (NetPyNE's setattr would fail). */
function checkParametersFit(net: Network, matched: number[], values: Array<[string, number]>): void {
  const specs = Object.entries(net.data.netParams.synMechParams);
  const seen = new Set<number>();
  for (const i of matched) {
    const m = net.data.conns.synMech[i];
    if (seen.has(m)) continue;
    seen.add(m);
    const [label, spec] = specs[m];
    const info = net.catalog.get(spec.mod);
    for (const [param, value] of values) {
      if (info && canonicalParam(info, param) !== undefined) continue;
      const known = info ? Object.keys(info.params) : [];
      throw new ModifyError(
        joinPath(PATH, param),
        value,
        `synMech '${label}' (${spec.mod}) has no parameter '${param}'${didYouMean(param, known)}${known.length ? ` (parameters: ${known.join(', ')})` : ''}`,
      );
    }
  }
}
