import type { Catalog } from '../catalog.ts';
import { isPlainObject } from '../deep-ordered.ts';
import { type Diagnostics, didYouMean, joinPath } from '../diagnostics.ts';
import { check } from '../schema/helpers.ts';
import { netParamsCollections, netParamsScalars } from '../schema/net-params.ts';
import type { NetParamsData, SimConfigData } from '../types.ts';
import { checkCellRules } from './cells.ts';
import { checkConnRules, checkSubConnRules, checkSynMechs } from './conns.ts';
import { checkPops } from './pops.ts';
import { checkSimConfig, type ValidationScope } from './sim-config.ts';
import { SpecIndex } from './spec-index.ts';
import { checkStimSources, checkStimTargets } from './stims.ts';

export type { ValidationScope } from './sim-config.ts';
export { SpecIndex } from './spec-index.ts';

/**
 * Structural and reference checks of a whole specification. Every problem is reported (not
 * just the first), each with its path, value and expectation. String functions are checked by
 * the network stage (network/check-functions.ts), which knows each one's variables.
 * `scope: 'network'` checks only what network creation uses.
 */
export function validateStructure(
  net: NetParamsData,
  cfg: SimConfigData,
  scope: ValidationScope,
  diagnostics: Diagnostics,
  catalog: Catalog,
  /** simConfig attributes netParams refers to (spec/cfg-references.ts): user attributes with an effect */
  cfgUsed: ReadonlySet<string> = new Set(),
): Diagnostics {
  checkNetParamsAttributes(net, diagnostics);
  if (!collectionsAreObjects(net)) return diagnostics; // the checks below walk them
  const index = new SpecIndex(net, catalog);
  checkCellRules(index, diagnostics);
  checkPops(index, diagnostics);
  checkSynMechs(index, diagnostics);
  checkConnRules(index, diagnostics);
  checkSubConnRules(index, diagnostics);
  checkStimSources(index, diagnostics);
  checkStimTargets(index, diagnostics);
  checkSimConfig(cfg, index, scope, diagnostics, cfgUsed);
  return diagnostics;
}

const CHECKED_ELSEWHERE = new Set(Object.keys(netParamsCollections));

/** Whether every collection of netParams (cellParams, popParams, ...) is an object of objects keyed by label, as later checks need. */
export function collectionsAreObjects(net: NetParamsData): boolean {
  return [...CHECKED_ELSEWHERE].every((key) => {
    const value = (net as unknown as Record<string, unknown>)[key];
    return value === undefined || (isPlainObject(value) && Object.values(value).every(isPlainObject));
  });
}

function checkNetParamsAttributes(net: NetParamsData, diagnostics: Diagnostics): void {
  const scalars = netParamsScalars as Record<string, Parameters<typeof check>[0]>;
  const known = [...Object.keys(scalars), ...CHECKED_ELSEWHERE];
  for (const [key, value] of Object.entries(net)) {
    const path = joinPath('netParams', key);
    if (Object.hasOwn(scalars, key)) {
      check(scalars[key], value, path, diagnostics);
    } else if (CHECKED_ELSEWHERE.has(key)) {
      if (!isPlainObject(value)) diagnostics.error(path, value, 'expected an object keyed by label');
      else
        for (const [label, entry] of Object.entries(value))
          if (!isPlainObject(entry)) diagnostics.error(joinPath(path, label), entry, `expected an object (the ${key} entry '${label}')`);
    } else {
      // NetPyNE keeps any user attribute; numbers are variables of string functions (dictVars)
      const near = didYouMean(key, known);
      if (near)
        diagnostics.warning(
          path,
          value,
          `user-defined attribute${near}: ${typeof value === 'number' ? 'it is a variable of string functions' : 'kept and ignored'}, not a NetPyNE setting`,
        );
    }
  }
  if (net.rxdParams && Object.keys(net.rxdParams).length > 0)
    diagnostics.error('netParams.rxdParams', net.rxdParams, 'reaction-diffusion (rxdParams) is not supported');
  if (net.mapping && Object.keys(net.mapping).length > 0)
    diagnostics.warning('netParams.mapping', net.mapping, 'has no effect: cfg-to-netParams mapping is a NetPyNE batch feature');
}

/** The numeric netParams attributes: constants of string functions (NetPyNE dictVars). */
export function numericNetParams(net: NetParamsData): Record<string, number> {
  const out: Record<string, number> = Object.create(null);
  for (const [key, value] of Object.entries(net)) if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  return out;
}
