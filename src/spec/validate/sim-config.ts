import { isPlainObject } from '../deep-ordered.ts';
import { type Diagnostics, didYouMean, joinPath } from '../diagnostics.ts';
import { check } from '../schema/helpers.ts';
import { H_PARAMS, NETWORK_SIM_KEYS, SAVED_DATA_PARTS, simConfigSchemas, UNSUPPORTED_SIM_OPTIONS } from '../schema/sim-config.ts';
import type { SimConfigData } from '../types.ts';
import { checkConds } from './conds.ts';
import type { SpecIndex } from './spec-index.ts';

export type ValidationScope = 'network' | 'all';

/** Analysis functions NetPyNE documents; none is implemented in this version. */
const ANALYSIS_FUNCTIONS = [
  'plotRaster',
  'iplotRaster',
  'plotSpikeHist',
  'plotSpikeStats',
  'plotRatePSD',
  'plotTraces',
  'plotLFP',
  'plotShape',
  'plotConn',
  'plot2Dnet',
  'nTE',
  'granger',
  'plotRates',
  'plotSyncs',
  'plotRateSpectrogram',
  'plotDipole',
  'plotCSD',
];

export function checkSimConfig(cfg: SimConfigData, index: SpecIndex, scope: ValidationScope, diagnostics: Diagnostics, cfgUsed: ReadonlySet<string>): void {
  const schemas = simConfigSchemas as Record<string, Parameters<typeof check>[0]>;
  for (const [key, value] of Object.entries(cfg)) {
    if (scope === 'network' && !NETWORK_SIM_KEYS.has(key)) continue;
    const path = joinPath('simConfig', key);
    const schema = Object.hasOwn(schemas, key) ? schemas[key] : undefined;
    if (!schema) {
      if (scope === 'all' && !cfgUsed.has(key))
        diagnostics.warning(path, value, `not a NetPyNE simConfig option${didYouMean(key, Object.keys(schemas))}; kept as a user attribute, with no effect`);
      continue;
    }
    if (!check(schema, value, path, diagnostics)) continue;
    const unsupported = Object.hasOwn(UNSUPPORTED_SIM_OPTIONS, key) ? UNSUPPORTED_SIM_OPTIONS[key] : undefined;
    if (unsupported && !unsupported.allowed(value)) diagnostics[unsupported.severity ?? 'error'](path, value, unsupported.reason);
  }
  if (cfg.oneSynPerNetcon === false && Object.keys(index.net.subConnParams ?? {}).length > 0) {
    diagnostics.error('simConfig.oneSynPerNetcon', false, 'shared synapses (oneSynPerNetcon: false) together with subConnParams are not supported yet');
  }
  if (scope === 'network') return;
  for (const [key, value] of Object.entries(cfg.hParams ?? {})) {
    if (!H_PARAMS.has(key))
      diagnostics.error(
        joinPath('simConfig.hParams', key),
        value,
        `unsupported NEURON global${didYouMean(key, [...H_PARAMS])} (supported: ${[...H_PARAMS].join(', ')})`,
      );
  }
  (cfg.saveDataInclude ?? []).forEach((part, i) => {
    if (!(SAVED_DATA_PARTS as readonly string[]).includes(part))
      diagnostics.warning(
        `simConfig.saveDataInclude[${i}]`,
        part,
        `ignored, as NetPyNE ignores it${didYouMean(part, SAVED_DATA_PARTS)} (parts: ${SAVED_DATA_PARTS.join(', ')})`,
      );
  });
  if (cfg.recordStep < cfg.dt) diagnostics.error('simConfig.recordStep', cfg.recordStep, `expected recordStep >= dt (${cfg.dt} ms)`);
  if (cfg.use_fast_imem) diagnostics.warning('simConfig.use_fast_imem', true, 'has no effect: membrane currents are not recorded yet');
  checkRecording(cfg, index, diagnostics);
  for (const [name, options] of Object.entries(cfg.analysis ?? {})) {
    const path = joinPath('simConfig.analysis', name);
    if (!ANALYSIS_FUNCTIONS.includes(name)) diagnostics.error(path, options, `unknown analysis function${didYouMean(name, ANALYSIS_FUNCTIONS)}`);
  }
}

function checkRecording(cfg: SimConfigData, index: SpecIndex, diagnostics: Diagnostics): void {
  // sim/utils.py getCellsList: a pop label must exist (sim.net.pops[label]); [pop, index] of an
  // undefined pop selects nothing
  const checkSelectors = (list: unknown, path: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((sel, i) => {
      const pop = typeof sel === 'string' ? sel : Array.isArray(sel) ? sel[0] : undefined;
      if (typeof pop !== 'string' || pop === 'all' || pop === 'allCells' || index.pops.includes(pop)) return;
      const message = `undefined population${didYouMean(pop, index.pops)}`;
      if (typeof sel === 'string') diagnostics.error(`${path}[${i}]`, sel, message);
      else diagnostics.warning(`${path}[${i}]`, sel, `${message}: selects no cell (NetPyNE accepts it)`);
    });
  };
  checkSelectors(cfg.recordCells, 'simConfig.recordCells');
  checkSelectors(cfg.recordCellsSpikes, 'simConfig.recordCellsSpikes');
  for (const [name, trace] of Object.entries(cfg.recordTraces ?? {})) {
    const path = joinPath('simConfig.recordTraces', name);
    if (!isPlainObject(trace)) {
      // the schema reports it, except under a key zod skips ('__proto__')
      if (!diagnostics.list.some((d) => d.path === path)) diagnostics.error(path, trace, 'expected a trace {sec, loc, var, ...}');
      continue;
    }
    const known = ['sec', 'loc', 'var', 'mech', 'synMech', 'stim', 'pointp', 'index', 'conds'];
    for (const key of Object.keys(trace))
      if (!known.includes(key))
        diagnostics.error(joinPath(path, key), (trace as unknown as Record<string, unknown>)[key], `unknown key in a trace${didYouMean(key, known)}`);
    checkConds(trace.conds, joinPath(path, 'conds'), index, diagnostics, 'rule');
  }
}
