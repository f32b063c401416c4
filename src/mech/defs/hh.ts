import type { MechanismDef } from '../types.ts';

// Hodgkin-Huxley squid axon Na/K/leak (NEURON's hh.mod; mod/hh.mod). Densities in S/cm2,
// currents in mA/cm2. `rates` is tabulated over -100..100 mV in 1-mV steps when
// usetable_hh = 1 (NEURON's default), else evaluated from the formulas.

const cnexp = (x: string) => `${x} = ${x} + (1.0 - exp(dt*((-1.0)/${x}tau)))*(-(${x}inf/${x}tau)/((-1.0)/${x}tau) - ${x})`;

export const hh: MechanismDef = {
  name: 'hh',
  kind: 'density',
  modFile: 'mod/hh.mod',
  states: ['m', 'h', 'n'],
  assigned: ['gna', 'gk', 'ina', 'ik', 'il'],
  ions: { ena: 'na', ek: 'k' },
  currents: { names: ['ina', 'ik', 'il'], kind: 'membrane' },
  functions: {
    vtrap: {
      args: ['x', 'y'],
      body: `
        if (fabs(x/y) < 1e-6) {
          vtrap = y*(1 - x/y/2)
        } else {
          vtrap = x/(exp(x/y) - 1)
        }`,
    },
  },
  procedures: {
    rates: {
      args: ['v'],
      table: { outputs: ['minf', 'mtau', 'hinf', 'htau', 'ninf', 'ntau'], from: -100, to: 100, with: 200, switchName: 'usetable_hh' },
      body: `
        q10 = 3.0**((celsius - 6.3)/10.0)
        alpha = 0.1*vtrap(-(v + 40.0), 10.0)
        beta = 4.0*exp(-(v + 65.0)/18.0)
        sum = alpha + beta
        mtau = 1.0/(q10*sum)
        minf = alpha/sum
        alpha = 0.07*exp(-(v + 65.0)/20.0)
        beta = 1.0/(exp(-(v + 35.0)/10.0) + 1.0)
        sum = alpha + beta
        htau = 1.0/(q10*sum)
        hinf = alpha/sum
        alpha = 0.01*vtrap(-(v + 55.0), 10.0)
        beta = 0.125*exp(-(v + 65.0)/80.0)
        sum = alpha + beta
        ntau = 1.0/(q10*sum)
        ninf = alpha/sum`,
    },
  },
  initial: `
    rates(v)
    m = minf
    h = hinf
    n = ninf`,
  breakpoint: `
    gna = gnabar*m*m*m*h
    ina = gna*(v - ena)
    gk = gkbar*n*n*n*n
    ik = gk*(v - ek)
    il = gl*(v - el)`,
  state: `
    rates(v)
    ${cnexp('m')}
    ${cnexp('h')}
    ${cnexp('n')}`,
};
