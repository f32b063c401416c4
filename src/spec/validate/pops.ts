import { canonicalParam } from '../catalog.ts';
import { type Diagnostics, didYouMean, joinPath } from '../diagnostics.ts';
import { check } from '../schema/helpers.ts';
import { popEntry } from '../schema/net-params.ts';
import { mechanismRange, POP_RANGES, range } from '../schema/ranges.ts';
import type { CellParams, PopParams } from '../types.ts';
import { checkRange } from './ranges.ts';
import type { SpecIndex } from './spec-index.ts';

/** Keys of a population that are not parameters of its cells (NetPyNE pop.py excludeTags). */
export const POP_STRUCTURE_KEYS = [
  'pop',
  'cellModel',
  'cellType',
  'numCells',
  'density',
  'cellsList',
  'gridSpacing',
  'xRange',
  'yRange',
  'zRange',
  'xnormRange',
  'ynormRange',
  'znormRange',
  'vref',
  'spkTimes',
  'dynamicRates',
];
const SIZE_KEYS = ['cellsList', 'numCells', 'density', 'gridSpacing'];

/** NetPyNE's own point-cell parameters, beyond the NEURON object's (cell/pointCell.py). */
export const POINT_CELL_EXTRAS: Record<string, string[]> = {
  NetStim: ['rate', 'seed'],
  VecStim: ['rate', 'interval', 'noise', 'start', 'seed', 'spkTimes', 'pulses', 'spikePattern'],
  IntFire1: [],
  IntFire2: [],
  IntFire4: [],
};

const UNSUPPORTED_POP_KEYS: Record<string, string> = {
  dynamicRates: 'time-varying NetStim rates (dynamicRates) are not supported yet',
  originalFormat: 'NeuroML-imported populations (originalFormat) are not supported',
  rates: 'time-varying NetStim rates (rates) are not supported yet',
};

export function checkPops(index: SpecIndex, diagnostics: Diagnostics): void {
  const pops = index.net.popParams ?? {};
  for (const [label, pop] of Object.entries(pops) as [string, PopParams][]) {
    const path = joinPath('netParams.popParams', label);
    if (!check(popEntry, pop, path, diagnostics)) continue;
    checkSize(pop, path, diagnostics);
    checkRange(pop.density, POP_RANGES.density, joinPath(path, 'density'), diagnostics);
    for (const [key, reason] of Object.entries(UNSUPPORTED_POP_KEYS)) if (key in pop) diagnostics.error(joinPath(path, key), pop[key], reason);
    if (index.isPointPop(pop)) checkPointPop(pop, path, index, diagnostics);
    else checkCompartmentPop(pop, path, index, diagnostics);
  }
}

function checkSize(pop: PopParams, path: string, diagnostics: Diagnostics): void {
  const given = SIZE_KEYS.filter((k) => pop[k] !== undefined);
  if (given.length === 0) {
    diagnostics.warning(path, undefined, 'no numCells, density, gridSpacing or cellsList: NetPyNE creates a single cell (numCells = 1)');
  } else if (given.length > 1) {
    diagnostics.warning(
      joinPath(path, given[1]),
      pop[given[1]],
      `ignored: '${given[0]}' takes precedence (NetPyNE order cellsList > numCells > density > gridSpacing)`,
    );
  }
  if (pop.diversity && given[0] === 'gridSpacing') {
    diagnostics.error(
      joinPath(path, 'diversity'),
      pop.diversity,
      "diversity of a gridSpacing population is not supported yet (NetPyNE shuffles its fractions with numpy's default_rng)",
    );
  }
  if (typeof pop.density === 'string' && !['xnorm', 'ynorm', 'znorm'].some((c) => pop[`${c}Range`] !== undefined || pop[`${c[0]}Range`] !== undefined)) {
    diagnostics.error(joinPath(path, 'density'), pop.density, 'a density function needs the range of its coordinate (e.g. ynormRange or yRange)');
  }
}

function checkCompartmentPop(pop: PopParams, path: string, index: SpecIndex, diagnostics: Diagnostics): void {
  const model = index.cellModelOf(pop);
  const info = model === undefined ? undefined : index.catalog.get(model);
  if (info && !info.kinds.includes('artificialCell')) {
    diagnostics.error(
      joinPath(path, 'cellModel'),
      model,
      `${model} is not an artificial cell; use it as a point process in cellParams secs.<sec>.pointps, or choose one of ${index.catalog.ofKind('artificialCell').join(', ')}`,
    );
  }
  const rules = index.net.cellParams ?? {};
  const rulesByConds = Object.values(rules).some((r) => (r as CellParams)?.conds && Object.keys((r as CellParams).conds!).length > 0);
  if (pop.cellType === undefined) {
    if (!rulesByConds)
      diagnostics.error(
        path,
        undefined,
        'missing cellType: a population needs a cellType with a cellParams rule, or an artificial cellModel (NetStim, VecStim, IntFire1, IntFire2, IntFire4)',
      );
  } else if (!(pop.cellType in rules) && !rulesByConds) {
    diagnostics.error(
      joinPath(path, 'cellType'),
      pop.cellType,
      `references undefined cellType: no cellParams rule has this label${didYouMean(pop.cellType, Object.keys(rules))}`,
    );
  }
  const copied = new Set((index.net.popTagsCopiedToCells ?? []).map(String));
  for (const key of Object.keys(pop)) {
    if (POP_STRUCTURE_KEYS.includes(key) || Object.hasOwn(UNSUPPORTED_POP_KEYS, key) || copied.has(key) || ['xRange', 'params', 'diversity'].includes(key))
      continue;
    diagnostics.error(
      joinPath(path, key),
      pop[key],
      `unknown key in a population of compartmental cells${didYouMean(key, [...POP_STRUCTURE_KEYS, ...copied])}`,
    );
  }
  if (pop.spkTimes !== undefined) diagnostics.error(joinPath(path, 'spkTimes'), pop.spkTimes, 'spkTimes needs cellModel VecStim');
}

