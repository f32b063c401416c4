import { z } from 'zod';
import {
  bool,
  collection,
  flagOr,
  nonNegative,
  nonNegativeInt,
  num,
  numList,
  numOrFunc,
  positive,
  range,
  record,
  str,
  strictObject,
  strOrStrList,
  unit,
} from './helpers.ts';

// Structure of every netParams part. Open-ended parts (mechanism parameters, point-cell
// parameters, stimulus parameters, conds tags) are typed loosely here and checked against the
// mechanism catalog and the defined labels by the semantic pass (validate/*.ts).

const conds = record(z.string(), z.unknown(), { error: 'expected an object of cell conditions' });

const spikePattern = z.looseObject({
  type: z.enum(['rhythmic', 'evoked', 'poisson', 'gauss'], { error: "expected 'rhythmic', 'evoked', 'poisson' or 'gauss'" }),
});

const pulse = strictObject(
  {
    start: num,
    end: num,
    rate: z.union([num, range()], { error: 'expected a rate [Hz] or a range [lo, hi]' }).optional(),
    interval: num.optional(),
    noise: num.optional(),
  },
  'a VecStim pulse',
);

export const popEntry = z.looseObject({
  cellType: str.optional(),
  cellModel: str.optional(),
  numCells: nonNegativeInt.optional(),
  density: z.union([num, z.string()], { error: 'expected a density [cells/mm3] or a string function of xnorm, ynorm or znorm' }).optional(),
  gridSpacing: z.union([positive, z.tuple([positive, positive, positive])], { error: 'expected a spacing [um] or [dx, dy, dz]' }).optional(),
  cellsList: z.array(record(z.string(), z.unknown()), { error: 'expected a list of cell tag objects' }).optional(),
  xRange: range().optional(),
  yRange: range().optional(),
  zRange: range().optional(),
  xnormRange: range().optional(),
  ynormRange: range().optional(),
  znormRange: range().optional(),
  spkTimes: z.union([numList, z.array(numList)], { error: 'expected a list of spike times [ms] or one list per cell' }).optional(),
  pulses: z.array(pulse, { error: 'expected a list of pulses' }).optional(),
  spikePattern: spikePattern.optional(),
  seed: nonNegativeInt.optional(),
  rate: z.union([num, z.string(), range()], { error: 'expected a rate [Hz], a string function or a range [lo, hi]' }).optional(),
  noise: numOrFunc.optional(),
});

const geom = strictObject(
  {
    L: numOrFunc.optional(),
    diam: numOrFunc.optional(),
    Ra: numOrFunc.optional(),
    cm: numOrFunc.optional(),
    nseg: numOrFunc.optional(),
    pt3d: z.array(z.tuple([num, num, num, num]), { error: 'expected a list of [x, y, z, diam] points' }).optional(),
  },
  'section geom',
);

const topol = strictObject({ parentSec: str.optional(), parentX: unit.optional(), childX: unit.optional() }, 'section topol');

const mechParam = z.union([num, z.string(), numList, z.null()], { error: 'expected a number, a string function, a list (one value per segment) or null' });

const section = strictObject(
  {
    geom: geom.optional(),
    topol: topol.optional(),
    mechs: record(z.string(), record(z.string(), mechParam, { error: 'expected an object of mechanism parameters' })).optional(),
    ions: record(z.string(), record(z.string(), z.unknown())).optional(),
    pointps: record(z.string(), z.looseObject({ mod: str, loc: unit.optional(), vref: str.optional(), synList: z.array(str).optional() })).optional(),
    spikeGenLoc: unit.optional(),
    vinit: num.optional(),
    threshold: num.optional(),
    weightNorm: numList.optional(),
    synMechs: z.array(z.unknown()).optional(),
  },
  'a section',
);

export const cellEntry = strictObject(
  {
    conds: conds.optional(),
    secs: collection(section, 'sections').optional(),
    secLists: record(z.string(), z.array(str), { error: 'expected an object of section-name lists' }).optional(),
    vars: record(z.string(), numOrFunc).optional(),
    globals: record(z.string(), num).optional(),
    diversityFraction: unit.optional(),
    cellModel: str.optional(),
    params: record(z.string(), z.unknown()).optional(),
  },
  'a cell rule',
);

export const synMechEntry = z.looseObject({ mod: str });

const perSynMech = z.union([numOrFunc, z.array(z.union([numOrFunc, numList]))], { error: 'expected a number, a string function or a list' });

