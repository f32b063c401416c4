import { nameTable } from '../spec/name-table.ts';
import { AlphaSynapse } from './defs/alphasynapse.ts';
import { Exp2Syn } from './defs/exp2syn.ts';
import { ExpSyn } from './defs/expsyn.ts';
import { hh } from './defs/hh.ts';
import { IClamp } from './defs/iclamp.ts';
import { IntFire1 } from './defs/intfire1.ts';
import { IntFire2 } from './defs/intfire2.ts';
import { IntFire4 } from './defs/intfire4.ts';
import { Izhi2003a } from './defs/izhi2003a.ts';
import { Izhi2003b } from './defs/izhi2003b.ts';
import { Izhi2007a } from './defs/izhi2007a.ts';
import { Izhi2007b } from './defs/izhi2007b.ts';
import { pas } from './defs/pas.ts';
import { SEClamp } from './defs/seclamp.ts';
import { VClamp } from './defs/vclamp.ts';
import { builtinRegistry, MechanismRegistry } from './registry.ts';
import type { MechanismDef } from './types.ts';

export { assignedFields } from './field-flow.ts';
export type { Stmt } from './lang.ts';
export { GLOBALS, type LoweredBlock, type LoweredMechanism, type LoweredTable, type LoweredWatch, lowerMechanism } from './lower.ts';
export { hocExp, LIBM_NAME, NEURON_LIBM } from './neuron-libm.ts';
export { abortMessages, type JsNames, JsRenderer, literal, type Precision } from './render-js.ts';
export { WgslRenderer, wgslFloat } from './render-wgsl.ts';
export * as scopmath from './scopmath.ts';
export { type BuiltTable, buildTable } from './tables.ts';
export * from './types.ts';
export { fillSlots, mechanismWgsl, type WgslSpecialization } from './wgsl-module.ts';

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

/** Mechanisms with a simulation definition, by NEURON name (a name table: names come from model files). */
export const MECHANISM_DEFS: Readonly<Record<string, MechanismDef>> = nameTable({
  hh,
  pas,
  ExpSyn,
  Exp2Syn,
  IClamp,
  Izhi2007b,
  AlphaSynapse,
  SEClamp,
  IntFire1,
  IntFire2,
  IntFire4,
  VClamp,
  Izhi2007a,
  Izhi2003a,
  Izhi2003b,
});

export { MechanismRegistry };

/** The built-in mechanisms, for models that load no mod files. */
export const BUILTIN_MECHANISMS: MechanismRegistry = builtinRegistry(MECHANISM_DEFS, NEURON_TYPE_ORDER);
export { nernst } from './nernst.ts';
