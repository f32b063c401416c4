import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The hostile and malformed inputs of the safety campaign (issue 12). Each case is a spec (or a
// saved file, or raw text) made from tutorial 2 at 50 ms, and what a safe engine must do with it:
// 'refuse' (one-line error, exit 1 or 2), 'accept' (runs), or 'either' (never crash or hang).

export type Expect = 'refuse' | 'accept' | 'either';
type Spec = { netParams: Record<string, any>; simConfig: Record<string, any> };

export interface Case {
  name: string;
  expect: Expect;
  /** The spec file's text; `outside` is a folder nothing may write to. */
  text: (outside: string) => string;
  /** Extra files beside the spec (name -> bytes or text). */
  files?: (outside: string) => Record<string, string | Uint8Array>;
}

/** examples/tut2.json at 50 ms, recording nothing and drawing no figure. */
export function tut2(): Spec {
  const spec = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/tut2.json'), 'utf8')) as Spec;
  spec.simConfig = { duration: 50, dt: 0.025, recordTraces: {}, recordStep: 0.1, analysis: {} };
  return spec;
}

const spec = (name: string, expect: Expect, change: (s: Spec, outside: string) => void): Case => ({
  name,
  expect,
  text: (outside) => {
    const s = tut2();
    change(s, outside);
    return JSON.stringify(s);
  },
});

const conn = (s: Spec) => s.netParams.connParams['S->M'];
const geom = (s: Spec) => s.netParams.cellParams.PYR.secs.soma.geom;

function pathCases(): Case[] {
  return [
    spec('saveFolder absolute', 'refuse', (s, o) => Object.assign(s.simConfig, { saveFolder: o, saveJson: true })),
    spec('saveFolder ..', 'refuse', (s) => Object.assign(s.simConfig, { saveFolder: '../..', saveJson: true })),
    spec('filename ..', 'refuse', (s) => Object.assign(s.simConfig, { filename: '../../escaped', saveJson: true })),
    spec('filename absolute', 'refuse', (s, o) => Object.assign(s.simConfig, { filename: `${o}/x`, saveJson: true })),
    spec('saveFig absolute', 'refuse', (s, o) => (s.simConfig.analysis = { plotRaster: { saveFig: `${o}/r.png` } })),
    spec('saveFig ..', 'refuse', (s) => (s.simConfig.analysis = { plotRaster: { saveFig: '../../r.png' } })),
    spec('saveData absolute', 'refuse', (s, o) => (s.simConfig.analysis = { plotRaster: { saveData: `${o}/d` } })),
    spec('traces saveDat ..', 'refuse', (s) =>
      Object.assign(s.simConfig, { saveDat: true, recordCells: [0], recordTraces: { '../../v': { sec: 'soma', loc: 0.5, var: 'v' } } }),
    ),
    spec('saveFolder inside', 'accept', (s) => Object.assign(s.simConfig, { saveFolder: 'data/run1', saveJson: true })),
    {
      name: 'saved file simConfig absolute',
      expect: 'refuse',
      text: (o) => savedFile({ saveFolder: o, saveJson: true }),
    },
    {
      name: 'saved file $binaryFile ..',
      expect: 'refuse',
      text: () => savedFile({}, '../../../../etc/hostname'),
    },
    { name: 'saved file $binaryFile /dev/zero', expect: 'refuse', text: () => savedFile({}, '/dev/zero') },
    { name: 'saved file $binaryFile short', expect: 'refuse', text: () => savedFile({}, 'short.bin'), files: () => ({ 'short.bin': new Uint8Array(8) }) },
  ];
}

/** A saved-data file (netParams, net.cells, simConfig) of tut2 with 2 cells. */
function savedFile(simConfig: Record<string, unknown>, binaryFile?: string): string {
  const s = tut2();
  s.netParams.popParams = { S: { cellType: 'PYR', numCells: 1 }, M: { cellType: 'PYR', numCells: 1 } };
  s.netParams.connParams = {};
  s.netParams.stimTargetParams = {};
  const cell = (gid: number, pop: string) => ({ gid, tags: { pop, cellType: 'PYR' }, secs: {}, conns: [], stims: [] });
  return JSON.stringify({
    net: { params: s.netParams, cells: [cell(0, 'S'), cell(1, 'M')], pops: { S: { cellGids: [0] }, M: { cellGids: [1] } } },
    simConfig: { ...s.simConfig, ...simConfig },
    ...(binaryFile ? { simData: { $binaryFile: binaryFile, spkt: { $binary: [0, 1000, 'f64'] } } } : {}),
  });
}

/** Names that resolve through a JavaScript object's prototype, or are JavaScript globals. */
export const HOSTILE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
  'prototype',
  'process',
  'globalThis',
  'eval',
  'Function',
  'require',
];

