import { isPlainObject } from './deep-ordered.ts';
import { Diagnostics, didYouMean, SpecError } from './diagnostics.ts';
import { excessNesting, parseOrderedJson } from './json.ts';
import { NetParams } from './net-params.ts';
import { SimConfig } from './sim-config.ts';
import type { NetParamsData, SimConfigData } from './types.ts';

/** A model specification: NetPyNE's two objects. */
export interface ModelSpec {
  netParams: NetParams;
  simConfig: SimConfig;
}

/** What loadSpec accepts: JSON text, `{netParams, simConfig}` (plain or class instances), or a NetPyNE saved-data object. */
export type SpecInput = string | { netParams?: NetParams | Record<string, unknown>; simConfig?: SimConfig | Record<string, unknown>; [key: string]: unknown };

const SAVED_DATA_KEYS = ['net', 'simConfig', 'simData', 'netpyne_version', 'netpyne_changeset', 'netParams_version'];

/**
 * Reads a specification in any of NetPyNE's layouts, keeping insertion order, and fills
 * NetPyNE's defaults. Problems with the layout itself throw a SpecError; load-time warnings
 * (e.g. alphabetically ordered keys in a NetPyNE saved-data file) are returned.
 */
export function loadSpec(input: SpecInput, sourceName = 'spec'): ModelSpec & { warnings: Diagnostics } {
  const diagnostics = new Diagnostics();
  const raw = typeof input === 'string' ? parseOrderedJson(input, sourceName) : input;
  const nesting = typeof input === 'string' ? null : excessNesting(input);
  if (nesting) throw new SpecError([{ severity: 'error', path: sourceName, message: nesting }]);
  if (!isPlainObject(raw))
    throw new SpecError([{ severity: 'error', path: sourceName, value: raw, message: 'expected an object with netParams and simConfig' }]);
  let netParamsData: unknown = raw.netParams;
  if (raw.netParams === undefined && isPlainObject(raw.net)) {
    netParamsData = raw.net.params;
    diagnostics.warning(
      'net.params',
      undefined,
      "NetPyNE's saveJSON sorts keys alphabetically, so popParams/connParams order (and with it gids and random streams) may differ from the original model",
    );
  }
  const allowed = raw.net !== undefined ? SAVED_DATA_KEYS : ['netParams', 'simConfig'];
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) diagnostics.error(key, raw[key], `unknown top-level key${didYouMean(key, allowed)} (expected ${allowed.join(', ')})`);
  }
  if (netParamsData === undefined) diagnostics.error('netParams', undefined, 'missing netParams');
  else if (!isPlainObject(netParamsData) && !(netParamsData instanceof NetParams)) diagnostics.error('netParams', netParamsData, 'expected an object');
  if (raw.simConfig !== undefined && !isPlainObject(raw.simConfig) && !(raw.simConfig instanceof SimConfig))
    diagnostics.error('simConfig', raw.simConfig, 'expected an object');
  diagnostics.throwIfErrors();
  const netParams = netParamsData instanceof NetParams ? netParamsData : new NetParams(netParamsData as Partial<NetParamsData>);
  const simConfig = raw.simConfig instanceof SimConfig ? raw.simConfig : new SimConfig((raw.simConfig ?? {}) as Partial<SimConfigData>);
  return { netParams, simConfig, warnings: diagnostics };
}
