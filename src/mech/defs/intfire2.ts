import type { MechanismDef } from '../types.ts';

// Integrate-and-fire artificial cell with a synaptic current (NEURON's intfire2.mod;
// mod/IntFire2.mod): taus*di/dt + i = ib, events add w to i; taum*dm/dt + m = i; m crossing 1
// fires and resets m to 0. Both are solved analytically at events; the firing time is found
// by Newton's method (firetime/newton1) and kept in one self-event (flag 1) that each input
// moves (net_move).

const NEWTON_BODY = `
  dx = 1
  f = 0
  iter = 0
  while (fabs(dx) > 1e-6 or fabs(f - 1) > 1e-6) {
    f = a + b*x**r + c*x
    df = r*b*x**(r - 1) + c
    dx = (1 - f)/df
    x = x + dx
    if (x <= 0) {
      x = 1e-4
    } else if (x > 1) {
      x = 1
    }
    iter = iter + 1
    if (iter > 10) {
      f = 1
      dx = 0
    }
  }
  newton1 = x`;

const FIRETIME_BODY = `
  r = taum/taus
  if (a <= 1 and a + b <= 1) {
    firetime = 1e9
  } else if (a > 1 and b <= 0) {
    cab = c - a - b
    m = r*b + cab
    if (m >= 0) {
      firetime = -taus*log(newton1(a, cab, b, 1/r, 0))
    } else {
      x = (1 - c + m)/m
      if (x <= 0) {
        firetime = -taus*log(newton1(a, cab, b, 1/r, 0))
      } else {
        firetime = -taum*log(newton1(a, b, cab, r, x))
      }
    }
  } else {
    cab = c - a - b
    x = (-cab/(r*b))**(1/(r - 1))
    f = a + b*x**r + cab*x
    if (x >= 1 or f <= 1) {
      firetime = 1e9
    } else {
      m = r*b + cab
      x = (1 - c + m)/m
      firetime = -taum*log(newton1(a, b, cab, r, x))
    }
  }`;

export const IntFire2: MechanismDef = {
  name: 'IntFire2',
  kind: 'artificial',
  modFile: 'mod/IntFire2.mod',
  states: [],
  assigned: ['i', 'm', 't0'],
  functions: {
    M: {
      args: [],
      locals: ['x', 'f'],
      body: `
        f = taus/(taus - taum)
        x = (i - ib)*exp(-(t - t0)/taus)
        M = ib + f*x + (m - (ib + (i - ib)*f))*exp(-(t - t0)/taum)`,
    },
    I: {
      args: [],
      locals: ['x', 'f'],
      body: `
        f = taus/(taus - taum)
        x = (i - ib)*exp(-(t - t0)/taus)
        I = x + ib`,
    },
    firetime: { args: ['a', 'b', 'c'], locals: ['r', 'cab', 'x', 'm', 'f'], body: FIRETIME_BODY },
    newton1: { args: ['a', 'b', 'c', 'r', 'x'], locals: ['dx', 'f', 'df', 'iter'], body: NEWTON_BODY },
  },
  initial: `
    i = ib
    m = 0
    if (taus <= taum) {
      taus = taum + 0.1
    }
    t0 = t
    net_send(firetime(ib, 0, 0), 1)`,
  receive: `
    f = taus/(taus - taum)
    x = (i - ib)*exp(-(t - t0)/taus)
    inew = ib + x
    if (flag == 1) {
      net_event(t)
      m = 0
      ibf = (inew - ib)*f
      net_send(firetime(ib, ibf, 0), 1)
    } else {
      m = ib + f*x + (m - (ib + (i - ib)*f))*exp(-(t - t0)/taum)
      inew = inew + w
      if (m >= 1) {
        net_move(t)
      } else {
        ibf = (inew - ib)*f
        net_move(firetime(ib, ibf, m) + t)
      }
    }
    t0 = t
    i = inew`,
};