function nameCases(): Case[] {
  const out: Case[] = [];
  for (const name of HOSTILE_NAMES) {
    out.push(spec(`weight ${name}(1)`, 'refuse', (s) => (conn(s).weight = `${name}(1)`)));
    out.push(spec(`weight 0.01*${name}`, 'refuse', (s) => (conn(s).weight = `0.01*${name}`)));
  }
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    out.push(spec(`pop label ${name}`, 'either', (s) => (s.netParams.popParams = { [name]: { cellType: 'PYR', numCells: 5 }, M: s.netParams.popParams.M })));
    out.push(
      spec(`synMech label ${name}`, 'either', (s) => {
        s.netParams.synMechParams = { [name]: s.netParams.synMechParams.exc };
        conn(s).synMech = name;
        s.netParams.stimTargetParams['bkg->PYR'].synMech = name;
      }),
    );
    out.push(spec(`mechanism ${name}`, 'refuse', (s) => (s.netParams.cellParams.PYR.secs.soma.mechs = { [name]: {} })));
    out.push(spec(`synMech mod ${name}`, 'refuse', (s) => (s.netParams.synMechParams.exc.mod = name)));
    out.push(spec(`stim type ${name}`, 'refuse', (s) => (s.netParams.stimSourceParams.bkg.type = name)));
    out.push(spec(`analysis ${name}`, 'either', (s) => (s.simConfig.analysis = { [name]: true })));
    out.push(
      spec(`trace var ${name}`, 'refuse', (s) => Object.assign(s.simConfig, { recordCells: [0], recordTraces: { v: { sec: 'soma', loc: 0.5, var: name } } })),
    );
    out.push(spec(`cellType ${name}`, 'either', (s) => (s.netParams.popParams.S.cellType = name)));
    out.push(spec(`secs ${name}`, 'either', (s) => (s.netParams.cellParams.PYR.secs = { [name]: s.netParams.cellParams.PYR.secs.soma })));
  }
  return out;
}

function recursionCases(): Case[] {
  const terms = (n: number, op: string) => Array.from({ length: n }, () => '0.00001').join(op);
  return [
    spec('weight 2000 terms', 'accept', (s) => (conn(s).weight = terms(2000, '+'))),
    spec('weight 20000 terms (160 KB, over the 64 KiB limit)', 'refuse', (s) => (conn(s).weight = terms(20000, '+'))),
    spec('weight 2000 factors', 'accept', (s) => (conn(s).weight = `0.01*${terms(2000, '*').replaceAll('0.00001', '1')}`)),
    spec('weight 10000 parentheses', 'refuse', (s) => (conn(s).weight = `${'('.repeat(10000)}0.01${')'.repeat(10000)}`)),
    spec('weight 10000 minus', 'refuse', (s) => (conn(s).weight = `${'-'.repeat(10000)}0.01`)),
    spec('weight 5000 nested calls', 'refuse', (s) => (conn(s).weight = `${'abs('.repeat(5000)}0.01${')'.repeat(5000)}`)),
    { name: 'JSON 100000 deep', expect: 'refuse', text: () => `{"netParams": ${'{"a":'.repeat(100000)}1${'}'.repeat(100000)}, "simConfig": {}}` },
    {
      name: 'JSON 100000 deep arrays',
      expect: 'refuse',
      text: () => `{"netParams": {"popParams": ${'['.repeat(100000)}${']'.repeat(100000)}}, "simConfig": {}}`,
    },
    spec('weight 1 MB expression', 'refuse', (s) => (conn(s).weight = terms(100000, '+'))),
  ];
}

