// NetPyNE 1.1 netParams / simConfig, field for field, with NetPyNE's names. Strings in
// numeric positions are "functions as strings" (see expr/). Label-keyed collections are
// insertion-ordered (OrderedDict) because their order fixes gids and random streams.

import type { OrderedDict } from './ordered-dict.ts';

/** A Python expression evaluated per cell, pair or synapse, e.g. '0.4*exp(-dist_3D/200)'. */
export type StringFunction = string;
export type NumOrFunc = number | StringFunction;
export type Range = [number, number];
export type Point3D = [number, number, number, number];

/** Cell selection: tag equality, membership (list) or [lo, hi) location ranges. */
export interface Conds {
  pop?: string | string[];
  cellType?: string | string[];
  cellModel?: string | string[];
  x?: Range;
  y?: Range;
  z?: Range;
  xnorm?: Range;
  ynorm?: Range;
  znorm?: Range;
  [tag: string]: unknown;
}

export interface StimConds extends Conds {
  /** Indices into the ascending gids of the cells matching the other conds, or 'all'. */
  cellList?: number[] | 'all';
}

// ----------------------------------------------------------------------------- populations

export interface SpikePattern {
  type: 'rhythmic' | 'evoked' | 'poisson' | 'gauss';
  sync?: boolean;
  start?: number;
  startMin?: number;
  startMax?: number;
  startStd?: number;
  freq?: number;
  freqStd?: number;
  distribution?: 'normal' | 'uniform';
  eventsPerCycle?: number;
  repeats?: number;
  stop?: number;
  tstop?: number;
  numspikes?: number;
  frequency?: number;
  mu?: number;
  sigma?: number;
}

export interface VecStimPulse {
  start: number;
  end: number;
  rate?: number | Range;
  interval?: number;
  noise?: number;
}

/** Parameters of artificial (point) cells; unknown keys are the NEURON object's own parameters. */
export interface PointCellParams {
  rate?: NumOrFunc | Range;
  interval?: NumOrFunc;
  noise?: NumOrFunc;
  start?: NumOrFunc;
  number?: NumOrFunc;
  seed?: number;
  spkTimes?: number[] | number[][];
  pulses?: VecStimPulse[];
  spikePattern?: SpikePattern;
  [param: string]: unknown;
}

export interface PopParams extends PointCellParams {
  cellType?: string;
  cellModel?: string;
  numCells?: number;
  density?: NumOrFunc;
  gridSpacing?: number | [number, number, number];
  cellsList?: Array<Record<string, unknown>>;
  xRange?: Range;
  yRange?: Range;
  zRange?: Range;
  xnormRange?: Range;
  ynormRange?: Range;
  znormRange?: Range;
  diversity?: boolean;
  dynamicRates?: { rates: number[] | number[][]; times: number[] };
  params?: PointCellParams;
  vref?: string;
  originalFormat?: string;
}

// ----------------------------------------------------------------------------- cells

export interface Topology {
  parentSec?: string;
  parentX?: number;
  childX?: number;
}

export interface Geometry {
  L?: NumOrFunc;
  diam?: NumOrFunc;
  Ra?: NumOrFunc;
  cm?: NumOrFunc;
  nseg?: NumOrFunc;
  pt3d?: Point3D[];
}

export interface PointProcessParams {
  mod: string;
  loc?: number;
  vref?: string;
  synList?: string[];
  [param: string]: unknown;
}

export interface SectionParams {
  geom?: Geometry;
  topol?: Topology;
  mechs?: OrderedDict<Record<string, NumOrFunc | number[] | null>>;
  ions?: OrderedDict<{ e?: number; i?: number; o?: number }>;
  pointps?: OrderedDict<PointProcessParams>;
  spikeGenLoc?: number;
  vinit?: number;
  threshold?: number;
  weightNorm?: number[];
}

