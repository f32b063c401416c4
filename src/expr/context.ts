// The names a string function may use, per use site, as NetPyNE defines them
// (network/conn.py _connStrToFunc, network/stim.py _stimStrToFunc, cell/compartCell.py and
// specs/netParams.py string-function evaluators). Each variable gets a slot in the Float64Array
// environment the caller fills; every numeric netParams attribute is an inlined constant.
// Names are data: they are looked up in Maps and arrays, never as properties of an object.

import { CONSTANTS } from './functions.ts';

export interface ExprContext {
  /** Human name of the site, used in messages ("connParams probability"). */
  site: string;
  /** Variables in slot order. */
  variables: readonly string[];
  /** Inlined constants (numeric netParams attributes). */
  constants: ReadonlyMap<string, number>;
  /** Whether `rand` and the random distributions may be used. */
  allowRandom: boolean;
  /** Names that exist at other sites, with the reason they are not available here. */
  unavailable: ReadonlyMap<string, string>;
}

/** What a name in a string function stands for at a site: a variable slot or a number. */
export type NameBinding = { kind: 'variable'; slot: number } | { kind: 'constant'; value: number };

/** Variables first, then the site's constants, then pi, e, inf; undefined for anything else. */
export function resolveName(context: ExprContext, name: string): NameBinding | undefined {
  const slot = context.variables.indexOf(name);
  if (slot >= 0) return { kind: 'variable', slot };
  const value = context.constants.get(name) ?? CONSTANTS.get(name);
  return value === undefined ? undefined : { kind: 'constant', value };
}

/** The caller's numeric attributes as a Map (own properties only). */
function constantMap(constants: Readonly<Record<string, number>>): ReadonlyMap<string, number> {
  return new Map(Object.entries(constants).filter((entry) => typeof entry[1] === 'number'));
}

const XYZ = ['x', 'y', 'z', 'xnorm', 'ynorm', 'znorm'] as const;
export const PRE_VARS = XYZ.map((c) => `pre_${c}`);
export const POST_VARS = XYZ.map((c) => `post_${c}`);
export const DIST_VARS = [
  'dist_x',
  'dist_y',
  'dist_z',
  'dist_3D',
  'dist_3D_border',
  'dist_2D',
  'dist_xnorm',
  'dist_ynorm',
  'dist_znorm',
  'dist_norm3D',
  'dist_norm2D',
];
export const CELL_POSITION_VARS: readonly string[] = XYZ;

/** How many cells a connection-rule function sees: a pair, only the post cell, or only the pre cell. */
export type ConnScope = 'pair' | 'post' | 'pre';

export function connContext(param: string, scope: ConnScope, constants: Readonly<Record<string, number>>): ExprContext {
  const unavailable = new Map<string, string>();
  let variables: string[];
  if (scope === 'pair') {
    variables = [...PRE_VARS, ...POST_VARS, ...DIST_VARS];
  } else if (scope === 'post') {
    variables = [...POST_VARS];
    for (const v of [...PRE_VARS, ...DIST_VARS]) unavailable.set(v, `${param} is evaluated once per postsynaptic cell, so only post_* variables exist`);
  } else {
    variables = [...PRE_VARS];
    for (const v of [...POST_VARS, ...DIST_VARS]) unavailable.set(v, `${param} is evaluated once per presynaptic cell, so only pre_* variables exist`);
  }
  return { site: `connParams ${param}`, variables, constants: constantMap(constants), allowRandom: true, unavailable };
}

export function stimContext(param: string, constants: Readonly<Record<string, number>>): ExprContext {
  const unavailable = new Map<string, string>();
  for (const v of [...PRE_VARS, ...DIST_VARS]) unavailable.set(v, 'stimulation targets only know the post cell (post_* variables)');
  return { site: `stimulation ${param}`, variables: [...POST_VARS], constants: constantMap(constants), allowRandom: true, unavailable };
}

/** Section geometry, mechanism and point-process parameters of compartmental cell rules. */
export function cellParamContext(cellVarNames: readonly string[], constants: Readonly<Record<string, number>>): ExprContext {
  return {
    site: 'cellParams',
    variables: [...XYZ, 'dist_path', 'dist_euclidean', ...cellVarNames],
    constants: constantMap(constants),
    allowRandom: true,
    unavailable: prePostUnavailable('cell parameters'),
  };
}

/** cellParams[...]['vars']: evaluated once per cell, before any section exists. */
export function cellVarsContext(constants: Readonly<Record<string, number>>): ExprContext {
  const unavailable = prePostUnavailable('cell vars');
  for (const v of ['dist_path', 'dist_euclidean']) unavailable.set(v, 'cell vars are evaluated once per cell, not per segment');
  return { site: 'cellParams vars', variables: [...XYZ], constants: constantMap(constants), allowRandom: true, unavailable };
}

/** Parameters of artificial (point) cells: popParams or cellParams[...]['params']. */
export function pointCellContext(constants: Readonly<Record<string, number>>): ExprContext {
  return {
    site: 'point-cell params',
    variables: [...XYZ],
    constants: constantMap(constants),
    allowRandom: true,
    unavailable: prePostUnavailable('point-cell parameters'),
  };
}

export function synMechContext(constants: Readonly<Record<string, number>>): ExprContext {
  const unavailable = new Map<string, string>();
  for (const v of [...PRE_VARS, ...DIST_VARS]) unavailable.set(v, 'synaptic mechanism parameters only know the post cell');
  for (const v of XYZ) unavailable.set(v, `write post_${v}: synaptic mechanism parameters use post_* names`);
  return {
    site: 'synMechParams',
    variables: [...POST_VARS, 'post_dist_path', 'post_dist_euclidean'],
    constants: constantMap(constants),
    allowRandom: true,
    unavailable,
  };
}

/** popParams density as a string: a function of exactly one of xnorm, ynorm, znorm. */
export function densityContext(constants: Readonly<Record<string, number>>): ExprContext {
  return { site: 'popParams density', variables: ['xnorm', 'ynorm', 'znorm'], constants: constantMap(constants), allowRandom: false, unavailable: new Map() };
}

function prePostUnavailable(what: string): Map<string, string> {
  const unavailable = new Map<string, string>();
  for (const v of [...PRE_VARS, ...POST_VARS, ...DIST_VARS]) unavailable.set(v, `${what} describe one cell: use x, y, z, xnorm, ynorm, znorm`);
  return unavailable;
}