function resourceCases(): Case[] {
  const pops = (n: number) => (s: Spec) => (s.netParams.popParams.S.numCells = n);
  return [
    spec('numCells 1e9', 'refuse', pops(1e9)),
    spec('numCells 1e12', 'refuse', pops(1e12)),
    spec('numCells 1e308', 'refuse', pops(1e308)),
    spec('numCells 3e7', 'refuse', pops(3e7)),
    spec('dt 1e-9', 'refuse', (s) => (s.simConfig.dt = 1e-9)),
    spec('duration 1e12', 'refuse', (s) => (s.simConfig.duration = 1e12)),
    spec('duration 1e308', 'refuse', (s) => (s.simConfig.duration = 1e308)),
    spec('NetStim rate 1e9', 'refuse', (s) => (s.netParams.stimSourceParams.bkg.rate = 1e9)),
    spec('nseg 1e9', 'refuse', (s) => (geom(s).nseg = 1e9)),
    spec('scale 1e6', 'refuse', (s) => (s.netParams.scale = 1e6)),
    spec('scale 1e300', 'refuse', (s) => (s.netParams.scale = 1e300)),
    spec('density huge volume', 'refuse', (s) => {
      s.netParams.popParams.S = { cellType: 'PYR', density: 1e5 };
      Object.assign(s.netParams, { sizeX: 1e6, sizeY: 1e6, sizeZ: 1e6 });
    }),
    spec('convergence 1e9 (NetPyNE takes every candidate)', 'accept', (s) => {
      delete conn(s).divergence;
      conn(s).convergence = 1e9;
    }),
    spec('divergence 1e9 (NetPyNE takes every candidate)', 'accept', (s) => (conn(s).divergence = 1e9)),
    spec('fullConn 1e5 x 1e5', 'refuse', (s) => {
      s.netParams.popParams.S.numCells = 1e5;
      s.netParams.popParams.M.numCells = 1e5;
      delete conn(s).divergence;
    }),
    spec('recordStep 1e-9 all cells', 'refuse', (s) =>
      Object.assign(s.simConfig, { recordStep: 1e-9, recordCells: ['all'], recordTraces: { v: { sec: 'soma', loc: 0.5, var: 'v' } } }),
    ),
    spec('record all cells 1e6 cells', 'refuse', (s) => {
      s.netParams.popParams.S.numCells = 1e6;
      Object.assign(s.simConfig, { duration: 1000, recordCells: ['all'], recordTraces: { v: { sec: 'soma', loc: 0.5, var: 'v' } } });
    }),
    spec('NetStim number 1e15', 'either', (s) => (s.netParams.stimSourceParams.bkg.number = 1e15)),
    spec('synsPerConn 1e9', 'refuse', (s) => (conn(s).synsPerConn = 1e9)),
    spec('pt3d 1e6 points', 'either', (s) => (geom(s).pt3d = Array.from({ length: 2e5 }, (_, i) => [0, i, 0, 1]))),
  ];
}

