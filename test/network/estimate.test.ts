import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_MECHANISMS,
  buildNetwork,
  create,
  estimateResources,
  jsonChunks,
  loadSpec,
  MAX_INDEX,
  MAX_NSEG,
  NetworkBuildError,
  SpecError,
  simulate,
  validateModel,
} from '../../src/index.ts';
import { modFolder } from '../helpers/mods.ts';

// Resource estimates before allocation (network/estimate.ts, limits.ts): hostile sizes are
// refused in one line naming the path and the size, before anything is built; the estimate of
// real models matches the networks they make.

const DATA = resolve(__dirname, '../data/netpyne');
const specText = (name: string) => readFileSync(resolve(DATA, `${name}.spec.json`), 'utf8');
const tut2 = () => JSON.parse(specText('tut2')) as { netParams: Record<string, any>; simConfig: Record<string, any> };

/** validateModel's errors for tut2 changed by `edit`, and how long validation took [ms]. */
function refusal(edit: (s: ReturnType<typeof tut2>) => void, maxMemoryBytes?: number) {
  const spec = tut2();
  edit(spec);
  const t0 = performance.now();
  const { diagnostics } = validateModel(spec, BUILTIN_MECHANISMS, 'all', { maxMemoryBytes });
  return { errors: diagnostics.errors.map((d) => `${d.path}${d.value === undefined ? '' : ` = ${d.value}`}: ${d.message}`), ms: performance.now() - t0 };
}

