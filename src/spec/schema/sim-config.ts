import { z } from 'zod';
import { bool, nonNegativeInt, num, positive, range, str, strictObject } from './helpers.ts';

const anyList = z.array(z.unknown(), { error: 'expected a list' });
const selector = z.union([z.number(), str, z.tuple([str, z.union([z.number(), z.array(z.number())])])], {
  error: "expected a gid, a population label, 'all', 'allCells' or [pop, index | [indices]]",
});

export const simConfigSchemas = {
  duration: positive,
  tstop: positive,
  dt: positive,
  hParams: z.record(z.string(), num),
  coreneuron: bool,
  dump_coreneuron_model: bool,
  random123: bool,
  cache_efficient: bool,
  gpu: bool,
  cvode_active: bool,
  use_fast_imem: bool,
  cvode_atol: positive,
  seeds: strictObject({ conn: nonNegativeInt, stim: nonNegativeInt, loc: nonNegativeInt, cell: nonNegativeInt }, 'simConfig.seeds'),
  rand123GlobalIndex: z.union([nonNegativeInt, z.null()]),
  createNEURONObj: bool,
  createPyStruct: bool,
  addSynMechs: bool,
  includeParamsLabel: bool,
  gatherOnlySimData: bool,
  compactConnFormat: z.union([bool, z.array(str)]),
  connRandomSecFromList: bool,
  distributeSynsUniformly: bool,
  pt3dRelativeToCellLocation: bool,
  invertedYCoord: bool,
  allowSelfConns: bool,
  allowConnsWithWeight0: bool,
  oneSynPerNetcon: bool,
  saveCellSecs: bool,
  saveCellConns: bool,
  timing: bool,
  saveTiming: bool,
  printRunTime: z.union([bool, positive]),
  printPopAvgRates: z.union([bool, range()]),
  printSynsAfterRule: bool,
  verbose: bool,
  progressBar: z.union([z.literal(0), z.literal(1), z.literal(2), bool]),
  recordCells: z.array(selector, { error: 'expected a list of cell selectors' }),
  recordTraces: z.record(z.string(), z.looseObject({ var: str })),
  recordCellsSpikes: z.union([z.literal(-1), z.array(selector)], { error: 'expected -1 (all cells) or a list of cell selectors' }),
  recordStim: bool,
  recordLFP: anyList,
  recordDipole: bool,
  recordDipolesHNN: z.union([bool, anyList]),
  saveIMembrane: z.union([bool, anyList]),
  saveLFPCells: z.union([bool, anyList]),
  saveLFPPops: z.union([bool, anyList]),
  saveDipoleCells: z.union([bool, anyList]),
  saveDipolePops: z.union([bool, anyList]),
  recordStep: positive,
  recordTime: bool,
  simLabel: str,
  saveFolder: str,
  filename: str,
  saveDataInclude: z.array(z.enum(['netParams', 'netCells', 'netPops', 'simConfig', 'simData'])),
  timestampFilename: bool,
  savePickle: bool,
  saveJson: bool,
  saveMat: bool,
  saveCSV: bool,
  saveDpk: bool,
  saveHDF5: bool,
  saveDat: bool,
  backupCfgFile: anyList,
  validateNetParams: bool,
  analysis: z.record(z.string(), z.union([bool, z.record(z.string(), z.unknown())])),
  netpyneQuirks: strictObject(
    { sharedNetStimStream: bool, ignorePopStringParams: bool, distNormSqrtBug: bool, poissonPatternDropsFirst: bool },
    'simConfig.netpyneQuirks',
  ),
} as const;

/** simConfig keys that influence network creation (checked by `spikegpu create`). */
export const NETWORK_SIM_KEYS = new Set([
  'duration', 'tstop', 'dt', 'seeds', 'rand123GlobalIndex', 'includeParamsLabel', 'connRandomSecFromList',
  'distributeSynsUniformly', 'pt3dRelativeToCellLocation', 'invertedYCoord', 'allowSelfConns', 'allowConnsWithWeight0',
  'oneSynPerNetcon', 'createNEURONObj', 'createPyStruct', 'addSynMechs', 'random123', 'netpyneQuirks',
]);

/**
 * NetPyNE options spikegpu does not implement: the value each must have, and why.
 * A spec that sets another value is rejected (never silently run differently).
 */
export const UNSUPPORTED_SIM_OPTIONS: Record<string, { allowed: (v: unknown) => boolean; reason: string }> = {
  coreneuron: { allowed: (v) => v === false, reason: 'CoreNEURON is a NEURON backend; spikegpu runs its own CPU and WebGPU backends' },
  dump_coreneuron_model: { allowed: (v) => v === false, reason: 'CoreNEURON model dumps are not supported' },
  gpu: { allowed: (v) => v === false, reason: "this is CoreNEURON's GPU switch; spikegpu selects its backend with --backend" },
  cvode_active: { allowed: (v) => v === false, reason: 'variable time step (CVODE) is not supported: spikegpu integrates with fixed-step implicit Euler' },
  oneSynPerNetcon: { allowed: (v) => v === true, reason: 'shared synapses (oneSynPerNetcon: false) are not supported' },
  createNEURONObj: { allowed: (v) => v === true, reason: 'createNEURONObj: false (structure without simulation objects) is not supported' },
  createPyStruct: { allowed: (v) => v === true, reason: 'createPyStruct: false is not supported' },
  addSynMechs: { allowed: (v) => v === true, reason: 'addSynMechs: false is not supported' },
  compactConnFormat: { allowed: (v) => v === false, reason: 'the compact connection format is not supported yet' },
  recordLFP: { allowed: (v) => Array.isArray(v) && v.length === 0, reason: 'LFP recording is not supported yet' },
  recordDipole: { allowed: (v) => v === false, reason: 'dipole recording is not supported yet' },
  recordDipolesHNN: { allowed: (v) => v === false || (Array.isArray(v) && v.length === 0), reason: 'HNN dipole recording is not supported yet' },
  saveIMembrane: { allowed: (v) => v === false, reason: 'membrane current recording is not supported yet' },
  saveLFPCells: { allowed: (v) => v === false, reason: 'LFP recording is not supported yet' },
  saveLFPPops: { allowed: (v) => v === false, reason: 'LFP recording is not supported yet' },
  saveDipoleCells: { allowed: (v) => v === false, reason: 'dipole recording is not supported yet' },
  saveDipolePops: { allowed: (v) => v === false, reason: 'dipole recording is not supported yet' },
  savePickle: { allowed: (v) => v === false, reason: 'pickle output is not supported; use saveJson' },
  saveMat: { allowed: (v) => v === false, reason: 'MATLAB output is not supported; use saveJson' },
  saveCSV: { allowed: (v) => v === false, reason: 'CSV output is not supported; use saveJson' },
  saveDpk: { allowed: (v) => v === false, reason: 'dpk output is not supported; use saveJson' },
  saveHDF5: { allowed: (v) => v === false, reason: 'HDF5 output is not supported; use saveJson' },
  saveDat: { allowed: (v) => v === false, reason: '.dat trace output is not supported; use saveJson' },
  backupCfgFile: { allowed: (v) => Array.isArray(v) && v.length === 0, reason: 'backupCfgFile copies a Python cfg file, which spikegpu does not have' },
};

/** hParams keys spikegpu understands. */
export const H_PARAMS = new Set(['celsius', 'v_init', 'clamp_resist', 'usetable_hh']);
