import { describe, expect, it } from 'vitest';
import { BUILTIN_MECHANISMS, create, validateModel } from '../../src/index.ts';
import { baseSpec } from '../helpers/base-spec.ts';

// Values NetPyNE 1.1 accepts are accepted with NetPyNE's meaning (found in NetPyNE's own
// tutorial files and examples/ models): Python-typed switches, None, user attributes of any
// type, rules that select nothing. Each case names the value NetPyNE reads, and the warning
// spikegpu prints where the value is likely a mistake.

type Case = [name: string, mutate: (s: any) => void, check: (s: { netParams: any; simConfig: any }) => void, warningAt?: string];

const cases: Case[] = [
  [
    'switches given as 1 / 0 (M1, tut_artif)',
    (s) => Object.assign(s.simConfig, { createNEURONObj: 1, createPyStruct: 1, verbose: 0, saveJson: 0 }),
    ({ simConfig }) => expect([simConfig.createNEURONObj, simConfig.createPyStruct, simConfig.verbose, simConfig.saveJson]).toEqual([true, true, false, false]),
  ],
  [
    'None for a switch and for backupCfgFile (M1detailed)',
    (s) => Object.assign(s.simConfig, { recordStim: null, backupCfgFile: null, rand123GlobalIndex: null }),
    ({ simConfig }) => expect([simConfig.recordStim, simConfig.backupCfgFile]).toEqual([false, null]),
  ],
  [
    'a switch given as a string reads as Python does',
    (s) => {
      s.simConfig.printSynsAfterRule = 'no';
    },
    ({ simConfig }) => expect(simConfig.printSynsAfterRule).toBe(true),
    'simConfig.printSynsAfterRule',
  ],
  [
    '0 / None for switches that may carry a value',
    (s) => Object.assign(s.simConfig, { printRunTime: 0, printPopAvgRates: null, compactConnFormat: 0 }),
    ({ simConfig }) => expect([simConfig.printRunTime, simConfig.printPopAvgRates, simConfig.compactConnFormat]).toEqual([false, false, false]),
  ],
  [
    'printRunTime 1 stays an interval of 1 s',
    (s) => {
      s.simConfig.printRunTime = 1;
    },
    ({ simConfig }) => expect(simConfig.printRunTime).toBe(1),
  ],
  [
    'conn-rule switches given as 0 / 1',
    (s) => Object.assign(s.netParams.connParams['S->M'], { connRandomSecFromList: 0, distributeSynsUniformly: 1 }),
    ({ netParams }) =>
      expect([netParams.connParams['S->M'].connRandomSecFromList, netParams.connParams['S->M'].distributeSynsUniformly]).toEqual([false, true]),
  ],
  [
    "saveDataInclude with 'net' (M1detailed, tut8)",
    (s) => {
      s.simConfig.saveDataInclude = ['simData', 'simConfig', 'netParams', 'net'];
    },
    ({ simConfig }) => expect(simConfig.saveDataInclude).toContain('net'),
  ],
  [
    'an unknown saveDataInclude part is ignored, as NetPyNE ignores it',
    (s) => {
      s.simConfig.saveDataInclude = ['simData', 'netCell'];
    },
    () => undefined,
    'simConfig.saveDataInclude[1]',
  ],
  [
    'user attributes of any type (M1: annots = {}, M1detailed: description)',
    (s) => Object.assign(s.netParams, { annots: {}, description: 'M1 net', myTable: [1, 2] }),
    ({ netParams }) => expect(netParams.annots).toEqual({}),
  ],
  [
    'a user attribute close to a NetPyNE name is kept, with a warning',
    (s) => {
      s.netParams.sizeZZ = 'x';
    },
    () => undefined,
    'netParams.sizeZZ',
  ],
  [
    'a cell rule that no population uses (netClamp: Irule)',
    (s) => {
      s.netParams.cellParams.Irule = { conds: { cellType: 'I' }, secs: s.netParams.cellParams.PYR.secs };
    },
    () => undefined,
    'netParams.cellParams.Irule.conds.cellType',
  ],
  [
    'a conn rule on an undefined population creates nothing',
    (s) => {
      s.netParams.connParams['S->M'].preConds.pop = 'X';
    },
    () => undefined,
    'netParams.connParams["S->M"].preConds.pop',
  ],
  [
    'a conds tag no cell has selects nothing',
    (s) => {
      s.netParams.connParams['S->M'].postConds = { popp: 'M' };
    },
    () => undefined,
    'netParams.connParams["S->M"].postConds.popp',
  ],
  [
    'recordCells [pop, index] of an undefined pop records nothing (intervalSaving)',
    (s) => {
      s.simConfig.recordCells = [['Q', 0], 1];
    },
    () => undefined,
    'simConfig.recordCells[0]',
  ],
];

describe('specs NetPyNE accepts', () => {
  it.each(cases)('%s', (_name, mutate, check, warningAt) => {
    const spec = baseSpec();
    mutate(spec);
    const { netParams, simConfig, diagnostics } = validateModel(spec, BUILTIN_MECHANISMS);
    expect(diagnostics.errors).toEqual([]);
    check({ netParams, simConfig });
    if (warningAt) expect(diagnostics.warnings.map((d) => d.path)).toContain(warningAt);
    else expect(diagnostics.warnings.filter((d) => !d.path.startsWith('simConfig.analysis'))).toEqual([]);
    expect(() => create({ netParams, simConfig })).not.toThrow();
  });

  it('a rule that selects nothing builds no connections, as in NetPyNE', () => {
    const spec = baseSpec();
    spec.netParams.connParams['S->M'].preConds.pop = 'X';
    expect(create(spec).connCount).toBe(40 * 1); // only the NetStim stims (one per cell)
  });
});