/** The low end of a drawn rate [lo, hi]: the draw lies above it. */
const RATE_LOW = range(0, false, 1e300, 'a rate >= 0 Hz', 'each cell draws a rate above it (uniform(lo, hi)), which must be > 0');

function checkPointPop(pop: PopParams, path: string, index: SpecIndex, diagnostics: Diagnostics): void {
  const model = index.cellModelOf(pop)!;
  const info = index.catalog.get(model)!;
  const known = [...Object.keys(info.params), ...(POINT_CELL_EXTRAS[model] ?? [])];
  const copied = new Set((index.net.popTagsCopiedToCells ?? []).map(String));
  const params = pop.params && typeof pop.params === 'object' ? pop.params : pop;
  const paramsPath = params === pop ? path : joinPath(path, 'params');
  for (const [key, value] of Object.entries(params)) {
    if (params === pop && (POP_STRUCTURE_KEYS.includes(key) || Object.hasOwn(UNSUPPORTED_POP_KEYS, key) || copied.has(key) || key === 'params')) continue;
    if (!known.includes(key) && !canonicalParam(info, key)) {
      diagnostics.error(joinPath(paramsPath, key), value, `${model} has no parameter '${key}'${didYouMean(key, known)} (known: ${known.join(', ') || 'none'})`);
    } else if (key === 'rate' && Array.isArray(value) && value.length === 2) {
      // [lo, hi]: each cell draws uniform(lo, hi) (pointCell.py), above lo: lo may be 0
      checkRange(value[0], RATE_LOW, joinPath(joinPath(paramsPath, key), 0), diagnostics);
      checkRange(value[1], mechanismRange(model, 'rate'), joinPath(joinPath(paramsPath, key), 1), diagnostics);
    } else {
      checkRange(value, mechanismRange(model, canonicalParam(info, key) ?? key), joinPath(paramsPath, key), diagnostics);
    }
  }
  const pulses = params.pulses ?? pop.pulses;
  if (model === 'VecStim' && Array.isArray(pulses)) {
    const pulsesPath = joinPath(params.pulses === undefined ? path : paramsPath, 'pulses');
    pulses.forEach((pulse, i) => {
      for (const key of ['rate', 'interval', 'noise'] as const)
        checkRange(pulse?.[key], mechanismRange(model, key), joinPath(joinPath(pulsesPath, i), key), diagnostics);
    });
  }
  const spkTimes = pop.spkTimes ?? params.spkTimes;
  if (model === 'VecStim' && Array.isArray(pop.cellsList)) {
    // pop.py createCellsList copies every entry's spkTimes into the cell's params (KeyError without)
    pop.cellsList.forEach((cell, i) => {
      if (!Array.isArray(cell?.spkTimes))
        diagnostics.error(
          `${joinPath(path, 'cellsList')}[${i}].spkTimes`,
          cell?.spkTimes,
          'expected a list of spike times [ms]: NetPyNE reads spkTimes from every cellsList entry of a VecStim population',
        );
    });
  } else if (model === 'VecStim') {
    const sources = ['rate', 'interval', 'spikePattern', 'spkTimes'].filter((k) => params[k] !== undefined || pop[k] !== undefined);
    if (sources.length === 0) diagnostics.error(path, undefined, 'VecStim needs spkTimes, rate, interval or spikePattern');
    if (params.rate !== undefined && params.interval !== undefined)
      diagnostics.warning(joinPath(paramsPath, 'interval'), params.interval, 'ignored: rate takes precedence (interval = 1000/rate)');
  } else if (spkTimes !== undefined) {
    diagnostics.error(joinPath(path, 'spkTimes'), spkTimes, `spkTimes needs cellModel VecStim, not ${model}`);
  }
  if (Array.isArray(params.rate) && model !== 'NetStim' && model !== 'VecStim') {
    diagnostics.error(joinPath(paramsPath, 'rate'), params.rate, 'a rate range [lo, hi] is only defined for NetStim and VecStim');
  }
}
