import { CONN_STRING_FUNC_PARAMS } from '../catalog.ts';
import { type Diagnostics, didYouMean, joinPath } from '../diagnostics.ts';
import { check } from '../schema/helpers.ts';
import { connEntry, subConnEntry, synMechEntry } from '../schema/net-params.ts';
import { CONN_RANGES, mechanismRange } from '../schema/ranges.ts';
import type { ConnParams, SubConnParams, SynMechParams } from '../types.ts';
import { checkConds } from './conds.ts';
import { checkRange } from './ranges.ts';
import type { SpecIndex } from './spec-index.ts';

/** Reserved synMech keys that need no check (selfNetCon and pointerParams are reported as unsupported). */
const SYNMECH_PLAIN_KEYS = ['label', 'mod', 'loc'];

const UNSUPPORTED_CONN_KEYS: Record<string, string> = {
  shape: 'time-varying connection weights (shape) are not supported yet',
  plast: 'synaptic plasticity (plast) is not supported yet',
  gapJunction: 'gap junctions are not supported yet',
  preSec: 'pointer connections (preSec, gap junctions) are not supported yet',
  preLoc: 'pointer connections (preLoc, gap junctions) are not supported yet',
  disynapticBias: 'disynapticBias is deprecated in NetPyNE and not supported',
  weightIndex: 'an explicit weightIndex is not supported; synList on the point process selects it',
};

export function checkSynMechs(index: SpecIndex, diagnostics: Diagnostics): void {
  const synapses = index.catalog.ofKind('synapse');
  for (const [label, mech] of Object.entries(index.net.synMechParams ?? {}) as [string, SynMechParams][]) {
    const path = joinPath('netParams.synMechParams', label);
    if (!check(synMechEntry, mech, path, diagnostics)) continue;
    const info = index.catalog.get(mech.mod);
    if (!info?.kinds.includes('synapse')) {
      diagnostics.error(
        joinPath(path, 'mod'),
        mech.mod,
        `unknown synaptic mechanism${didYouMean(mech.mod, synapses)} (known: ${synapses.join(', ')}; load the model's own mod files with --mod)`,
      );
      continue;
    }
    for (const [param, value] of Object.entries(mech)) {
      if (SYNMECH_PLAIN_KEYS.includes(param)) continue;
      if (param === 'selfNetCon' || param === 'pointerParams') {
        diagnostics.error(joinPath(path, param), value, `${param} is not supported yet`);
      } else if (!(param in info.params)) {
        diagnostics.error(
          joinPath(path, param),
          value,
          `${mech.mod} has no parameter '${param}'${didYouMean(param, Object.keys(info.params))} (parameters: ${Object.keys(info.params).join(', ')})`,
        );
      } else if (typeof value !== 'number' && typeof value !== 'string') {
        diagnostics.error(joinPath(path, param), value, 'expected a number or a string function');
      } else {
        checkRange(value, mechanismRange(mech.mod, param), joinPath(path, param), diagnostics);
      }
    }
  }
}

export function checkConnRules(index: SpecIndex, diagnostics: Diagnostics): void {
  for (const [label, rule] of Object.entries(index.net.connParams ?? {}) as [string, ConnParams][]) {
    const path = joinPath('netParams.connParams', label);
    if (!check(connEntry, rule, path, diagnostics)) continue;
    checkConds(rule.preConds, joinPath(path, 'preConds'), index, diagnostics, 'selection');
    checkConds(rule.postConds, joinPath(path, 'postConds'), index, diagnostics, 'selection');
    for (const [key, reason] of Object.entries(UNSUPPORTED_CONN_KEYS))
      if (rule[key as keyof ConnParams] !== undefined) diagnostics.error(joinPath(path, key), rule[key as keyof ConnParams], reason);
    if (rule.threshold !== undefined)
      diagnostics.warning(joinPath(path, 'threshold'), rule.threshold, "ignored, as in NetPyNE: set 'threshold' on the presynaptic cell's section");
    checkConnFunc(rule, path, diagnostics);
    // Connections into artificial cells target the cell itself (NetPyNE ignores synMech there).
    if (rule.synMech !== undefined || !index.selectsOnlyPointCells(rule.postConds))
      checkSynMechRefs(rule.synMech, joinPath(path, 'synMech'), index, diagnostics);
    checkConnValues(rule, path, diagnostics);
    checkSecRefs(rule.sec, joinPath(path, 'sec'), index.cellTypesSelectedBy(rule.postConds ?? {}), index, diagnostics);
  }
}