export interface CellParams {
  conds?: Conds;
  secs?: OrderedDict<SectionParams>;
  secLists?: OrderedDict<string[]>;
  vars?: OrderedDict<NumOrFunc>;
  globals?: Record<string, number>;
  diversityFraction?: number;
  cellModel?: string;
  params?: PointCellParams;
}

// ----------------------------------------------------------------------------- synapses, connections

export interface SynMechParams {
  mod: string;
  loc?: number;
  selfNetCon?: Record<string, unknown>;
  pointerParams?: Record<string, unknown>;
  [param: string]: unknown;
}

export type PerSynMech<T> = T | T[];

export interface ConnParams {
  preConds: Conds;
  postConds: Conds;
  connFunc?: 'fullConn' | 'probConn' | 'convConn' | 'divConn' | 'fromListConn';
  probability?: NumOrFunc;
  convergence?: NumOrFunc;
  divergence?: NumOrFunc;
  connList?: Array<[number, number]>;
  synMech?: string | string[];
  weight?: PerSynMech<NumOrFunc> | number[][];
  delay?: PerSynMech<NumOrFunc> | number[][];
  loc?: PerSynMech<NumOrFunc> | number[][];
  synsPerConn?: PerSynMech<NumOrFunc>;
  sec?: string | string[];
  synMechWeightFactor?: number[];
  synMechDelayFactor?: number[];
  synMechLocFactor?: number[];
  distributeSynsUniformly?: boolean;
  connRandomSecFromList?: boolean;
  shape?: Record<string, unknown>;
  plast?: Record<string, unknown>;
  weightIndex?: number;
  gapJunction?: boolean;
  preSec?: string | string[];
  preLoc?: number | number[];
  disynapticBias?: number | null;
  threshold?: number;
}

export interface SubConnDensity {
  type: '1Dmap' | '2Dmap' | 'distance';
  gridX?: number[];
  gridY?: number[];
  gridValues?: number[] | number[][];
  fixedSomaY?: number;
  ref_sec?: string;
  ref_seg?: number;
  target_distance?: number;
  coord?: 'cartesian';
}

export interface SubConnParams {
  preConds: Conds;
  postConds: Conds;
  groupSynMechs?: string[];
  sec?: string | string[];
  density: 'uniform' | SubConnDensity;
}

// ----------------------------------------------------------------------------- stimulation

export interface StimSourceParams {
  type: string;
  [param: string]: unknown;
}

export interface StimTargetParams {
  source: string;
  conds: StimConds;
  sec?: string | string[] | null;
  loc?: NumOrFunc | number[] | null;
  synMech?: string | string[] | null;
  weight?: PerSynMech<NumOrFunc>;
  delay?: PerSynMech<NumOrFunc>;
  synsPerConn?: NumOrFunc;
  synMechWeightFactor?: number[];
  synMechDelayFactor?: number[];
  synMechLocFactor?: number[];
}

// ----------------------------------------------------------------------------- netParams

export interface NetParamsData {
  scale: number;
  sizeX: number;
  sizeY: number;
  sizeZ: number;
  shape: 'cuboid' | 'cylinder' | 'ellipsoid';
  rotateCellsRandomly: boolean | Range;
  defineCellShapes: boolean;
  correctBorder: false | { threshold: [number, number, number]; xborders?: Range; yborders?: Range; zborders?: Range };
  cellsVisualizationSpacingMultiplier: [number, number, number];
  scaleConnWeight: number;
  scaleConnWeightNetStims: number;
  scaleConnWeightModels: false | Record<string, number>;
  defaultWeight: number;
  defaultDelay: number;
  defaultThreshold: number;
  propVelocity: number;
  mapping: Record<string, string | string[]>;
  popTagsCopiedToCells: string[];
  cellParams: OrderedDict<CellParams>;
  popParams: OrderedDict<PopParams>;
  synMechParams: OrderedDict<SynMechParams>;
  connParams: OrderedDict<ConnParams>;
  subConnParams: OrderedDict<SubConnParams>;
  stimSourceParams: OrderedDict<StimSourceParams>;
  stimTargetParams: OrderedDict<StimTargetParams>;
  rxdParams: Record<string, unknown>;
  /** User-added attributes; numeric ones are variables in connection and stimulation string functions. */
  [attribute: string]: unknown;
}

