import { glibcLog } from '../math/libm.ts';

// NEURON's reversal potential of an ion from its concentrations (eion.cpp nrn_nernst), with
// its constants (nrnunits_modern.h, CODATA 2018: e * avogadro and k * avogadro) and glibc's log.

const FARADAY = 1.602176634e-19 * 6.02214076e23; // [coulomb/mole]
const GAS_CONSTANT = 1.380649e-23 * 6.02214076e23; // [joule/(K mole)]

/** RT/F at celsius [mV]: e = (ktf/z) log(co/ci). */
export function ionKtf(celsius: number): number {
  return (1000 * GAS_CONSTANT * (celsius + 273.15)) / FARADAY;
}

/** e [mV] for inside and outside concentrations ci, co [mM], valence z, at celsius [degC]. */
export function nernst(ci: number, co: number, z: number, celsius: number): number {
  if (z === 0) return 0;
  if (ci <= 0) return 1e6;
  if (co <= 0) return -1e6;
  return (ionKtf(celsius) / z) * glibcLog(co / ci);
}