function checkConnFunc(rule: ConnParams, path: string, diagnostics: Diagnostics): void {
  const needs: Record<string, keyof ConnParams> = { probConn: 'probability', convConn: 'convergence', divConn: 'divergence', fromListConn: 'connList' };
  if (rule.connFunc && needs[rule.connFunc] && rule[needs[rule.connFunc]] === undefined) {
    diagnostics.error(joinPath(path, needs[rule.connFunc]), undefined, `connFunc '${rule.connFunc}' needs '${needs[rule.connFunc]}'`);
  }
  const given = ['probability', 'convergence', 'divergence', 'connList'].filter((k) => rule[k as keyof ConnParams] !== undefined);
  if (!rule.connFunc && given.length > 1)
    diagnostics.warning(
      joinPath(path, given[1]),
      rule[given[1] as keyof ConnParams],
      `ignored: '${given[0]}' selects the connectivity function (NetPyNE order probability > convergence > divergence > connList)`,
    );
  for (const key of ['probability', 'convergence', 'divergence'] as const) checkRange(rule[key], CONN_RANGES[key], joinPath(path, key), diagnostics);
}

function checkConnValues(rule: ConnParams, path: string, diagnostics: Diagnostics): void {
  for (const key of CONN_STRING_FUNC_PARAMS) checkRange(rule[key], CONN_RANGES[key], joinPath(path, key), diagnostics);
  const nMechs = Array.isArray(rule.synMech) ? rule.synMech.length : 1;
  for (const key of ['synMechWeightFactor', 'synMechDelayFactor', 'synMechLocFactor'] as const) {
    const f = rule[key];
    if (f && f.length !== nMechs) diagnostics.error(joinPath(path, key), f, `expected ${nMechs} factor${nMechs === 1 ? '' : 's'} (one per synMech)`);
  }
}

export function checkSynMechRefs(synMech: unknown, path: string, index: SpecIndex, diagnostics: Diagnostics): void {
  if (synMech === undefined || synMech === null) {
    // Point processes with vref take connections without a synMech (checked when the network is built).
    if (index.synMechs.length === 0 && !index.hasVrefPointps)
      diagnostics.error(path, undefined, 'no synMech given and synMechParams is empty: define a synaptic mechanism');
    return;
  }
  const list = Array.isArray(synMech) ? synMech : [synMech];
  list.forEach((name, i) => {
    const p = Array.isArray(synMech) ? `${path}[${i}]` : path;
    if (!index.synMechs.includes(String(name)) && !index.synListLabels.has(String(name)))
      diagnostics.error(
        p,
        name,
        `references undefined synMech${didYouMean(String(name), index.synMechs)}${index.synMechs.length ? ` (defined: ${index.synMechs.join(', ')})` : ''}`,
      );
  });
}

export function checkSecRefs(sec: unknown, path: string, cellTypes: string[] | undefined, index: SpecIndex, diagnostics: Diagnostics): void {
  if (sec === undefined || sec === null) return;
  const known = index.sectionNames(cellTypes);
  if (!known) return;
  const list = Array.isArray(sec) ? sec : [sec];
  list.forEach((name, i) => {
    if (!known.has(String(name))) {
      const p = Array.isArray(sec) ? `${path}[${i}]` : path;
      diagnostics.error(
        p,
        name,
        `no section or section list of this name in the target cells${didYouMean(String(name), known)} (have: ${[...known].join(', ')})`,
      );
    }
  });
}

export function checkSubConnRules(index: SpecIndex, diagnostics: Diagnostics): void {
  for (const [label, rule] of Object.entries(index.net.subConnParams ?? {}) as [string, SubConnParams][]) {
    const path = joinPath('netParams.subConnParams', label);
    if (!check(subConnEntry, rule, path, diagnostics)) continue;
    checkConds(rule.preConds, joinPath(path, 'preConds'), index, diagnostics, 'selection');
    checkConds(rule.postConds, joinPath(path, 'postConds'), index, diagnostics, 'selection');
    checkSecRefs(rule.sec, joinPath(path, 'sec'), index.cellTypesSelectedBy(rule.postConds ?? {}), index, diagnostics);
    for (const mech of rule.groupSynMechs ?? []) checkSynMechRefs(mech, joinPath(path, 'groupSynMechs'), index, diagnostics);
    const density = rule.density;
    if (typeof density === 'object') {
      const dPath = joinPath(path, 'density');
      if (density.type === '1Dmap' || density.type === '2Dmap') {
        if (!density.gridY || !density.gridValues) diagnostics.error(dPath, density, `${density.type} needs gridY and gridValues`);
        if (density.type === '2Dmap' && !density.gridX) diagnostics.error(joinPath(dPath, 'gridX'), undefined, '2Dmap needs gridX');
        if (density.type === '1Dmap' && density.gridY && density.gridValues && density.gridY.length !== density.gridValues.length) {
          diagnostics.error(joinPath(dPath, 'gridValues'), density.gridValues, `expected ${density.gridY.length} values (one per gridY point)`);
        }
      }
    }
  }
}
