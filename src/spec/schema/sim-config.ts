import { z } from 'zod';
import { pyTruthy } from '../py-truthy.ts';
import { bool, flagOr, nonNegativeInt, num, positive, range, record, str, strictObject } from './helpers.ts';

const anyList = z.array(z.unknown(), { error: 'expected a list' });

/** The names simConfig.saveDataInclude may hold ('net': netCells and netPops). */
export const SAVED_DATA_PARTS = ['netParams', 'net', 'netCells', 'netPops', 'simConfig', 'simData'] as const;
const selector = z.union([z.number(), str, z.tuple([str, z.union([z.number(), z.array(z.number())])])], {
  error: "expected a gid, a population label, 'all', 'allCells' or [pop, index | [indices]]",
});

export const simConfigSchemas = {
  duration: positive,
  tstop: positive,
  dt: positive,
  hParams: record(z.string(), num),
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
  compactConnFormat: flagOr(z.array(str)),
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
  printRunTime: flagOr(positive),
  printPopAvgRates: flagOr(range()),
  printSynsAfterRule: bool,
  verbose: bool,
  progressBar: flagOr(z.union([z.literal(0), z.literal(1), z.literal(2)])),
  recordCells: z.array(selector, { error: 'expected a list of cell selectors' }),
  recordTraces: record(z.string(), z.looseObject({ var: str })),
  recordCellsSpikes: z.union([z.literal(-1), z.array(selector)], { error: 'expected -1 (all cells) or a list of cell selectors' }),
  recordStim: bool,
  recordLFP: anyList,
  recordDipole: bool,
  recordDipolesHNN: flagOr(anyList),
  saveIMembrane: flagOr(anyList),
  saveLFPCells: flagOr(anyList),
  saveLFPPops: flagOr(anyList),
  saveDipoleCells: flagOr(anyList),
  saveDipolePops: flagOr(anyList),
  recordStep: positive,
  recordTime: bool,
  simLabel: str,
  saveFolder: str,
  filename: str,
  saveDataInclude: z.array(str, { error: 'expected a list of parts to save' }),
  timestampFilename: bool,
  savePickle: bool,
  saveJson: bool,
  saveMat: bool,
  saveCSV: bool,
  saveDpk: bool,
  saveHDF5: bool,
  saveDat: bool,
  backupCfgFile: z.union([anyList, z.null()], { error: 'expected [cfg file, folder], [] or null' }),
  validateNetParams: bool,
  analysis: record(z.string(), z.union([bool, record(z.string(), z.unknown())])),
  netpyneQuirks: strictObject(
    { sharedNetStimStream: bool, ignorePopStringParams: bool, distNormSqrtBug: bool, poissonPatternDropsFirst: bool },
    'simConfig.netpyneQuirks',
  ),
} as const;

/** simConfig keys that influence network creation (checked by `spikegpu create`). */
export const NETWORK_SIM_KEYS = new Set([
  'duration',
  'tstop',
  'dt',
  'seeds',
  'rand123GlobalIndex',
  'includeParamsLabel',
  'connRandomSecFromList',
  'distributeSynsUniformly',
  'pt3dRelativeToCellLocation',
  'invertedYCoord',
  'allowSelfConns',
  'allowConnsWithWeight0',
  'oneSynPerNetcon',
  'createNEURONObj',
  'createPyStruct',
  'addSynMechs',
  'random123',
  'netpyneQuirks',
]);

/**
 * NetPyNE options spikegpu does not implement: which values it can take, and why. A spec that
 * sets another value is refused (never silently run differently), or, for options that change
 * nothing spikegpu computes or writes (severity 'warning'), warned about and ignored.
 */
export const UNSUPPORTED_SIM_OPTIONS: Record<string, { allowed: (v: unknown) => boolean; reason: string; severity?: 'warning' }> = {
  coreneuron: { allowed: off, reason: 'CoreNEURON is a NEURON backend; spikegpu runs its own CPU and WebGPU backends' },
  dump_coreneuron_model: { allowed: off, reason: 'CoreNEURON model dumps are not supported' },
  gpu: { allowed: off, reason: "this is CoreNEURON's GPU switch; spikegpu selects its backend with --backend" },
  cvode_active: { allowed: off, reason: 'variable time step (CVODE) is not supported: spikegpu integrates with fixed-step implicit Euler' },
  createNEURONObj: { allowed: (v) => v === true, reason: 'createNEURONObj: false (structure without simulation objects) is not supported yet' },
  createPyStruct: { allowed: (v) => v === true, reason: 'createPyStruct: false is not supported yet' },
  addSynMechs: { allowed: (v) => v === true, reason: 'addSynMechs: false is not supported yet' },
  compactConnFormat: { allowed: off, reason: 'the compact connection format is not supported yet' },
  recordLFP: { allowed: off, reason: 'LFP recording is not supported yet' },
  recordDipole: { allowed: off, reason: 'dipole recording is not supported yet' },
  recordDipolesHNN: { allowed: off, reason: 'HNN dipole recording is not supported yet' },
  saveIMembrane: { allowed: off, reason: 'membrane current recording is not supported yet' },
  saveLFPCells: { allowed: off, reason: 'LFP recording is not supported yet' },
  saveLFPPops: { allowed: off, reason: 'LFP recording is not supported yet' },
  saveDipoleCells: { allowed: off, reason: 'dipole recording is not supported yet' },
  saveDipolePops: { allowed: off, reason: 'dipole recording is not supported yet' },
  savePickle: { allowed: off, reason: 'pickle output is not supported yet; use saveJson' },
  saveMat: { allowed: off, reason: 'MATLAB output is not supported yet; use saveJson' },
  saveCSV: { allowed: off, reason: 'CSV output is not supported yet; use saveJson' },
  saveDpk: { allowed: off, reason: 'dpk output is not supported yet; use saveJson' },
  saveHDF5: { allowed: off, reason: 'HDF5 output is not supported yet; use saveJson' },
  backupCfgFile: { allowed: off, severity: 'warning', reason: "ignored: NetPyNE copies its Python cfg file there; spikegpu's spec is the JSON it was given" },
  saveTiming: { allowed: off, severity: 'warning', reason: 'ignored: NetPyNE pickles its timing data to timing.pkl; spikegpu prints its timings' },
};

/** Off in NetPyNE's reading of it (False, 0, None, [] ...). */
function off(value: unknown): boolean {
  return !pyTruthy(value);
}

/** hParams keys spikegpu understands. */
export const H_PARAMS = new Set(['celsius', 'v_init', 'clamp_resist', 'usetable_hh']);
