import type { MechanismDef } from '../types.ts';

// Artificial cell with a fast excitatory current e (taue), an alpha-like inhibitory current
// i1 -> i2 (taui1, taui2) and a leaky membrane m (taum) (NEURON's intfire4.mod;
// mod/IntFire4.mod). States are advanced analytically at each event (newstates); m > 1 - eps
// fires. The firing time is approached by self-events at the slope bound (firetimebound),
// re-sent at each self-event and moved (net_move) by each input. factors() normalises the
// responses (peak m = 1 for a unit weight) once in INITIAL; eps = 1e-6 is NEURON's GLOBAL.

const NEWSTATES = `
  ee = exp(-ke*d)
  ei1 = exp(-ki1*d)
  ei2 = exp(-ki2*d)
  em = exp(-km*d)
  enew = e*ee
  i1new = i1*ei1
  i2new = i2*ei2 + bi1*i1*(ei2 - ei1)
  mnew = m*em + be*e*(em - ee) + (bi2*i2 + a*i1)*(em - ei2) - b*i1*(em - ei1)`;

const FACTORS = `
  if (taue >= taui1) {
    taui1 = taue + 0.01
  }
  if (taui1 >= taui2) {
    taui2 = taui1 + 0.01
  }
  if (taui2 >= taum) {
    taum = taui2 + 0.01
  }
  ke = 1/taue
  ki1 = 1/taui1
  ki2 = 1/taui2
  km = 1/taum
  tp = log(km/ke)/(km - ke)
  be = 1/(exp(-km*tp) - exp(-ke*tp))
  ae = be*(ke - km)
  tp = log(ki2/ki1)/(ki2 - ki1)
  bi1 = 1/(exp(-ki2*tp) - exp(-ki1*tp))
  ai1 = bi1*(ki1 - ki2)
  e = 0
  i1 = 1
  i2 = 0
  m = 0
  bi2 = 1
  ai2 = bi2*(ki2 - km)
  a = bi2*bi1
  b = a*(ki2 - km)/(ki1 - km)
  tp = search()
  newstates(tp)
  bi2 = 1/mnew
  ai2 = bi2*(ki2 - km)
  a = bi2*bi1
  b = a*(ki2 - km)/(ki1 - km)
  newstates(tp)
  i1 = 0`;

export const IntFire4: MechanismDef = {
  name: 'IntFire4',
  kind: 'artificial',
  modFile: 'mod/IntFire4.mod',
  states: [],
  assigned: [
    'e',
    'i1',
    'i2',
    'm',
    'enew',
    'i1new',
    'i2new',
    'mnew',
    't0',
    'nself',
    'nexcite',
    'ninhibit',
    'ke',
    'ki1',
    'ki2',
    'km',
    'ae',
    'ai1',
    'ai2',
    'be',
    'bi1',
    'bi2',
    'a',
    'b',
  ],
  procedures: {
    newstates: { args: ['d'], body: NEWSTATES },
    update: { args: [], body: 'e = enew\ni1 = i1new\ni2 = i2new\nm = mnew\nt0 = t' },
    factors: { args: [], body: FACTORS },
  },
  functions: {
    M: { args: [], body: 'newstates(t - t0)\nM = mnew' },
    E: { args: [], body: 'newstates(t - t0)\nE = enew' },
    I: { args: [], body: 'newstates(t - t0)\nI = i2new' },
    deriv: {
      args: ['d'],
      body: 'deriv = -km*(ki1 - ki2)*exp(-km*d) + ki2*(ki1 - km)*exp(-ki2*d) - ki1*(ki2 - km)*exp(-ki1*d)',
    },
    search: {
      args: [],
      locals: ['x', 't1', 't2', 'iter'],
      // NEURON bisects until t2 - t1 <= 1e-6 (about 25 halvings in double); the cap of 100
      // only ends the loop in f32, where the interval cannot shrink below an ulp of t.
      body: `
        t1 = -log(ki1*(ki2 - km)/ki2/(ki1 - km))/(ki1 - ki2)
        if (deriv(t1) < 0) {
          t1 = log(ki1/ki2)/(ki1 - ki2)
        }
        t2 = log(km*(ki1 - ki2)/ki2/(ki1 - km))/(km - ki2)
        iter = 0
        while (t2 - t1 > 1e-6 and iter < 100) {
          iter = iter + 1
          search = (t1 + t2)/2
          x = deriv(search)
          if (x > 0) {
            t1 = search
          } else {
            t2 = search
          }
        }`,
    },
    firetimebound: {
      args: [],
      locals: ['slope'],
      body: `
        slope = -km*m + ae*e + ai2*i2
        if (slope <= 1e-9) {
          firetimebound = 1e9
        } else {
          firetimebound = (1 - m)/slope
        }`,
    },
  },
  initial: `
    factors()
    e = 0
    i1 = 0
    i2 = 0
    m = 0
    t0 = t
    net_send(firetimebound(), 1)
    nself = 0
    nexcite = 0
    ninhibit = 0`,
  receive: `
    newstates(t - t0)
    update()
    if (m > 1 - 1e-6) {
      net_event(t)
      m = 0
    }
    if (flag == 1) {
      nself = nself + 1
      net_send(firetimebound(), 1)
    } else {
      if (w > 0) {
        nexcite = nexcite + 1
        e = e + w
      } else {
        ninhibit = ninhibit + 1
        i1 = i1 + w
      }
      net_move(firetimebound() + t)
    }`,
};
