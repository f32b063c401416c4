import { describe, expect, it } from 'vitest';
import {
  BUILTIN_MECHANISMS,
  buildNetwork,
  CONN_RANGES,
  create,
  GEOM_RANGES,
  mechanismRange,
  NetworkBuildError,
  POP_RANGES,
  type ValueRange,
  validateModel,
} from '../../src/index.ts';
import { baseSpec } from '../helpers/base-spec.ts';

// Values from string functions meet the same ranges (spec/schema/ranges.ts) as numbers written
// in the spec: the same number is refused with the same expectation whether it is written or
// drawn, and what NetPyNE accepts as well defined (a probability above 1, a convergence above
// the candidates) is kept.

type Site = [name: string, set: (s: any, v: number | string) => void, path: string, range: ValueRange, bad: number, drawn?: string];

const sites: Site[] = [
  ['diam', (s, v) => (s.netParams.cellParams.PYR.secs.soma.geom.diam = v), 'netParams.cellParams.PYR.secs.soma.geom.diam', GEOM_RANGES.diam, -7],
  ['Ra', (s, v) => (s.netParams.cellParams.PYR.secs.dend.geom.Ra = v), 'netParams.cellParams.PYR.secs.dend.geom.Ra', GEOM_RANGES.Ra, 0],
  ['cm', (s, v) => (s.netParams.cellParams.PYR.secs.dend.geom.cm = v), 'netParams.cellParams.PYR.secs.dend.geom.cm', GEOM_RANGES.cm, -1],
  [
    'IntFire1 tau',
    (s, v) => (s.netParams.popParams.N = { cellModel: 'IntFire1', numCells: 5, tau: v }),
    'netParams.popParams.N.tau',
    mechanismRange('IntFire1', 'tau'),
    0,
  ],
  ['Exp2Syn tau2', (s, v) => (s.netParams.synMechParams.exc.tau2 = v), 'netParams.synMechParams.exc.tau2', mechanismRange('Exp2Syn', 'tau2'), 0],
  ['Exp2Syn tau1', (s, v) => (s.netParams.synMechParams.exc.tau1 = v), 'netParams.synMechParams.exc.tau1', mechanismRange('Exp2Syn', 'tau1'), -0.5],
  ['conn delay', (s, v) => (s.netParams.connParams['S->M'].delay = v), 'netParams.connParams["S->M"].delay', CONN_RANGES.delay, -2],
  ['conn loc', (s, v) => (s.netParams.connParams['S->M'].loc = v), 'netParams.connParams["S->M"].loc', CONN_RANGES.loc, 1.25],
  ['divergence', (s, v) => (s.netParams.connParams['S->M'].divergence = v), 'netParams.connParams["S->M"].divergence', CONN_RANGES.divergence, -5],
  ['stim delay', (s, v) => (s.netParams.stimTargetParams['bkg->PYR'].delay = v), 'netParams.stimTargetParams["bkg->PYR"].delay', CONN_RANGES.delay, -1],
  [
    'stim source noise',
    (s, v) => (s.netParams.stimSourceParams.bkg.noise = v),
    'netParams.stimSourceParams.bkg.noise',
    mechanismRange('NetStim', 'noise'),
    1.5,
  ],
  [
    'density',
    (s, v) => (s.netParams.popParams.S = { cellType: 'PYR', density: v, ynormRange: [0.1, 0.5] }),
    'netParams.popParams.S.density',
    POP_RANGES.density,
    -5,
    '-5 + 0 * ynorm', // density functions draw no random numbers
  ],
  [
    'NetStim pop interval',
    (s, v) => (s.netParams.popParams.N = { cellModel: 'NetStim', numCells: 5, interval: v }),
    'netParams.popParams.N.interval',
    mechanismRange('NetStim', 'interval'),
    -10,
  ],
];

function buildError(spec: any): NetworkBuildError {
  const { netParams, simConfig, diagnostics } = validateModel(spec, BUILTIN_MECHANISMS);
  expect(diagnostics.errors).toEqual([]);
  try {
    buildNetwork(netParams, simConfig, BUILTIN_MECHANISMS);
  } catch (e) {
    if (e instanceof NetworkBuildError) return e;
    throw e;
  }
  throw new Error('the network was built');
}

describe('a value out of range, written or drawn', () => {
  it.each(sites)('%s', (_name, set, path, range, bad, drawnSource) => {
    const written = baseSpec();
    set(written, bad);
    const errors = validateModel(written, BUILTIN_MECHANISMS).diagnostics.errors;
    expect(errors.map((d) => [d.path, d.value, d.message])).toEqual([[path, bad, `expected ${range.expected}`]]);
    // the same number from a string function (times 1 draw, so the function uses the stream)
    const drawn = baseSpec();
    const source = drawnSource ?? `${bad} * uniform(1, 1)`;
    set(drawn, source);
    const e = buildError(drawn);
    expect([e.path, e.value]).toEqual([path, source]);
    expect(e.reason).toMatch(new RegExp(`^evaluated to ${String(bad).replace('.', '\\.')} for .+; expected ${range.expected.replace(/[()[\]]/g, '\\$&')}$`));
  });
});

describe('VecStim pulses', () => {
  it('meet the ranges of the VecStim parameters they stand for', () => {
    const spec = baseSpec();
    spec.netParams.popParams.V = {
      cellModel: 'VecStim',
      numCells: 2,
      rate: 5,
      pulses: [
        { start: 10, end: 50, rate: -5, noise: 2 },
        { start: 1, end: 2, interval: 0 },
      ],
    };
    const errors = validateModel(spec, BUILTIN_MECHANISMS).diagnostics.errors.map((d) => [d.path, d.message]);
    expect(errors).toEqual([
      ['netParams.popParams.V.pulses[0].rate', `expected ${mechanismRange('VecStim', 'rate').expected}`],
      ['netParams.popParams.V.pulses[0].noise', `expected ${mechanismRange('VecStim', 'noise').expected}`],
      ['netParams.popParams.V.pulses[1].interval', `expected ${mechanismRange('VecStim', 'interval').expected}`],
    ]);
  });
});

describe("NetPyNE's behaviour outside the nominal range, where it is well defined", () => {
  const conn = (extra: Record<string, unknown>) => {
    const spec = baseSpec();
    spec.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, weight: 0.01, delay: 5, synMech: 'exc', ...extra };
    return create(spec);
  };
  const fromRule = (net: ReturnType<typeof create>) => net.data.conns.rule.filter((r) => r === 0).length;

  it('a probability above 1 connects every pair (probability >= a uniform draw)', () => {
    expect(fromRule(conn({ probability: 'uniform(1, 2)' }))).toBe(400);
    expect(fromRule(conn({ probability: 1.5 }))).toBe(400);
  });

  it('a convergence above the candidates connects nPre - 1 of them, as NetPyNE clamps it', () => {
    expect(fromRule(conn({ convergence: 'uniform(100, 200)' }))).toBe(20 * 19);
  });
});
