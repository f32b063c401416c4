import type { Catalog } from './catalog.ts';
import type { CellParams, NetParamsData, SimConfigData } from './types.ts';

// NEURON globals a model sets (NetPyNE sim/setup.py setGlobals): cfg.hParams first, then each
// cellParams rule's `globals` in rule order, a name set before keeping its first value (so a
// rule's celsius or v_init never wins over hParams); NetPyNE applies them as hoc statements
// `name=value` after creating the cells. A name no mechanism has creates a new hoc variable that
// nothing reads.

export type GlobalVariable =
  /** A mechanism's GLOBAL parameter, `<param>_<mechanism>` (ceiling_cad). */
  | { kind: 'parameter'; mechanism: string; param: string }
  /** `usetable_<mechanism>`: 0 turns the mechanism's TABLEs off. */
  | { kind: 'usetable'; mechanism: string }
  /** `<ion>i0_<ion>_ion`, `<ion>o0_<ion>_ion`: what finitialize resets concentrations to. */
  | { kind: 'ion'; ion: string; side: 'in' | 'out' }
  /** celsius, v_init, clamp_resist, tstop: NEURON's own (hParams). */
  | { kind: 'neuron' };

const NEURON_GLOBALS = new Set(['celsius', 'v_init', 'clamp_resist', 'tstop', 'dt']);

export function globalVariable(name: string, catalog: Catalog): GlobalVariable | null {
  if (NEURON_GLOBALS.has(name)) return { kind: 'neuron' };
  const table = /^usetable_(\w+)$/.exec(name);
  if (table && catalog.get(table[1])) return { kind: 'usetable', mechanism: table[1] };
  const ion = /^([A-Za-z][A-Za-z0-9]*?)([io])0_\1_ion$/.exec(name);
  if (ion) return { kind: 'ion', ion: ion[1], side: ion[2] === 'i' ? 'in' : 'out' };
  for (let at = name.indexOf('_'); at > 0; at = name.indexOf('_', at + 1)) {
    const param = name.slice(0, at);
    const info = catalog.get(name.slice(at + 1));
    if (info?.globals?.includes(param)) return { kind: 'parameter', mechanism: info.name, param };
  }
  return null;
}

/** The globals in effect (name -> value), in NetPyNE's order; hParams' own keys come first. */
export function modelGlobals(net: NetParamsData, cfg: SimConfigData): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(cfg.hParams ?? {})) if (typeof v === 'number') out.set(k, v);
  for (const rule of Object.values(net.cellParams ?? {}) as CellParams[])
    for (const [k, v] of Object.entries(rule?.globals ?? {})) if (!out.has(k) && typeof v === 'number') out.set(k, v);
  return out;
}