function drawnCases(): Case[] {
  return [
    spec('diam uniform(-10,-5)', 'refuse', (s) => (geom(s).diam = 'uniform(-10,-5)')),
    spec('L from function negative', 'refuse', (s) => (geom(s).L = '-5 + 0*uniform(0,1)')),
    spec("convergence '-5'", 'refuse', (s) => {
      delete conn(s).divergence;
      conn(s).convergence = '-5';
    }),
    spec("divergence 'uniform(-3,-1)'", 'refuse', (s) => (conn(s).divergence = 'uniform(-3,-1)')),
    spec('tau2 negative from function', 'refuse', (s) => (s.netParams.synMechParams.exc.tau2 = '-1 * uniform(1,2)')),
    spec('probability 1.5 from function (NetPyNE connects every pair)', 'accept', (s) => {
      delete conn(s).divergence;
      conn(s).probability = '1.5 + 0*uniform(0,1)';
    }),
    spec('probability nan from function', 'refuse', (s) => {
      delete conn(s).divergence;
      conn(s).probability = 'log(-1)';
    }),
    spec('delay negative from function', 'refuse', (s) => (conn(s).delay = 'uniform(-5,-1)')),
    spec('weight nan from function', 'refuse', (s) => (conn(s).weight = 'sqrt(-1)')),
    spec('weight inf from function', 'refuse', (s) => (conn(s).weight = 'exp(1000)')),
    spec('NetStim rate negative from function', 'refuse', (s) => (s.netParams.stimSourceParams.bkg.rate = 'uniform(-10,-5)')),
    spec('NetStim rate 1e9 from function', 'refuse', (s) => (s.netParams.stimSourceParams.bkg.rate = 'uniform(1e9, 2e9)')),
    spec('NetStim noise 2 from function', 'refuse', (s) => (s.netParams.stimSourceParams.bkg.noise = '2 + 0*uniform(0,1)')),
    spec('gnabar nan from function', 'refuse', (s) => (s.netParams.cellParams.PYR.secs.soma.mechs.hh.gnabar = 'log(-ynorm)')),
    spec('stim delay negative from function', 'refuse', (s) => (s.netParams.stimTargetParams['bkg->PYR'].delay = 'uniform(-5,-1)')),
    spec('loc 1.5 from function', 'refuse', (s) => (conn(s).loc = '1.5 + 0*uniform(0,1)')),
    spec('diam literal -5', 'refuse', (s) => (geom(s).diam = -5)),
    spec('tau2 literal -1', 'refuse', (s) => (s.netParams.synMechParams.exc.tau2 = -1)),
  ];
}

function validateGapCases(): Case[] {
  return [
    spec('recordCells gid 10000', 'either', (s) =>
      Object.assign(s.simConfig, { recordCells: [10000], recordTraces: { v: { sec: 'soma', loc: 0.5, var: 'v' } } }),
    ),
    spec('trace sec missing (NetPyNE records nothing)', 'either', (s) =>
      Object.assign(s.simConfig, { recordCells: [0], recordTraces: { v: { sec: 'dend', loc: 0.5, var: 'v' } } }),
    ),
    spec('trace mech missing (NetPyNE records nothing)', 'either', (s) =>
      Object.assign(s.simConfig, { recordCells: [0], recordTraces: { m: { sec: 'soma', loc: 0.5, mech: 'pas', var: 'g' } } }),
    ),
    spec('analysis include gid 999', 'either', (s) => (s.simConfig.analysis = { plotTraces: { include: [999] } })),
    spec('analysis timeRange bad', 'refuse', (s) => (s.simConfig.analysis = { plotRaster: { timeRange: [50, 10] } })),
    spec('analysis bad option type', 'refuse', (s) => (s.simConfig.analysis = { plotRaster: { orderBy: 7 } })),
  ];
}

/** Deterministic mutations of tut2's leaves with hostile values. */
function mutationCases(count: number, seed: number): Case[] {
  const values: unknown[] = [
    -1,
    0,
    1e308,
    -1e308,
    1e-320,
    'NaN',
    '',
    'x',
    '__proto__',
    [],
    {},
    null,
    true,
    'a'.repeat(10000),
    [1, [2, [3]]],
    '1/0',
    'uniform(',
    ')',
    2 ** 53,
    -0.5,
  ];
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const leaves: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    else leaves.push(path);
  };
  walk(tut2(), []);
  return Array.from({ length: count }, (_, i) => {
    const path = leaves[Math.floor(random() * leaves.length)];
    const value = values[Math.floor(random() * values.length)];
    return spec(`mutate ${i} ${path.join('.')} = ${JSON.stringify(value).slice(0, 20)}`, 'either', (s) => {
      let at: any = s;
      for (const k of path.slice(0, -1)) at = at[k];
      at[path[path.length - 1]] = value;
    });
  });
}

export function cases(): Case[] {
  return [...pathCases(), ...nameCases(), ...recursionCases(), ...resourceCases(), ...drawnCases(), ...validateGapCases(), ...mutationCases(120, 12)];
}
