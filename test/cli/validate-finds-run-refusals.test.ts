import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runRun } from '../../src/cli/run.ts';
import { runValidate } from '../../src/cli/validate.ts';
import { baseSpec } from '../helpers/base-spec.ts';

// `spikegpu validate` refuses every spec `spikegpu run` refuses, with the same line: the specs
// come from the refusals tested elsewhere (test/spec/bad-specs, test/cli, test/compile) and
// from the ranges of string-function values (spec/schema/ranges.ts). Both commands run in this
// process; run on the CPU, writing nothing (each spec is refused before its outputs).

const dir = mkdtempSync(join(tmpdir(), 'spikegpu-refusals-'));

interface Printed {
  status: number;
  errors: string[];
  stderr: string;
}

async function capture(command: () => number | Promise<number>): Promise<Printed> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  vi.spyOn(console, 'error').mockImplementation(keep);
  vi.spyOn(console, 'warn').mockImplementation(keep);
  vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const status = await command();
    return { status, errors: lines.filter((l) => l.startsWith('error: ')), stderr: lines.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

function specFile(name: string, mutate: (s: any) => void): string {
  const spec = baseSpec();
  mutate(spec);
  const path = join(dir, `${name.replace(/\W+/g, '-')}.json`);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

const run = (path: string) =>
  capture(() => runRun(path, { out: join(dir, 'out.json'), outDir: dir, figures: false, figFormat: 'png', backend: 'cpu', quiet: true }));
const validate = (path: string) => capture(() => runValidate(path, { scope: 'all' }));

type Case = [name: string, mutate: (s: any) => void, line: string | RegExp];

const cases: Case[] = [
  // sizes known only once string functions have drawn their values (a V8 fatal error before)
  [
    'NetStim rate drawn at 1e9 Hz',
    (s) => (s.netParams.stimSourceParams.bkg.rate = 'uniform(1e9, 2e9)'),
    /netParams\.stimSourceParams\.bkg\.rate: a NetStim train has [\d.e]+ spikes in the run, more than the limit of 1\.0e8 per train/,
  ],
  // refused by the spec checks (test/spec/bad-specs.test.ts)
  ['negative numCells', (s) => (s.netParams.popParams.S.numCells = -5), 'netParams.popParams.S.numCells = -5: expected a non-negative integer'],
  ['undefined synMech', (s) => (s.netParams.connParams['S->M'].synMech = 'exx'), 'references undefined synMech'],
  ['negative literal delay', (s) => (s.netParams.connParams['S->M'].delay = -1), 'delay = -1: expected a delay >= 0 ms (NEURON refuses negative delays)'],
  ['unknown mechanism', (s) => (s.netParams.cellParams.PYR.secs.soma.mechs.hhh = {}), "unknown membrane mechanism 'hhh'"],
  ['unsupported cvode', (s) => (s.simConfig.cvode_active = true), 'simConfig.cvode_active'],
  // refused while building (test/spec/bad-specs.test.ts 'problems found while building')
  [
    'connList index beyond the cells',
    (s) => {
      s.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, connList: [[25, 0]] };
    },
    'connList[0] = [25,0]: pre index 25 is out of range (20 matching pre cells)',
  ],
  [
    'weight evaluating to NaN',
    (s) => (s.netParams.connParams['S->M'].weight = 'sqrt(pre_x - 1e9)'),
    /weight = "sqrt\(pre_x - 1e9\)": evaluated to NaN for pre gid \d+, post gid \d+; expected a finite number$/,
  ],
  ['diam dividing by zero', (s) => (s.netParams.cellParams.PYR.secs.soma.geom.diam = '10 / (x - x)'), 'division by zero (cell gid 0)'],
  // refused by the simulator (test/cli 'names what it cannot simulate', test/compile)
  [
    'connections into a VecStim population',
    (s) => {
      s.netParams.popParams.V = { cellModel: 'VecStim', numCells: 1, spkTimes: [2, 4] };
      s.netParams.connParams['S->V'] = { preConds: { pop: 'S' }, postConds: { pop: 'V' }, weight: 1, delay: 1 };
    },
    /netParams\.connParams\["S->V"\] \(connection \d+, to gid 45\) = "VecStim": connections into NetStim\/VecStim populations are not supported/,
  ],
  [
    'a traced variable the mechanism lacks',
    (s) => {
      s.simConfig.recordCells = [0];
      s.simConfig.recordTraces = { m: { sec: 'soma', loc: 0.5, mech: 'hh', var: 'mm' } };
    },
    'simConfig.recordTraces.m.var = "mm": hh has no variable \'mm\'',
  ],
  [
    'a section trace of something other than v',
    (s) => {
      s.simConfig.recordCells = [0];
      s.simConfig.recordTraces = { i: { sec: 'soma', loc: 0.5, var: 'gna' } };
    },
    "a section trace records 'v'; give mech, synMech, pointp or stim for other variables",
  ],
  ['recordStep not a multiple of dt', (s) => (s.simConfig.recordStep = 0.03), 'simConfig.recordStep = 0.03: expected a multiple of dt (0.025 ms)'],
  [
    'nseg from a string function',
    (s) => (s.netParams.cellParams.PYR.secs.dend.geom.nseg = '1 + 2'),
    'geom.nseg = "1 + 2": nseg must be a number (a per-cell number of segments is not supported)',
  ],
  // values drawn out of range (spec/schema/ranges.ts)
  [
    'negative diam',
    (s) => (s.netParams.cellParams.PYR.secs.soma.geom.diam = 'uniform(-10,-5)'),
    /evaluated to -\d\.\d+ for cell gid 0; expected a number > 0 \(diameter \[um\]\)$/,
  ],
  [
    'negative L',
    (s) => (s.netParams.cellParams.PYR.secs.dend.geom.L = '100 - 2*x'),
    /geom\.L = "100 - 2\*x": evaluated to -\d+(\.\d+)? for cell gid \d+; expected a number > 0 \(length \[um\]\)$/,
  ],
  [
    'negative convergence',
    (s) => (s.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, convergence: '-5' }),
    'convergence = "-5": evaluated to -5 for post gid 20; expected a number of cells >= 0',
  ],
  [
    'negative divergence',
    (s) => (s.netParams.connParams['S->M'].divergence = '2 - uniform(3, 4)'),
    /divergence = "2 - uniform\(3, 4\)": evaluated to -1\.\d+ for pre gid 0; expected a number of cells >= 0$/,
  ],
  [
    'negative probability',
    (s) => (s.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, probability: '0.1 - dist_3D' }),
    /probability = "0\.1 - dist_3D": evaluated to -[\d.]+ for pre gid 0, post gid 20; expected a probability >= 0$/,
  ],
  [
    'NaN probability',
    (s) => (s.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, probability: 'sqrt(-1 - pre_x)' }),
    'evaluated to NaN for pre gid 0, post gid 20; expected a probability >= 0',
  ],
  [
    'negative drawn delay',
    (s) => (s.netParams.connParams['S->M'].delay = 'normal(-5, 1)'),
    /delay = "normal\(-5, 1\)": evaluated to -[\d.]+ for pre gid 0, post gid \d+; expected a delay >= 0 ms \(NEURON refuses negative delays\)$/,
  ],
  [
    'infinite weight',
    (s) => (s.netParams.connParams['S->M'].weight = 'exp(1000)'),
    /weight = "exp\(1000\)": evaluated to Infinity for pre gid 0, post gid \d+; expected a finite number$/,
  ],
  [
    'loc beyond the section',
    (s) => (s.netParams.connParams['S->M'].loc = '1 + uniform(0.1, 0.2)'),
    /loc = "1 \+ uniform\(0\.1, 0\.2\)": evaluated to 1\.1\d* for pre gid 0, post gid \d+; expected a location in \[0, 1\]$/,
  ],
  ['fractional synsPerConn', (s) => (s.netParams.connParams['S->M'].synsPerConn = '1.5'), 'synsPerConn = "1.5": evaluated to 1.5 for pre gid 0, post gid'],
  [
    'negative tau2',
    (s) => (s.netParams.synMechParams.exc.tau2 = 'uniform(-2, -1)'),
    /synMechParams\.exc\.tau2 = "uniform\(-2, -1\)": evaluated to -1\.\d+ for a synapse on cell gid \d+; expected a time constant > 0 ms$/,
  ],
  [
    'negative tau1',
    (s) => (s.netParams.synMechParams.exc.tau1 = '-0.1 * post_ynorm'),
    /tau1 = "-0\.1 \* post_ynorm": evaluated to -[\d.]+ for a synapse on cell gid \d+; expected a rise time >= 0 ms$/,
  ],
  [
    'zero ExpSyn tau',
    (s) => (s.netParams.synMechParams.exc = { mod: 'ExpSyn', tau: '0 * post_x', e: 0 }),
    'tau = "0 * post_x": evaluated to 0 for a synapse on cell gid',
  ],
  [
    'negative stim delay',
    (s) => (s.netParams.stimTargetParams['bkg->PYR'].delay = '-uniform(1, 2)'),
    /stimTargetParams\["bkg->PYR"\]\.delay = "-uniform\(1, 2\)": evaluated to -1\.\d+ for post gid 0; expected a delay >= 0 ms/,
  ],
  [
    'stim loc out of range',
    (s) => (s.netParams.stimTargetParams['bkg->PYR'].loc = '2 * uniform(0.6, 0.9)'),
    /loc = "2 \* uniform\(0\.6, 0\.9\)": evaluated to 1\.\d+ for post gid 0; expected a location in \[0, 1\]$/,
  ],
  [
    'negative NetStim source rate',
    (s) => (s.netParams.stimSourceParams.bkg.rate = '-uniform(1, 2)'),
    /stimSourceParams\.bkg\.rate = "-uniform\(1, 2\)": evaluated to -1\.\d+ for post gid 0; expected a rate > 0 Hz$/,
  ],
  [
    'NetStim source noise above 1',
    (s) => (s.netParams.stimSourceParams.bkg.noise = '1 + uniform(0, 1)'),
    /noise = "1 \+ uniform\(0, 1\)": evaluated to 1\.\d+ for post gid 0; expected a number in \[0, 1\]$/,
  ],
  [
    'negative IClamp dur',
    (s) => {
      s.netParams.stimSourceParams.ic.dur = '-uniform(1, 2)';
      s.netParams.stimTargetParams['ic->S'] = { source: 'ic', conds: { pop: 'S' }, sec: 'soma', loc: 0.5 };
    },
    /stimSourceParams\.ic\.dur = "-uniform\(1, 2\)": evaluated to -1\.\d+ for post gid 0; expected a duration >= 0 ms$/,
  ],
  [
    'NetStim population interval of 0',
    (s) => (s.netParams.popParams.N = { cellModel: 'NetStim', numCells: 5, interval: '0 * uniform(1, 2)' }),
    'popParams.N.interval = "0 * uniform(1, 2)": evaluated to 0 for cell gid 40; expected an interval > 0 ms',
  ],
  [
    'negative NetStim population number',
    (s) => (s.netParams.popParams.N.number = '-uniform(1, 2)'),
    /popParams\.N\.number = "-uniform\(1, 2\)": evaluated to -1\.\d+ for cell gid 40; expected a number of spikes >= 0$/,
  ],
  [
    'negative density',
    (s) => (s.netParams.popParams.S = { cellType: 'PYR', density: '1e5*ynorm - 3e4', ynormRange: [0.1, 0.5] }),
    'popParams.S.density = "1e5*ynorm - 3e4": evaluated to -20000 for ynorm = 0.1; expected a density >= 0 cells/mm3',
  ],
  [
    'negative VecStim rate',
    (s) => (s.netParams.popParams.V = { cellModel: 'VecStim', numCells: 2, rate: '-uniform(1, 2)' }),
    /popParams\.V\.rate = "-uniform\(1, 2\)": evaluated to -1\.\d+ for cell gid 45; expected a rate > 0 Hz$/,
  ],
];

