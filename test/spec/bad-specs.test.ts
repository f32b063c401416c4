import { describe, expect, it } from 'vitest';
import { BUILTIN_MECHANISMS, buildNetwork, create, NetworkBuildError, SpecError, validateModel } from '../../src/index.ts';
import { baseSpec } from '../helpers/base-spec.ts';

// Every bad spec must be rejected with the JSON path of the problem and a message saying what
// was expected; none may crash or pass silently.

type Case = [name: string, mutate: (s: any) => void, path: string, message: string | RegExp];

const cases: Case[] = [
  [
    'unknown pop key',
    (s) => {
      s.netParams.popParams.S.numCell = 20;
    },
    'netParams.popParams.S.numCell',
    "did you mean 'numCells'",
  ],
  [
    'negative numCells',
    (s) => {
      s.netParams.popParams.S.numCells = -5;
    },
    'netParams.popParams.S.numCells',
    'non-negative integer',
  ],
  [
    'fractional numCells',
    (s) => {
      s.netParams.popParams.S.numCells = 2.5;
    },
    'netParams.popParams.S.numCells',
    'non-negative integer',
  ],
  [
    'undefined cellType',
    (s) => {
      s.netParams.popParams.S.cellType = 'PYRR';
    },
    'netParams.popParams.S.cellType',
    "undefined cellType: no cellParams rule has this label (did you mean 'PYR'?)",
  ],
  [
    'undefined synMech',
    (s) => {
      s.netParams.connParams['S->M'].synMech = 'exx';
    },
    'netParams.connParams["S->M"].synMech',
    "references undefined synMech (did you mean 'exc'?)",
  ],
  [
    'undefined stim source',
    (s) => {
      s.netParams.stimTargetParams['bkg->PYR'].source = 'bgk';
    },
    'netParams.stimTargetParams["bkg->PYR"].source',
    "references undefined stim source (did you mean 'bkg'?)",
  ],
  [
    'negative conn delay',
    (s) => {
      s.netParams.connParams['S->M'].delay = -1;
    },
    'netParams.connParams["S->M"].delay',
    'negative delay',
  ],
  [
    'negative stim delay',
    (s) => {
      s.netParams.stimTargetParams['bkg->PYR'].delay = -2;
    },
    'netParams.stimTargetParams["bkg->PYR"].delay',
    'negative delay',
  ],
  [
    'string function that does not parse',
    (s) => {
      s.netParams.connParams['S->M'].weight = '0.01 *';
    },
    'netParams.connParams["S->M"].weight',
    'unexpected end of expression (column 7)',
  ],
  [
    'string function with unknown name',
    (s) => {
      s.netParams.connParams['S->M'].delay = 'dist3D/propVelocity';
    },
    'netParams.connParams["S->M"].delay',
    "unknown name 'dist3D' in connParams delay (did you mean 'dist_3D'?)",
  ],
  [
    'empty pop range',
    (s) => {
      s.netParams.popParams.S.xRange = [50, 10];
    },
    'netParams.popParams.S.xRange',
    'empty range',
  ],
  [
    'empty conds range',
    (s) => {
      s.netParams.connParams['S->M'].postConds.ynorm = [0.5, 0.5];
    },
    'netParams.connParams["S->M"].postConds.ynorm',
    'empty range: expected low < high',
  ],
  [
    'unknown mechanism',
    (s) => {
      s.netParams.cellParams.PYR.secs.soma.mechs.hhh = {};
    },
    'netParams.cellParams.PYR.secs.soma.mechs.hhh',
    "unknown membrane mechanism 'hhh' (did you mean 'hh'?)",
  ],
  [
    'unknown mechanism parameter',
    (s) => {
      s.netParams.cellParams.PYR.secs.soma.mechs.hh.gnabr = 0.1;
    },
    'netParams.cellParams.PYR.secs.soma.mechs.hh.gnabr',
    "hh has no parameter 'gnabr' (did you mean 'gnabar'?)",
  ],
  [
    'unknown synaptic mechanism',
    (s) => {
      s.netParams.synMechParams.exc.mod = 'Exp3Syn';
    },
    'netParams.synMechParams.exc.mod',
    /unknown synaptic mechanism \(did you mean 'Exp2?Syn'\?\)/,
  ],
  [
    'unknown synMech parameter',
    (s) => {
      s.netParams.synMechParams.exc.tau3 = 1;
    },
    'netParams.synMechParams.exc.tau3',
    "Exp2Syn has no parameter 'tau3'",
  ],
  [
    'unknown stim type',
    (s) => {
      s.netParams.stimSourceParams.ic.type = 'IClampp';
    },
    'netParams.stimSourceParams.ic.type',
    "unknown stimulation type (did you mean 'IClamp'?)",
  ],
  [
    'unknown stim parameter',
    (s) => {
      s.netParams.stimSourceParams.ic.amplitude = 1;
    },
    'netParams.stimSourceParams.ic.amplitude',
    "IClamp has no parameter 'amplitude'",
  ],
  [
    'undefined parent section',
    (s) => {
      s.netParams.cellParams.PYR.secs.dend.topol.parentSec = 'somaa';
    },
    'netParams.cellParams.PYR.secs.dend.topol.parentSec',
    "undefined section (did you mean 'soma'?)",
  ],
  [
    'unsupported cvode',
    (s) => {
      s.simConfig.cvode_active = true;
    },
    'simConfig.cvode_active',
    'variable time step (CVODE) is not supported',
  ],
  [
    'unsupported rxd',
    (s) => {
      s.netParams.rxdParams = { regions: {} };
    },
    'netParams.rxdParams',
    'reaction-diffusion (rxdParams) is not supported',
  ],
  [
    'unsupported plasticity',
    (s) => {
      s.netParams.connParams['S->M'].plast = { mech: 'STDP', params: {} };
    },
    'netParams.connParams["S->M"].plast',
    'synaptic plasticity (plast) is not supported yet',
  ],
  [
    'loc out of range',
    (s) => {
      s.netParams.connParams['S->M'].loc = 1.5;
    },
    'netParams.connParams["S->M"].loc',
    'expected a location in [0, 1]',
  ],
  [
    'synsPerConn zero',
    (s) => {
      s.netParams.connParams['S->M'].synsPerConn = 0;
    },
    'netParams.connParams["S->M"].synsPerConn',
    'expected a positive integer',
  ],
  [
    'unknown top-level key',
    (s) => {
      s.netParam = {};
    },
    'netParam',
    "unknown top-level key (did you mean 'netParams'?)",
  ],
  [
    'negative probability',
    (s) => {
      s.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, probability: -0.1 };
    },
    'netParams.connParams["S->M"].probability',
    'expected a probability >= 0',
  ],
  [
    'wrong type',
    (s) => {
      s.netParams.sizeX = 'abc';
    },
    'netParams.sizeX',
    'expected a number',
  ],
  [
    'pre variable in a per-post function',
    (s) => {
      s.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, convergence: '2 + pre_x' };
    },
    'netParams.connParams["S->M"].convergence',
    'once per postsynaptic cell',
  ],
  [
    'secList with undefined section',
    (s) => {
      s.netParams.cellParams.PYR.secLists.all = ['soma', 'axon'];
    },
    'netParams.cellParams.PYR.secLists.all[1]',
    'undefined section',
  ],
  [
    'undefined target section',
    (s) => {
      s.netParams.connParams['S->M'].sec = 'dendd';
    },
    'netParams.connParams["S->M"].sec',
    "no section or section list of this name in the target cells (did you mean 'dend'?)",
  ],
  [
    'unknown NetStim pop parameter',
    (s) => {
      s.netParams.popParams.N.intervall = 5;
    },
    'netParams.popParams.N.intervall',
    "NetStim has no parameter 'intervall' (did you mean 'interval'?)",
  ],
  [
    'VecStim without spikes',
    (s) => {
      s.netParams.popParams.V = { cellModel: 'VecStim', numCells: 2 };
    },
    'netParams.popParams.V',
    'VecStim needs spkTimes, rate, interval or spikePattern',
  ],
  [
    'fractional nseg',
    (s) => {
      s.netParams.cellParams.PYR.secs.dend.geom.nseg = 2.5;
    },
    'netParams.cellParams.PYR.secs.dend.geom.nseg',
    'expected a positive integer',
  ],
  [
    'unknown hParams entry',
    (s) => {
      s.simConfig.hParams = { celsius: 6.3, v_init: -65, celcius: 30 };
    },
    'simConfig.hParams.celcius',
    "unsupported NEURON global (did you mean 'celsius'?)",
  ],
  [
    'density function of two coordinates',
    (s) => {
      s.netParams.popParams.S = { cellType: 'PYR', density: '1e5*ynorm*xnorm', ynormRange: [0.1, 0.5] };
    },
    'netParams.popParams.S.density',
    'exactly one of xnorm, ynorm, znorm',
  ],
  [
    'negative cellList index',
    (s) => {
      s.netParams.stimTargetParams['bkg->PYR'].conds.cellList = [0, -1];
    },
    'netParams.stimTargetParams["bkg->PYR"].conds.cellList',
    "expected a list of cell indices (>= 0) or 'all'",
  ],
  [
    'random draw in a density',
    (s) => {
      s.netParams.popParams.S = { cellType: 'PYR', density: 'uniform(0, 1)*1e5*ynorm', ynormRange: [0.1, 0.5] };
    },
    'netParams.popParams.S.density',
    "random function 'uniform' is not allowed in popParams density",
  ],
  [
    'compartmental rule without sections',
    (s) => {
      s.netParams.cellParams.EMPTY = { conds: { pop: 'S' } };
    },
    'netParams.cellParams.EMPTY.secs',
    'needs at least one section',
  ],
  [
    'unknown seed',
    (s) => {
      s.simConfig.seeds = { conn: 1, stim: 1, loc: 1, cells: 1 };
    },
    'simConfig.seeds.cells',
    "unknown key 'cells' in simConfig.seeds (did you mean 'cell'?)",
  ],
  [
    'negative dt',
    (s) => {
      s.simConfig.dt = -0.025;
    },
    'simConfig.dt',
    'expected a number > 0',
  ],
  [
    'recording an undefined pop',
    (s) => {
      s.simConfig.recordCells = ['Q', 1];
    },
    'simConfig.recordCells[0]',
    'undefined population',
  ],
  [
    'unknown trace key',
    (s) => {
      s.simConfig.recordTraces = { V: { sec: 'soma', loc: 0.5, var: 'v', mechanism: 'hh' } };
    },
    'simConfig.recordTraces.V.mechanism',
    "unknown key in a trace (did you mean 'mech'?)",
  ],
  [
    'string in an untyped stim parameter',
    (s) => {
      s.netParams.stimSourceParams.se = { type: 'SEClamp', rs: '1 + uniform(0, 1)', dur1: 10, amp1: -65 };
    },
    'netParams.stimSourceParams.se.rs',
    "string functions are not evaluated for 'rs'",
  ],
  [
    'unknown quirk switch',
    (s) => {
      s.simConfig.netpyneQuirks = { sharedNetStream: false };
    },
    'simConfig.netpyneQuirks.sharedNetStream',
    "did you mean 'sharedNetStimStream'",
  ],
];

