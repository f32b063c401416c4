import { type CompiledExpr, compileExpression, ExprError, ExprRuntimeError, pointCellContext } from '../expr/index.ts';
import { hashStr, NeuronRandom } from '../rng/index.ts';
import {
  type Catalog,
  canonicalParam,
  deepOrdered,
  inRange,
  joinPath,
  mechanismRange,
  type NetParamsData,
  numericNetParams,
  type SimConfigData,
  type ValueRange,
} from '../spec/index.ts';
import { drawnOutOfRange, NetworkBuildError } from './errors.ts';
import { vecStimTrain } from './vecstim.ts';

// Artificial cells (NetStim, VecStim, IntFire1/2/4 populations), as cell/pointCell.py creates them.

export interface PointCellInput {
  cell: number;
  gid: number;
  pop: string;
  /** The pop's cellType, if any (decides where NetPyNE looks up string functions). */
  cellType?: string;
  model: string;
  /** Pop-level params (tags['params']) followed by the cell rule's params, NetPyNE's dict order. */
  params: Record<string, unknown>;
  /** Which params came from the pop (not from cellParams[cellType].params). */
  fromPop: Set<string>;
  position: { x: number; y: number; z: number; xnorm: number; ynorm: number; znorm: number };
}

export interface PointCellResult {
  /** cell.params as NetPyNE holds them, string functions replaced by their values. */
  params: Record<string, unknown>;
  /** Values the NEURON object ends up with (NEURON defaults for parameters left unset). */
  mechParams: Record<string, number>;
  spikeTimes?: Float64Array;
  /** Names of pop-level string parameters NetPyNE ignored (the pop-string quirk). */
  ignoredStrings: string[];
}

export function createPointCell(input: PointCellInput, net: NetParamsData, cfg: SimConfigData, path: string, catalog: Catalog): PointCellResult {
  const info = catalog.get(input.model)!;
  const params: Record<string, unknown> = deepOrdered(input.params);
  const mechParams: Record<string, number> = Object.fromEntries(Object.entries(info.params).map(([k, v]) => [k, v.default as number]));
  const ignoredStrings: string[] = [];
  if (Array.isArray(params.rate) && params.rate.length === 2) {
    const r = new NeuronRandom(hashStr('point_rate'), input.gid, cfg.seeds.stim);
    params.rate = r.uniform(params.rate[0] as number, params.rate[1] as number);
  }
  let rand: NeuronRandom | null = null;
  const context = pointCellContext(numericNetParams(net));
  for (const [name, raw] of Object.entries(params)) {
    let value = raw;
    if (typeof raw === 'string' && !['spikePattern'].includes(name)) {
      if (input.fromPop.has(name) && input.cellType !== undefined && cfg.netpyneQuirks.ignorePopStringParams) {
        ignoredStrings.push(name); // NetPyNE looks the function up under the cellType and never finds it
        continue;
      }
      rand ??= new NeuronRandom(hashStr('cellParams'), input.gid, cfg.seeds.cell ?? 1);
      value = evaluate(raw, joinPath(path, name), mechanismRange(input.model, canonicalParam(info, name) ?? name), context, input, rand);
      params[name] = value;
    }
    if (typeof value !== 'number') continue;
    if (name === 'rate') {
      params.interval = 1000.0 / value;
      mechParams.interval = params.interval as number;
    } else {
      const canonical = canonicalParam(info, name);
      if (canonical) mechParams[canonical] = value;
    }
  }
  const result: PointCellResult = { params, mechParams, ignoredStrings };
  if (input.model === 'NetStim') {
    if (!('number' in params)) mechParams.number = 1e9;
    if (!('seed' in params)) params.seed = cfg.seeds.stim;
  }
  if (input.model === 'VecStim') {
    if (!('seed' in params)) params.seed = cfg.seeds.stim;
    result.spikeTimes = vecStimTrain({
      gid: input.gid,
      params,
      duration: cfg.duration,
      stimSeed: cfg.seeds.stim,
      poissonDropsFirst: cfg.netpyneQuirks.poissonPatternDropsFirst,
      path,
    });
  }
  return result;
}

function evaluate(
  source: string,
  path: string,
  range: ValueRange,
  context: ReturnType<typeof pointCellContext>,
  input: PointCellInput,
  rand: NeuronRandom,
): number {
  let fn: CompiledExpr;
  try {
    fn = compileExpression(source, context);
  } catch (e) {
    if (e instanceof ExprError) throw new NetworkBuildError(path, source, e.message);
    throw e;
  }
  const env = new Float64Array(context.variables.length);
  const pos = input.position as Record<string, number>;
  for (const slot of fn.slots) env[slot] = pos[context.variables[slot]];
  let value: number;
  try {
    value = fn.evaluate(env, rand);
  } catch (e) {
    if (e instanceof ExprRuntimeError) throw new NetworkBuildError(path, source, `${e.message} (cell gid ${input.gid})`);
    throw e;
  }
  if (!inRange(range, value)) throw drawnOutOfRange(path, source, value, range, `cell gid ${input.gid}`);
  return value;
}