// ----------------------------------------------------------------------------- simConfig

export type CellSelector = number | string | [string, number | number[]];

export interface TraceSpec {
  sec?: string;
  loc?: number;
  var: string;
  mech?: string;
  synMech?: string;
  stim?: string;
  pointp?: string;
  index?: number;
  conds?: Conds;
}

/**
 * spikegpu's switches for behaviour where NetPyNE 1.1 deviates from what its documentation
 * intends. `true` (default) reproduces NetPyNE exactly; `false` does the intended thing.
 */
export interface NetpyneQuirks {
  /** Every NetStim stim on a cell replays one stream Random123(hashStr('NetStim'), gid, seed). */
  sharedNetStimStream: boolean;
  /** A string function in a point-cell pop's params is ignored when the pop has a cellType. */
  ignorePopStringParams: boolean;
  /** dist_norm3D / dist_norm2D take square roots of raw (signed) y/z differences. */
  distNormSqrtBug: boolean;
  /** The poisson spikePattern drops its first spike. */
  poissonPatternDropsFirst: boolean;
}

export interface SimConfigData {
  duration: number;
  tstop: number;
  dt: number;
  hParams: Record<string, number>;
  coreneuron: boolean;
  dump_coreneuron_model: boolean;
  random123: boolean;
  cache_efficient: boolean;
  gpu: boolean;
  cvode_active: boolean;
  use_fast_imem: boolean;
  cvode_atol: number;
  seeds: { conn: number; stim: number; loc: number; cell: number };
  rand123GlobalIndex: number | null;
  createNEURONObj: boolean;
  createPyStruct: boolean;
  addSynMechs: boolean;
  includeParamsLabel: boolean;
  gatherOnlySimData: boolean;
  compactConnFormat: boolean | string[];
  connRandomSecFromList: boolean;
  distributeSynsUniformly: boolean;
  pt3dRelativeToCellLocation: boolean;
  invertedYCoord: boolean;
  allowSelfConns: boolean;
  allowConnsWithWeight0: boolean;
  oneSynPerNetcon: boolean;
  saveCellSecs: boolean;
  saveCellConns: boolean;
  timing: boolean;
  saveTiming: boolean;
  printRunTime: boolean | number;
  printPopAvgRates: boolean | Range;
  printSynsAfterRule: boolean;
  verbose: boolean;
  progressBar: 0 | 1 | 2;
  recordCells: Array<CellSelector | 'all' | 'allCells'>;
  recordTraces: OrderedDict<TraceSpec>;
  recordCellsSpikes: -1 | CellSelector[];
  recordStim: boolean;
  recordLFP: number[][];
  recordDipole: boolean;
  recordDipolesHNN: boolean | unknown[];
  saveIMembrane: boolean | unknown[];
  saveLFPCells: boolean | unknown[];
  saveLFPPops: boolean | string[];
  saveDipoleCells: boolean | unknown[];
  saveDipolePops: boolean | string[];
  recordStep: number;
  recordTime: boolean;
  simLabel: string;
  saveFolder: string;
  filename: string;
  saveDataInclude: string[];
  timestampFilename: boolean;
  savePickle: boolean;
  saveJson: boolean;
  saveMat: boolean;
  saveCSV: boolean;
  saveDpk: boolean;
  saveHDF5: boolean;
  saveDat: boolean;
  backupCfgFile: string[] | null;
  validateNetParams: boolean;
  analysis: OrderedDict<boolean | Record<string, unknown>>;
  /** spikegpu: NetPyNE quirks to reproduce (default) or correct. */
  netpyneQuirks: NetpyneQuirks;
  /** User-added attributes (NetPyNE cfg objects carry arbitrary fields). */
  [attribute: string]: unknown;
}