describe('bad specifications', () => {
  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('%s', (_name, mutate, path, message) => {
    const spec = baseSpec();
    mutate(spec);
    let errors: { path: string; message: string }[];
    try {
      errors = validateModel(spec, BUILTIN_MECHANISMS).diagnostics.errors;
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      errors = (e as SpecError).diagnostics;
    }
    const match = errors.find((d) => d.path === path);
    expect(match, `no error at ${path}; got ${JSON.stringify(errors)}`).toBeDefined();
    if (typeof message === 'string') expect(match!.message).toContain(message);
    else expect(match!.message).toMatch(message);
  });

  it('the base spec is valid', () => {
    const { diagnostics } = validateModel(baseSpec(), BUILTIN_MECHANISMS);
    expect(diagnostics.errors).toEqual([]);
  });

  it('create() throws a SpecError listing every problem at once', () => {
    const spec = baseSpec();
    spec.netParams.popParams.S.numCells = -1;
    spec.netParams.connParams['S->M'].synMech = 'nope';
    try {
      create(spec);
      expect.unreachable('create accepted a bad spec');
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      const paths = (e as SpecError).diagnostics.filter((d) => d.severity === 'error').map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['netParams.popParams.S.numCells', 'netParams.connParams["S->M"].synMech']));
    }
  });
});

