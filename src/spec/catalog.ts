// The mechanisms spikegpu provides, with their NMODL parameter names and NEURON defaults.
// This is the one list the spec validator, the network builder (realised values) and the
// mechanism stage agree on. Units are NEURON's.

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
  /** Internal voltage variable for point processes that carry their own V (vref). */
  vref?: string;
  /** A mod file's STATE and ASSIGNED variables (any can be a point process's vref, as NetPyNE allows). */
  variables?: readonly string[];
}

const p = (value: number | readonly number[], units?: string): ParamInfo => ({ default: value, units });

/** The entry's parameter and alias tables as name tables (parameter names come from model files). */
const mechanism = (info: MechanismInfo): MechanismInfo => ({
  ...info,
  params: nameTable(info.params),
  ...(info.aliases ? { aliases: nameTable(info.aliases) } : {}),
});

/** Keyed by NEURON name; a name table (see nameTable), as names come from model files. */
export const MECHANISMS: Readonly<Record<string, MechanismInfo>> = nameTable(
  Object.fromEntries(
    Object.entries<MechanismInfo>({
      hh: {
        name: 'hh',
        kinds: ['density'],
        params: { gnabar: p(0.12, 'S/cm2'), gkbar: p(0.036, 'S/cm2'), gl: p(0.0003, 'S/cm2'), el: p(-54.3, 'mV') },
        ions: ['na', 'k'],
      },
      pas: {
        name: 'pas',
        kinds: ['density'],
        params: { g: p(0.001, 'S/cm2'), e: p(-70, 'mV') },
      },
      ExpSyn: {
        name: 'ExpSyn',
        kinds: ['synapse'],
        params: { tau: p(0.1, 'ms'), e: p(0, 'mV') },
      },
      Exp2Syn: {
        name: 'Exp2Syn',
        kinds: ['synapse'],
        params: { tau1: p(0.1, 'ms'), tau2: p(10, 'ms'), e: p(0, 'mV') },
      },
      IClamp: {
        name: 'IClamp',
        kinds: ['stimulus'],
        params: { del: p(0, 'ms'), dur: p(0, 'ms'), amp: p(0, 'nA') },
        aliases: { delay: 'del' },
      },
      VClamp: {
        name: 'VClamp',
        kinds: ['stimulus'],
        params: { dur: p([0, 0, 0], 'ms'), amp: p([0, 0, 0], 'mV'), gain: p(1e5), rstim: p(1, 'MOhm'), tau1: p(0.001, 'ms'), tau2: p(0, 'ms'), fac: p(0) },
      },
      SEClamp: {
        name: 'SEClamp',
        kinds: ['stimulus'],
        params: {
          rs: p(1, 'MOhm'),
          dur1: p(0, 'ms'),
          amp1: p(0, 'mV'),
          dur2: p(0, 'ms'),
          amp2: p(0, 'mV'),
          dur3: p(0, 'ms'),
          amp3: p(0, 'mV'),
        },
      },
      AlphaSynapse: {
        name: 'AlphaSynapse',
        kinds: ['stimulus', 'synapse'],
        params: { onset: p(0, 'ms'), tau: p(0.1, 'ms'), gmax: p(0, 'uS'), e: p(0, 'mV') },
      },
      NetStim: {
        name: 'NetStim',
        kinds: ['artificialCell', 'stimulus'],
        params: { interval: p(10, 'ms'), number: p(10), start: p(50, 'ms'), noise: p(0) },
      },
      VecStim: {
        name: 'VecStim',
        kinds: ['artificialCell'],
        params: {},
      },
      IntFire1: {
        name: 'IntFire1',
        kinds: ['artificialCell'],
        params: { tau: p(10, 'ms'), refrac: p(5, 'ms') },
      },
      IntFire2: {
        name: 'IntFire2',
        kinds: ['artificialCell'],
        params: { taum: p(10, 'ms'), taus: p(20, 'ms'), ib: p(0) },
      },
      IntFire4: {
        name: 'IntFire4',
        kinds: ['artificialCell'],
        params: { taue: p(5, 'ms'), taui1: p(10, 'ms'), taui2: p(20, 'ms'), taum: p(50, 'ms') },
      },
      // NetPyNE's Izhikevich point processes (doc/source/code/mod/izhi*.mod).
      Izhi2007a: {
        name: 'Izhi2007a',
        kinds: ['pointProcess'],
        params: {
          C: p(1),
          k: p(0.7),
          vr: p(-60, 'mV'),
          vt: p(-40, 'mV'),
          vpeak: p(35, 'mV'),
          a: p(0.03),
          b: p(-2),
          c: p(-50),
          d: p(100),
          Iin: p(0),
          Vpre: p(0),
          tauAMPA: p(5, 'ms'),
          tauNMDA: p(150, 'ms'),
          tauGABAA: p(6, 'ms'),
          tauGABAB: p(150, 'ms'),
          tauOpsin: p(50, 'ms'),
          celltype: p(1),
          alive: p(1),
          cellid: p(-1),
          verbose: p(0),
        },
        vref: 'V',
      },
      Izhi2007b: {
        name: 'Izhi2007b',
        kinds: ['pointProcess'],
        params: {
          C: p(1),
          k: p(0.7),
          vr: p(-60, 'mV'),
          vt: p(-40, 'mV'),
          vpeak: p(35, 'mV'),
          a: p(0.03),
          b: p(-2),
          c: p(-50),
          d: p(100),
          Iin: p(0),
          celltype: p(1),
          alive: p(1),
          cellid: p(-1),
        },
      },
      Izhi2003a: {
        name: 'Izhi2003a',
        kinds: ['pointProcess'],
        params: {
          a: p(0.02),
          b: p(0.2),
          c: p(-65),
          d: p(2),
          f: p(5),
          g: p(140),
          Iin: p(10),
          taug: p(1, 'ms'),
          thresh: p(30, 'mV'),
          erev: p(0, 'mV'),
          fflag: p(1),
        },
        vref: 'V',
      },
      Izhi2003b: {
        name: 'Izhi2003b',
        kinds: ['pointProcess'],
        params: { a: p(0.02), b: p(0.2), c: p(-65), d: p(2), f: p(5), g: p(140), Iin: p(10), thresh: p(30, 'mV'), fflag: p(1), cellid: p(-1) },
      },
    }).map(([name, info]) => [name, mechanism(info)]),
  ),
);

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

/** The built-in mechanisms' catalog. */
export const BUILTIN_CATALOG = new Catalog(MECHANISMS);

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
