import {
  cellParamContext,
  cellVarsContext,
  compileExpression,
  connContext,
  densityContext,
  type ExprContext,
  ExprError,
  pointCellContext,
  stimContext,
  synMechContext,
} from '../expr/index.ts';
import {
  type CellParams,
  type Diagnostics,
  isPlainObject,
  joinPath,
  type NetParamsData,
  numericNetParams,
  POINTP_RESERVED_KEYS,
  POP_STRUCTURE_KEYS,
  type SectionParams,
  STIM_STRING_FUNC_PARAMS,
  SYNMECH_RESERVED_KEYS,
} from '../spec/index.ts';

const CONN_PARAMS: Array<[string, 'pair' | 'post' | 'pre']> = [
  ['weight', 'pair'],
  ['delay', 'pair'],
  ['synsPerConn', 'pair'],
  ['loc', 'pair'],
  ['probability', 'pair'],
  ['convergence', 'post'],
  ['divergence', 'pre'],
];
const STIM_FUNC_PARAMS = new Set(STIM_STRING_FUNC_PARAMS);

/** The entries of `v` whose values are objects (the rest are reported by the schema and cannot hold functions to check). */
function objects<T>(v: unknown): Array<[string, T]> {
  return isPlainObject(v) ? (Object.entries(v).filter(([, x]) => isPlainObject(x)) as Array<[string, T]>) : [];
}

/**
 * Parses and checks every string function of the spec against the variables of its site,
 * reporting each problem (with the column) under the function's JSON path.
 */
export function checkStringFunctions(net: NetParamsData, diagnostics: Diagnostics): void {
  const constants = numericNetParams(net);
  const check = (source: unknown, path: string, context: ExprContext) => {
    if (typeof source !== 'string') return null;
    try {
      return compileExpression(source, context);
    } catch (e) {
      if (e instanceof ExprError) diagnostics.error(path, source, e.message.split('\n')[0]);
      else throw e;
      return null;
    }
  };
  for (const [label, rule] of objects<CellParams>(net.cellParams)) {
    const base = joinPath('netParams.cellParams', label);
    for (const [name, v] of Object.entries(rule.vars ?? {})) check(v, joinPath(joinPath(base, 'vars'), name), cellVarsContext(constants));
    const context = cellParamContext(Object.keys(rule.vars ?? {}), constants);
    for (const [secName, sec] of objects<SectionParams>(rule.secs)) {
      const secPath = joinPath(joinPath(base, 'secs'), secName);
      for (const [p, v] of Object.entries(sec.geom ?? {})) check(v, joinPath(joinPath(secPath, 'geom'), p), context);
      for (const [mech, params] of objects<Record<string, unknown>>(sec.mechs)) {
        for (const [p, v] of Object.entries(params)) check(v, joinPath(joinPath(joinPath(secPath, 'mechs'), mech), p), context);
      }
      for (const [pp, params] of objects<Record<string, unknown>>(sec.pointps)) {
        for (const [p, v] of Object.entries(params)) {
          if (!POINTP_RESERVED_KEYS.includes(p) && !p.startsWith('_') && v !== 'gid')
            check(v, joinPath(joinPath(joinPath(secPath, 'pointps'), pp), p), context);
        }
      }
    }
    for (const [p, v] of Object.entries(rule.params ?? {})) check(v, joinPath(joinPath(base, 'params'), p), pointCellContext(constants));
  }
  for (const [label, pop] of objects<Record<string, unknown> & { density?: unknown; params?: unknown }>(net.popParams)) {
    const base = joinPath('netParams.popParams', label);
    const density = check(pop.density, joinPath(base, 'density'), densityContext(constants));
    if (density && density.variables.length !== 1)
      diagnostics.error(joinPath(base, 'density'), pop.density, 'a density function must use exactly one of xnorm, ynorm, znorm');
    const params = pop.params && typeof pop.params === 'object' ? pop.params : pop;
    for (const [p, v] of Object.entries(params)) {
      if (params === pop && POP_STRUCTURE_KEYS.includes(p)) continue;
      if (['density', 'cellType', 'cellModel', 'params', 'spikePattern'].includes(p)) continue;
      check(v, joinPath(params === pop ? base : joinPath(base, 'params'), p), pointCellContext(constants));
    }
  }
  for (const [label, mech] of objects<Record<string, unknown>>(net.synMechParams)) {
    for (const [p, v] of Object.entries(mech))
      if (!SYNMECH_RESERVED_KEYS.includes(p)) check(v, joinPath(joinPath('netParams.synMechParams', label), p), synMechContext(constants));
  }
  for (const [label, rule] of objects<Record<string, unknown>>(net.connParams)) {
    const base = joinPath('netParams.connParams', label);
    for (const [p, scope] of CONN_PARAMS) {
      const v = (rule as unknown as Record<string, unknown>)[p];
      check(v, joinPath(base, p), connContext(p, scope, constants));
      if (Array.isArray(v) && v.some((x) => typeof x === 'string'))
        diagnostics.error(joinPath(base, p), v, 'string functions inside lists are not supported (NetPyNE passes them to NEURON unevaluated)');
    }
  }
  const checkStimParams = (params: Record<string, unknown>, base: string, skip: string[]) => {
    for (const [p, v] of Object.entries(params)) {
      if (skip.includes(p) || typeof v !== 'string' || v === 'variable') continue;
      if (STIM_FUNC_PARAMS.has(p)) check(v, joinPath(base, p), stimContext(p, constants));
      else
        diagnostics.error(
          joinPath(base, p),
          v,
          `string functions are not evaluated for '${p}' (NetPyNE evaluates them for ${[...STIM_FUNC_PARAMS].join(', ')})`,
        );
    }
  };
  for (const [label, source] of objects<Record<string, unknown>>(net.stimSourceParams))
    checkStimParams(source, joinPath('netParams.stimSourceParams', label), ['type']);
  for (const [label, target] of objects<Record<string, unknown>>(net.stimTargetParams))
    checkStimParams(target as unknown as Record<string, unknown>, joinPath('netParams.stimTargetParams', label), ['source', 'sec', 'synMech', 'conds']);
}