describe('validate refuses what run refuses, with the same line', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(cases)('%s', async (name, mutate, line) => {
    const path = specFile(name, mutate);
    const ran = await run(path);
    expect(ran.status, ran.stderr).toBe(1);
    expect(ran.errors.length, ran.stderr).toBeGreaterThan(0);
    const matching = ran.errors.filter((l) => (typeof line === 'string' ? l.includes(line) : line.test(l)));
    expect(matching, `run's errors: ${ran.stderr}`).toHaveLength(1);
    const checked = await validate(path);
    expect(checked.status, checked.stderr).toBe(1);
    for (const l of ran.errors) expect(checked.stderr, `validate's output lacks run's line`).toContain(l);
  });

  it('finds a plotRaster orderBy that is not a numeric tag of the cells, which run finds only after simulating', async () => {
    const path = specFile('raster-order', (s) => {
      s.simConfig.analysis = { plotRaster: { orderBy: 'cellType' } };
    });
    const reason = "'cellType' is not a numeric tag of cell 0 (NetPyNE orders by gid then; spikegpu asks for a valid tag)";
    const ran = await run(path);
    expect(ran.errors).toEqual([`error: simConfig.analysis.plotRaster: simConfig.analysis.plotRaster.orderBy: ${reason}`]);
    const checked = await validate(path);
    expect(checked.status).toBe(1);
    expect(checked.errors).toEqual([`error: simConfig.analysis.plotRaster.orderBy = "cellType": ${reason}`]);
  });

  it('warns, in both, of a trace no recorded cell can record (NetPyNE records nothing, silently)', async () => {
    const path = specFile('unrecorded-trace', (s) => {
      s.simConfig.recordCells = [0];
      s.simConfig.recordTraces = { V_axon: { sec: 'axon', loc: 0.5, var: 'v' } };
    });
    const line =
      'warning: simConfig.recordTraces.V_axon: no recorded cell has its section, mechanism, synapse or stimulus: nothing is recorded for it (NetPyNE skips it silently)';
    const checked = await validate(path);
    expect(checked.status).toBe(0);
    expect(checked.stderr.split('\n')).toContain(line);
    const ran = await capture(() => runRun(path, { out: join(dir, 'out.json'), outDir: dir, figures: false, figFormat: 'png', backend: 'cpu', quiet: false }));
    expect(ran.status).toBe(0);
    expect(ran.stderr.split('\n')).toContain(line);
  });

  it('passes the base spec, which run runs', async () => {
    const checked = await validate(specFile('base', () => {}));
    expect([checked.status, checked.errors]).toEqual([0, []]);
  });
});