export const connEntry = strictObject(
  {
    preConds: conds,
    postConds: conds,
    connFunc: z.enum(['fullConn', 'probConn', 'convConn', 'divConn', 'fromListConn']).optional(),
    probability: numOrFunc.optional(),
    convergence: numOrFunc.optional(),
    divergence: numOrFunc.optional(),
    connList: z.array(z.tuple([nonNegativeInt, nonNegativeInt]), { error: 'expected a list of [preIndex, postIndex] pairs' }).optional(),
    synMech: strOrStrList.optional(),
    weight: perSynMech.optional(),
    delay: perSynMech.optional(),
    loc: perSynMech.optional(),
    synsPerConn: z.union([numOrFunc, z.array(numOrFunc)]).optional(),
    sec: strOrStrList.optional(),
    synMechWeightFactor: numList.optional(),
    synMechDelayFactor: numList.optional(),
    synMechLocFactor: numList.optional(),
    distributeSynsUniformly: bool.optional(),
    connRandomSecFromList: bool.optional(),
    shape: z.unknown().optional(),
    plast: z.unknown().optional(),
    weightIndex: nonNegativeInt.optional(),
    gapJunction: z.unknown().optional(),
    preSec: z.unknown().optional(),
    preLoc: z.unknown().optional(),
    disynapticBias: z.unknown().optional(),
    threshold: num.optional(),
  },
  'a connectivity rule',
);

const density = z.union(
  [
    z.literal('uniform'),
    strictObject(
      {
        type: z.enum(['1Dmap', '2Dmap', 'distance']),
        gridX: numList.optional(),
        gridY: numList.optional(),
        gridValues: z.array(z.union([num, numList])).optional(),
        fixedSomaY: num.optional(),
        ref_sec: str.optional(),
        ref_seg: unit.optional(),
        target_distance: nonNegative.optional(),
        coord: z.literal('cartesian').optional(),
      },
      'a subConnParams density',
    ),
  ],
  { error: "expected 'uniform' or {type: '1Dmap' | '2Dmap' | 'distance', ...}" },
);

export const subConnEntry = strictObject(
  { preConds: conds, postConds: conds, groupSynMechs: z.array(str).optional(), sec: strOrStrList.optional(), density },
  'a subcellular connectivity rule',
);

export const stimSourceEntry = z.looseObject({ type: str });

export const stimTargetEntry = strictObject(
  {
    source: str,
    conds,
    sec: z.union([strOrStrList, z.null()]).optional(),
    loc: z.union([numOrFunc, numList, z.null()]).optional(),
    synMech: z.union([strOrStrList, z.null()]).optional(),
    weight: perSynMech.optional(),
    delay: perSynMech.optional(),
    synsPerConn: numOrFunc.optional(),
    synMechWeightFactor: numList.optional(),
    synMechDelayFactor: numList.optional(),
    synMechLocFactor: numList.optional(),
  },
  'a stimulation target',
);

/** Known scalar netParams attributes and their types. */
export const netParamsScalars = {
  _labelid: nonNegativeInt,
  scale: positive,
  sizeX: positive,
  sizeY: positive,
  sizeZ: positive,
  shape: z.enum(['cuboid', 'cylinder', 'ellipsoid'], { error: "expected 'cuboid', 'cylinder' or 'ellipsoid'" }),
  rotateCellsRandomly: flagOr(range(), bool, 'expected true/false or a range [min, max] of radians'),
  defineCellShapes: bool,
  correctBorder: flagOr(
    z.looseObject({ threshold: z.tuple([nonNegative, nonNegative, nonNegative]) }),
    z.literal(false),
    'expected false or {threshold: [x, y, z], ...}',
  ),
  cellsVisualizationSpacingMultiplier: z.tuple([num, num, num]),
  scaleConnWeight: num,
  scaleConnWeightNetStims: num,
  scaleConnWeightModels: flagOr(record(z.string(), num), z.literal(false), 'expected false or {cellModel: factor}'),
  defaultWeight: num,
  defaultDelay: nonNegative,
  defaultThreshold: num,
  propVelocity: positive,
  mapping: record(z.string(), z.unknown()),
  popTagsCopiedToCells: z.array(str),
  rxdParams: record(z.string(), z.unknown()),
} as const;

/** The label-keyed collections; each entry is checked by its semantic pass with the entry schema above. */
export const netParamsCollections = {
  cellParams: cellEntry,
  popParams: popEntry,
  synMechParams: synMechEntry,
  connParams: connEntry,
  subConnParams: subConnEntry,
  stimSourceParams: stimSourceEntry,
  stimTargetParams: stimTargetEntry,
} as const;