describe('problems found while building', () => {
  function buildError(mutate: (s: any) => void): NetworkBuildError {
    const spec = baseSpec();
    mutate(spec);
    const { netParams, simConfig, diagnostics } = validateModel(spec, BUILTIN_MECHANISMS, 'network');
    expect(diagnostics.errors).toEqual([]);
    try {
      buildNetwork(netParams, simConfig, BUILTIN_MECHANISMS);
    } catch (e) {
      expect(e).toBeInstanceOf(NetworkBuildError);
      return e as NetworkBuildError;
    }
    throw new Error('the network was built');
  }

  it('a connList index beyond the matching cells', () => {
    const e = buildError((s) => {
      s.netParams.connParams['S->M'] = {
        preConds: { pop: 'S' },
        postConds: { pop: 'M' },
        connList: [
          [0, 1],
          [25, 0],
        ],
      };
    });
    expect(e.path).toBe('netParams.connParams["S->M"].connList[1]');
    expect(e.reason).toContain('pre index 25 is out of range (20 matching pre cells)');
  });

  it('a string function evaluating to nan', () => {
    const e = buildError((s) => {
      s.netParams.connParams['S->M'].weight = 'sqrt(pre_x - 200)';
    });
    expect(e.path).toBe('netParams.connParams["S->M"].weight');
    expect(e.reason).toMatch(/evaluated to NaN for pre gid \d+, post gid \d+/);
  });

  it('a string function dividing by zero', () => {
    const e = buildError((s) => {
      s.netParams.cellParams.PYR.secs.soma.geom.diam = '10 / (x - x)';
    });
    expect(e.path).toBe('netParams.cellParams.PYR.secs.soma.geom.diam');
    expect(e.reason).toContain('division by zero (cell gid 0)');
  });
});
