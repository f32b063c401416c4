import { compileMod } from '../nmodl/index.ts';
import { type MechanismInfo, NATIVE_MECHANISMS, PARAM_ALIASES, STIM_SOURCE_TYPES } from '../spec/index.ts';
import { BUILTIN_MOD_FILES } from './builtin-mods.gen.ts';
import { MechanismRegistry } from './registry.ts';

// The built-in mechanisms: NEURON's and NetPyNE's mod files as spikegpu writes them (mod/,
// embedded by scripts/embed-mods.mjs), compiled by the same NMODL front end as a user's, plus
// NetPyNE's facts about them (stimulus sources, aliases) and the native NetStim and VecStim.

/**
 * NEURON's mechanism types in type-number order, the order in which nrn_cur adds each type's
 * currents into a node (and nrn_lhs its di/dv): NEURON 8.2.2's built-ins (pas 4, IClamp 7 ..
 * VClamp 12, hh 17, NetStim 18, IntFire1 19 .. IntFire4 21), then the mechanisms nrnivmodl
 * compiles, registered in the order of their mod files' names (izhi2003a.mod .. izhi2007b.mod).
 */
export const NEURON_TYPE_ORDER: readonly string[] = [
  'pas',
  'IClamp',
  'AlphaSynapse',
  'ExpSyn',
  'Exp2Syn',
  'SEClamp',
  'VClamp',
  'hh',
  'IntFire1',
  'IntFire2',
  'IntFire4',
  'Izhi2003a',
  'Izhi2003b',
  'Izhi2007a',
  'Izhi2007b',
];

/** A compiled built-in's catalogue entry with what NetPyNE adds: the stimulus kind of stimSourceParams types, parameter aliases. */
function withNetpyneFacts(info: MechanismInfo): MechanismInfo {
  const aliases = PARAM_ALIASES[info.name];
  return {
    ...info,
    kinds: STIM_SOURCE_TYPES.includes(info.name) ? [...info.kinds, 'stimulus'] : info.kinds,
    ...(aliases ? { aliases } : {}),
  };
}

function builtinRegistry(): MechanismRegistry {
  const compiled = Object.entries(BUILTIN_MOD_FILES).map(([file, text]) => compileMod(`mod/${file}`, text));
  const infos: Record<string, MechanismInfo> = {};
  for (const name of NEURON_TYPE_ORDER) {
    const c = compiled.find((m) => m.def.name === name);
    if (!c) throw new Error(`built-in ${name}: no mod file in mod/`);
    infos[name] = withNetpyneFacts(c.info);
  }
  for (const native of NATIVE_MECHANISMS) infos[native.name] = native;
  return new MechanismRegistry(
    infos,
    compiled.map((c) => [c.def.name, c.def]),
    NEURON_TYPE_ORDER,
  );
}

/** The built-in mechanisms, for models that load no mod files. */
export const BUILTIN_MECHANISMS: MechanismRegistry = builtinRegistry();
