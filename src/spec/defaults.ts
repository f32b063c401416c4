import { orderedDict } from './ordered-dict.ts';
import type { NetParamsData, NetpyneQuirks, SimConfigData } from './types.ts';

// NetPyNE 1.1.0 defaults (specs/netParams.py NetParams.__init__, specs/simConfig.py
// SimConfig.__init__), in NetPyNE's attribute order. Fresh objects on every call.

export function defaultNetParams(): NetParamsData {
  return {
    scale: 1,
    sizeX: 100, // [um]
    sizeY: 100, // [um]
    sizeZ: 100, // [um]
    shape: 'cuboid',
    rotateCellsRandomly: false,
    defineCellShapes: false,
    correctBorder: false,
    cellsVisualizationSpacingMultiplier: [1, 1, 1],
    scaleConnWeight: 1,
    scaleConnWeightNetStims: 1,
    scaleConnWeightModels: false,
    defaultWeight: 1,
    defaultDelay: 1, // [ms]
    defaultThreshold: 10, // [mV]
    propVelocity: 500.0, // [um/ms]
    mapping: {},
    cellParams: orderedDict(),
    popParams: orderedDict(),
    popTagsCopiedToCells: ['cellModel', 'cellType'],
    synMechParams: orderedDict(),
    connParams: orderedDict(),
    subConnParams: orderedDict(),
    stimSourceParams: orderedDict(),
    stimTargetParams: orderedDict(),
    rxdParams: {},
  };
}

export function defaultQuirks(): NetpyneQuirks {
  return { sharedNetStimStream: true, ignorePopStringParams: true, distNormSqrtBug: true, poissonPatternDropsFirst: true };
}

export function defaultSimConfig(): SimConfigData {
  return {
    duration: 1000.0, // [ms]
    tstop: 1000.0, // [ms] alias of duration
    dt: 0.025, // [ms]
    hParams: { celsius: 6.3, v_init: -65.0, clamp_resist: 0.001 },
    coreneuron: false,
    dump_coreneuron_model: false,
    random123: false,
    cache_efficient: false,
    gpu: false,
    cvode_active: false,
    use_fast_imem: false,
    cvode_atol: 0.001,
    seeds: { conn: 1, stim: 1, loc: 1, cell: 1 },
    rand123GlobalIndex: null,
    createNEURONObj: true,
    createPyStruct: true,
    addSynMechs: true,
    includeParamsLabel: true,
    gatherOnlySimData: false,
    compactConnFormat: false,
    connRandomSecFromList: true,
    distributeSynsUniformly: true,
    pt3dRelativeToCellLocation: true,
    invertedYCoord: true,
    allowSelfConns: false,
    allowConnsWithWeight0: true,
    oneSynPerNetcon: true,
    saveCellSecs: true,
    saveCellConns: true,
    timing: true,
    saveTiming: false,
    printRunTime: false,
    printPopAvgRates: false,
    printSynsAfterRule: false,
    verbose: false,
    progressBar: 2,
    recordCells: [],
    recordTraces: orderedDict(),
    recordCellsSpikes: -1,
    recordStim: false,
    recordLFP: [],
    recordDipole: false,
    recordDipolesHNN: false,
    saveIMembrane: false,
    saveLFPCells: false,
    saveLFPPops: false,
    saveDipoleCells: false,
    saveDipolePops: false,
    recordStep: 0.1, // [ms]
    recordTime: true,
    simLabel: '',
    saveFolder: '',
    filename: 'model_output',
    saveDataInclude: ['netParams', 'netCells', 'netPops', 'simConfig', 'simData'],
    timestampFilename: false,
    savePickle: false,
    saveJson: false,
    saveMat: false,
    saveCSV: false,
    saveDpk: false,
    saveHDF5: false,
    saveDat: false,
    backupCfgFile: [],
    validateNetParams: false,
    analysis: orderedDict(),
    netpyneQuirks: defaultQuirks(),
  };
}
