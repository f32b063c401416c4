// Named constants of a UNITS block, `FARADAY = (faraday) (coulomb)`: the constant's value in SI
// divided by the target unit's, as nocmodl computes it from NEURON 8.2's unit database with its
// modern (2019 SI, CODATA 2018) values, the default (NRNUNIT_USE_LEGACY=0). The doubles are
// the ones nocmodl emits (for faraday: 0x1.78e555060882cp+16 = e*avogadro, computed here the
// same way). Only the constants and targets mod files are seen to use are listed.

const ELEMENTARY_CHARGE = 1.602176634e-19; // [coulomb]
const AVOGADRO = 6.02214076e23; // [1/mole]
const BOLTZMANN = 1.380649e-23; // [joule/K]

/** Constant name -> value in SI units. */
const CONSTANTS: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null), {
    faraday: ELEMENTARY_CHARGE * AVOGADRO, // [coulomb/mole]
    'k-mole': BOLTZMANN * AVOGADRO, // the gas constant [joule/(K mole)]
    e: ELEMENTARY_CHARGE,
    k: BOLTZMANN,
    avogadro: AVOGADRO,
    pi: Math.PI,
  }),
);

/** Target unit -> its size in SI units (degC differences are kelvin). */
const TARGETS: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null), {
    '1': 1,
    coulomb: 1,
    coulombs: 1,
    coul: 1,
    kilocoulombs: 1000,
    kilocoulomb: 1000,
    'joule/degC': 1,
    'joule/K': 1,
    'J/degC': 1,
    '/mole': 1,
  }),
);

/** `(constant) (target)` written as the constant's text; null when either is not listed. */
export function unitConstant(constant: string, target = '1'): number | null {
  const value = CONSTANTS[constant.replace(/\s+/g, '')];
  const size = TARGETS[target.replace(/\s+/g, '')];
  if (value === undefined || size === undefined) return null;
  return size === 1 ? value : value / size;
}
