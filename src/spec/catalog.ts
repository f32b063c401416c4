// What the spec and network stages know of mechanisms: the Catalog a model is checked and
// built with (names, kinds, parameters with NEURON's defaults, from the mod files: built-ins
// and the user's; the mech stage assembles it), NetPyNE's facts about mechanisms (which are
// stimulus sources, parameter aliases), NEURON's ions and section defaults, NetPyNE's key lists.

import { nameTable } from './name-table.ts';

export type MechanismKind =
  /** distributed membrane mechanism: cellParams secs.<sec>.mechs */
  | 'density'
  /** point process on a section that is part of the cell model: cellParams secs.<sec>.pointps */
  | 'pointProcess'
  /** synaptic mechanism receiving NetCon events: synMechParams mod */
  | 'synapse'
  /** electrode / synapse stimulus: stimSourceParams type */
  | 'stimulus'
  /** artificial cell (NEURON ARTIFICIAL_CELL): popParams / cellParams cellModel */
  | 'artificialCell';

export interface ParamInfo {
  /** NEURON default value. */
  default: number | readonly number[];
  units?: string;
}

export interface MechanismInfo {
  name: string;
  kinds: readonly MechanismKind[];
  params: Readonly<Record<string, ParamInfo>>;
  /** Other accepted names for a parameter (NEURON Python exposes IClamp `del` as `delay`). */
  aliases?: Readonly<Record<string, string>>;
  /** Ions whose reversal potential the mechanism reads. */
  ions?: readonly string[];
  /** Parameters that are GLOBAL (one value for every instance; set as `<param>_<name>`). */
  globals?: readonly string[];
  /** A mod file's STATE and ASSIGNED variables (any can be a point process's vref, as NetPyNE allows). */
  variables?: readonly string[];
}

/** The entry's parameter and alias tables as name tables (parameter names come from model files). */
const mechanism = (info: MechanismInfo): MechanismInfo => ({
  ...info,
  params: nameTable(info.params),
  ...(info.aliases ? { aliases: nameTable(info.aliases) } : {}),
});

/**
 * NEURON's artificial cells that spikegpu implements natively rather than from a mod file
 * (NetStim's random stream set-up is C in netstim.mod's VERBATIM; VecStim plays a vector).
 * Every other built-in is its mod file in mod/, compiled by the NMODL front end (mech/builtins.ts).
 */
export const NATIVE_MECHANISMS: readonly MechanismInfo[] = [
  {
    name: 'NetStim',
    kinds: ['artificialCell', 'stimulus'],
    params: { interval: { default: 10, units: 'ms' }, number: { default: 10 }, start: { default: 50, units: 'ms' }, noise: { default: 0 } },
  },
  { name: 'VecStim', kinds: ['artificialCell'], params: {} },
];

/** The point processes NetPyNE's stimSourceParams `type` creates on a cell (besides NetStim; cell.addStim). */
export const STIM_SOURCE_TYPES: readonly string[] = ['IClamp', 'VClamp', 'SEClamp', 'AlphaSynapse'];

/** Parameter aliases NEURON's Python gives point processes (IClamp `del` is `delay`, `del` being a Python keyword). */
export const PARAM_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = nameTable({ IClamp: { delay: 'del' } });

/**
 * Ions a section can set with `ions: {<ion>: {e: ...}}`, with NEURON's default reversal potentials
 * [mV] (eion.cpp ion_alloc; eca is 12.5*log(2/5e-5), a constant, not a Nernst value).
 */
export const IONS: Readonly<Record<string, { e: number }>> = nameTable({
  na: { e: 50 },
  k: { e: -77 },
  ca: { e: 132.4579341637009 },
});

/** NEURON's default reversal potential of an ion [mV]: 0 for an ion first declared by a mod file. */
export function ionReversal(ion: string): number {
  return IONS[ion]?.e ?? 0;
}

/** NEURON Section defaults. */
export const SECTION_DEFAULTS = { L: 100, diam: 500, Ra: 35.4, cm: 1, nseg: 1 } as const;

/**
 * The mechanisms a model can use, by NEURON name: the built-ins, and the mod files a user
 * loads (compiled by the NMODL front end). Passed down the pipeline with the model; never a
 * module-level list, so two models with different mod files can be built side by side.
 */
export class Catalog {
  private readonly infos: Readonly<Record<string, MechanismInfo>>;

  constructor(infos: Readonly<Record<string, MechanismInfo>>) {
    this.infos = nameTable(Object.fromEntries(Object.entries(infos).map(([name, info]) => [name, mechanism(info)])));
  }

  /** The mechanism of that name, or undefined (names come from model files). */
  get(name: string): MechanismInfo | undefined {
    return Object.hasOwn(this.infos, name) ? this.infos[name] : undefined;
  }

  names(): string[] {
    return Object.keys(this.infos);
  }

  ofKind(kind: MechanismKind): string[] {
    return Object.values(this.infos)
      .filter((m) => m.kinds.includes(kind))
      .map((m) => m.name);
  }

  /** This catalog with `infos` added; one of a built-in's name replaces it. */
  with(infos: Iterable<MechanismInfo>): Catalog {
    const all: Record<string, MechanismInfo> = { ...this.infos };
    for (const info of infos) all[info.name] = info;
    return new Catalog(all);
  }
}

/** Canonical parameter name (resolving aliases), or undefined if the mechanism has no such parameter. */
export function canonicalParam(mech: MechanismInfo, name: string): string | undefined {
  if (name in mech.params) return name;
  const alias = mech.aliases?.[name];
  return alias && alias in mech.params ? alias : undefined;
}

// NetPyNE's key lists (specs/netParams.py, network/network.py).

/** Point-process keys that are placement and wiring, not mechanism parameters (CellParams.pointpParamsReservedKeys). */
export const POINTP_RESERVED_KEYS: readonly string[] = ['mod', 'loc', 'vref', 'synList'];
/** synMechParams keys that are not mechanism parameters (SynMechParams.reservedKeys). */
export const SYNMECH_RESERVED_KEYS: readonly string[] = ['label', 'mod', 'selfNetCon', 'loc', 'pointerParams'];
/** Connection parameters that may be string functions, in evaluation order (Network.connStringFuncParams). */
export const CONN_STRING_FUNC_PARAMS = ['weight', 'delay', 'synsPerConn', 'loc'] as const;
/** Stimulation parameters that may be string functions, in evaluation order (Network.stimStringFuncParams + connStringFuncParams). */
export const STIM_STRING_FUNC_PARAMS: readonly string[] = [
  'del',
  'dur',
  'amp',
  'gain',
  'rstim',
  'tau1',
  'tau2',
  'onset',
  'tau',
  'gmax',
  'e',
  'interval',
  'rate',
  'number',
  'start',
  'noise',
  ...CONN_STRING_FUNC_PARAMS,
];