describe('hostile sizes are refused before anything is allocated', () => {
  const GiB = 2 ** 30;
  const cases: Array<[string, (s: ReturnType<typeof tut2>) => void, RegExp]> = [
    [
      'numCells 1e9',
      (s) => (s.netParams.popParams.S.numCells = 1e9),
      /^netParams\.popParams\.S: numCells 1\.0e9: more than the limit of 7\.2e8 cells per population$/,
    ],
    ['numCells 1e308', (s) => (s.netParams.popParams.S.numCells = 1e308), /^netParams\.popParams\.S: numCells 1\.0e308: more than the limit/],
    [
      'scale 1e6',
      (s) => (s.netParams.scale = 1e6),
      /^netParams\.connParams\["S->M"\]: the model needs about \d+ GiB to create and simulate \(connections: 2\.4e8 from netParams\.connParams\["S->M"\] \(divergence 12 × 2\.0e7 cells\)/,
    ],
    ['dt 1e-9', (s) => (s.simConfig.dt = 1e-9), /^simConfig\.dt = 1e-9: duration 1000 ms \/ dt 1e-9 ms = 1\.0e12 steps, more than the limit of 2\.1e9$/],
    ['duration 1e12', (s) => (s.simConfig.duration = 1e12), /^simConfig\.dt = 0\.025: duration 1000000000000 ms \/ dt 0\.025 ms = 4\.0e13 steps/],
    [
      'duration where dt/2 no longer moves t',
      (s) => Object.assign(s.simConfig, { duration: 1e300, dt: 1e-9 }),
      /^simConfig\.dt = 1e-9: too small for time to advance at t = 1e\+300 ms/,
    ],
    [
      'NetStim rate 1e9',
      (s) => (s.netParams.stimSourceParams.bkg.rate = 1e9),
      /^netParams\.stimSourceParams\.bkg\.rate: the NetStim and VecStim trains have too many spikes: 4\.0e10 \(largest: 1\.0e9 per NetStim × 40\)/,
    ],
    [
      'nseg 1e9',
      (s) => (s.netParams.cellParams.PYR.secs.soma.geom.nseg = 1e9),
      /^netParams\.cellParams\.PYR\.secs\.soma\.geom\.nseg = 1000000000: expected at most 32767 segments/,
    ],
    [
      'density over a huge volume',
      (s) => {
        delete s.netParams.popParams.S.numCells;
        Object.assign(s.netParams, { sizeX: 1e5, sizeY: 1e5, sizeZ: 1e5 });
        s.netParams.popParams.S.density = 1e5;
      },
      /^netParams\.popParams\.S: density 100000 × volume 1\.0e6 mm³: more than the limit/,
    ],
    [
      'a density function sampled too finely',
      (s) => {
        delete s.netParams.popParams.S.numCells;
        Object.assign(s.netParams.popParams.S, { density: '1e3*ynorm', ynormRange: [0, 1e5] });
      },
      /^netParams\.popParams\.S\.density = 1e3\*ynorm: its range \[0, 100000\] is sampled every 0\.001 .* 1\.0e8 samples, more than the limit of 1\.0e7$/,
    ],
    [
      'huge convergence',
      (s) => {
        s.netParams.popParams.S.numCells = s.netParams.popParams.M.numCells = 1e5;
        s.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, convergence: 1e6, synMech: 'exc' };
      },
      /^netParams\.connParams\["S->M"\]: the model has too many connections: 1\.0e10 \(largest: convergence 1\.0e6 × 1\.0e5 cells\)/,
    ],
    [
      'huge divergence',
      (s) => {
        s.netParams.popParams.S.numCells = s.netParams.popParams.M.numCells = 1e5;
        s.netParams.connParams['S->M'].divergence = 1e300;
      },
      /^netParams\.connParams\["S->M"\]: the model has too many connections: 1\.0e10 \(largest: divergence 1\.0e300 × 1\.0e5 cells\)/,
    ],
    [
      'fullConn between large pops',
      (s) => {
        s.netParams.popParams.S.numCells = s.netParams.popParams.M.numCells = 30000;
        s.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, connFunc: 'fullConn', synMech: 'exc' };
      },
      /^netParams\.connParams\["S->M"\]: the model needs about \d+ GiB .*\(connections: 9\.0e8 from netParams\.connParams\["S->M"\] \(fullConn 30,000 cells × 30,000 cells\), \d+ GiB;.*more than the memory limit of 16 GiB/,
    ],
    [
      'every cell recorded every step',
      (s) => Object.assign(s.simConfig, { recordCells: ['all'], recordStep: 0.025, duration: 1e6 }),
      /^simConfig\.recordTraces: the model needs about \d+ GiB .*\(recorded samples: 1\.6e9 from simConfig\.recordTraces \(1 trace × 40 cells × 4\.0e7 samples/,
    ],
  ];
  it.each(cases)('%s', (_, edit, expected) => {
    const { errors, ms } = refusal(edit, 16 * GiB);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
    expect(ms).toBeLessThan(500);
  });

  it('refuses in create and buildNetwork too, with the same line', () => {
    const spec = tut2();
    spec.netParams.popParams.S.numCells = 1e9;
    expect(() => create(spec)).toThrow(SpecError);
    const { netParams, simConfig } = loadSpec(spec);
    expect(() => buildNetwork(netParams, simConfig, BUILTIN_MECHANISMS)).toThrow(/^netParams\.popParams\.S: numCells 1\.0e9: more than the limit/);
  });

  it('stops a string function that makes more connections than the memory pays for, naming the rule', () => {
    const spec = tut2();
    spec.netParams.connParams['S->M'] = { preConds: { pop: 'S' }, postConds: { pop: 'M' }, probability: '1 + 0*dist_3D', synMech: 'exc' };
    const { netParams, simConfig } = loadSpec(spec);
    const estimate = estimateResources(netParams, simConfig, BUILTIN_MECHANISMS);
    expect(estimate.functionConnections.map((c) => [c.path, c.count])).toEqual([['netParams.connParams["S->M"]', 400]]);
    // the memory left after the estimated part pays for 100 more connections (150 bytes each)
    const maxMemoryBytes = estimate.networkBytes + 100 * 150;
    expect(() => buildNetwork(netParams, simConfig, BUILTIN_MECHANISMS, { maxMemoryBytes })).toThrow(NetworkBuildError);
    expect(() => buildNetwork(netParams, simConfig, BUILTIN_MECHANISMS, { maxMemoryBytes })).toThrow(
      `netParams.connParams["S->M"]: makes more connections than the memory limit pays for (${estimate.connections + 100} in all; maxMemoryBytes, spikegpu --max-memory)`,
    );
    expect(buildNetwork(netParams, simConfig, BUILTIN_MECHANISMS, { maxMemoryBytes: maxMemoryBytes + 400 * 150 }).connCount).toBe(440);
  });

  it('refuses a tiny limit for tut2 in validation, creation and simulation', async () => {
    const spec = loadSpec(specText('tut2'));
    const { errors } = refusal(() => {}, 100 * 1024);
    expect(errors).toEqual([
      expect.stringMatching(
        /^simConfig\.duration: the model needs about \d+ KiB to create and simulate \(steps: 40,000 from simConfig\.duration .* more than the memory limit of 100 KiB/,
      ),
    ]);
    expect(() => create(spec, { maxMemoryBytes: 1000 })).toThrow(/the model needs about \d+ KiB to create .* more than the memory limit of 1000 bytes/);
    const net = create(spec);
    await expect(simulate(net, { backend: 'cpu', maxMemoryBytes: 100 * 1024 })).rejects.toThrow(
      /to create and simulate .* more than the memory limit of 100 KiB/,
    );
  });

  it('bounds are the documented ones', () => {
    expect([MAX_INDEX, MAX_NSEG]).toEqual([2 ** 31 - 1, 32767]);
  });
});

describe('the estimate of real models', () => {
  // Exact: cells (numCells, cellsList, density with a number), compartments, stimuli, and
  // connections of convergence, divergence, fullConn and connList rules (less self-connections
  // and zero weights, which NetPyNE drops). A constant probability gives the expected count.
  it.each([
    ['tut2', { cells: 40, compartments: 120, connections: 280, stimuli: 40 }, 280],
    ['tut3', { cells: 40, compartments: 200, connections: 240, stimuli: 40 }, 243],
    ['tut7', { cells: 50, compartments: 150, connections: 2550, stimuli: 50 }, 2500],
    ['subConn_CellularPops', { cells: 120, compartments: 2520, connections: 1120, stimuli: 120 }, 1103],
  ])('%s', (name, expected, realConns) => {
    const spec = loadSpec(specText(name));
    const e = estimateResources(spec.netParams, spec.simConfig, BUILTIN_MECHANISMS);
    const net = create(spec);
    let nodes = 0;
    for (const t of net.data.templates) nodes += t.cells.length * t.sections.reduce((s, sec) => s + sec.nseg + 1 + (sec.topol.parent < 0 ? 1 : 0), 0);
    expect({ cells: e.cells, compartments: e.compartments, connections: Math.round(e.connections), stimuli: e.stimuli }).toEqual(expected);
    expect([net.cellCount, nodes, net.connCount, net.data.stims.count]).toEqual([expected.cells, expected.compartments, realConns, expected.stimuli]);
    // probability rules: the estimate is the expectation, within 10% here
    expect(Math.abs(e.connections - realConns) / realConns).toBeLessThan(0.1);
  });

  it('M1: positions in connection conds count the fraction of the population they cover; string functions are bounded apart', () => {
    const spec = loadSpec(specText('M1'));
    const e = estimateResources(spec.netParams, spec.simConfig, BUILTIN_MECHANISMS);
    const net = create(spec);
    expect(e.cells).toBe(net.cellCount);
    const upTo = e.functionConnections.reduce((s, c) => s + c.count, 0);
    // estimated 3134 (constant probabilities) + up to 6485 (probability functions); NetPyNE makes 4887
    expect(e.connections).toBeLessThan(net.connCount);
    expect(e.connections + upTo).toBeGreaterThan(net.connCount);
    expect(net.connCount / e.connections).toBeLessThan(2);
  });

  it('the default limit accepts every NetPyNE model that runs today', () => {
    const { models } = JSON.parse(readFileSync(resolve(DATA, 'models.json'), 'utf8')) as { models: Array<{ name: string; status: string; mods?: string }> };
    for (const { name, mods } of models.filter((m) => m.status === 'exact')) {
      const { diagnostics, estimate } = validateModel(loadSpec(specText(name), name), mods ? modFolder(mods) : BUILTIN_MECHANISMS);
      expect(diagnostics.errors, name).toEqual([]);
      expect(estimate!.totalBytes, name).toBeLessThan(200 * 2 ** 20);
    }
  });
});

describe('jsonChunks', () => {
  const values: unknown[] = [
    { a: 1, b: [1, 2, { c: 'x', d: undefined, e: () => 1 }], f: null, g: [undefined, Number.NaN, Infinity, -0], h: { toJSON: () => ({ k: 2 }) } },
    Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? null : i / 3)),
    [[[[[[1]]]]], { deep: { deeper: { deepest: [true, false, 'q"uote'] } } }],
    'text',
    42,
    [],
    {},
  ];
  it.each(values.map((v, i) => [i, v]))('is JSON.stringify, in chunks (%i)', (_, value) => {
    for (const walkDepth of [0, 1, 2, 8]) expect([...jsonChunks(value, { walkDepth, chunkChars: 64 })].join('')).toBe(JSON.stringify(value));
  });

  it('writes a value longer than the longest string in bounded chunks', () => {
    // 4 × 2^20 strings of 600 characters: 2.5e9 characters of text, V8's longest string is 2^29 - 24
    const rows = Array<string>(2 ** 20).fill('x'.repeat(600));
    let total = 0;
    let longest = 0;
    for (const chunk of jsonChunks({ traces: [rows, rows, rows, rows] })) {
      total += chunk.length;
      longest = Math.max(longest, chunk.length);
      if (total > 2 ** 29) break;
    }
    expect(total).toBeGreaterThan(2 ** 29);
    expect(longest).toBeLessThan(2 ** 22);
  });
});
