import { isPlainObject } from './deep-ordered.ts';
import { type Diagnostics, joinPath } from './diagnostics.ts';
import { pyTruthy } from './py-truthy.ts';
import { bool, FLAG_UNIONS } from './schema/helpers.ts';
import { netParamsScalars } from './schema/net-params.ts';
import { simConfigSchemas } from './schema/sim-config.ts';
import type { NetParamsData, SimConfigData } from './types.ts';

// NetPyNE tests its switches as Python does (`if cfg.createNEURONObj:`), so a spec may give
// True/False, 1/0 or None for any of them. Each such value is replaced by the boolean Python
// reads it as, before validation; what the rest of spikegpu sees is always a boolean.

/** Switches inside netParams entries (NetPyNE reads them with `if rule.get(key)`), by collection. */
const ENTRY_FLAGS: Record<string, readonly string[]> = {
  connParams: ['distributeSynsUniformly', 'connRandomSecFromList'],
  popParams: ['diversity'],
};

type Schemas = Record<string, unknown>;

/** Replaces Python-typed switches by booleans in place; odd ones (strings, lists) get a warning. */
export function normalizePythonFlags(net: NetParamsData, cfg: SimConfigData, diagnostics: Diagnostics): void {
  normalizeHolder(cfg as unknown as Record<string, unknown>, simConfigSchemas, 'simConfig', diagnostics);
  normalizeHolder(net as unknown as Record<string, unknown>, netParamsScalars, 'netParams', diagnostics);
  for (const [collection, keys] of Object.entries(ENTRY_FLAGS)) {
    const entries = (net as unknown as Record<string, unknown>)[collection];
    if (!isPlainObject(entries)) continue;
    for (const [label, entry] of Object.entries(entries)) {
      if (!isPlainObject(entry)) continue;
      for (const key of keys) if (key in entry) normalizeFlag(entry, key, bool, joinPath(joinPath(joinPath('netParams', collection), label), key), diagnostics);
    }
  }
}

function normalizeHolder(holder: Record<string, unknown>, schemas: Schemas, base: string, diagnostics: Diagnostics): void {
  for (const key of Object.keys(holder)) {
    if (Object.hasOwn(schemas, key)) normalizeFlag(holder, key, schemas[key], joinPath(base, key), diagnostics);
  }
}

function normalizeFlag(holder: Record<string, unknown>, key: string, schema: unknown, path: string, diagnostics: Diagnostics): void {
  const value = holder[key];
  if (typeof value === 'boolean') return;
  if (schema === bool) {
    holder[key] = pyTruthy(value);
    if (value !== null && typeof value !== 'number')
      diagnostics.warning(path, value, `read as ${holder[key] ? 'True' : 'False'} (Python truthiness, as NetPyNE reads it)`);
  } else if (FLAG_UNIONS.has(schema as object)) {
    // a switch that may also carry a value (printRunTime: seconds, printPopAvgRates: [t0, t1], ...)
    if (value === null) holder[key] = false;
    else if (typeof value === 'number' && !(schema as { safeParse(v: unknown): { success: boolean } }).safeParse(value).success) holder[key] = value !== 0;
  }
}
