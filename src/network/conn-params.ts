import { type CompiledExpr, compileExpression, connContext, ExprError, ExprRuntimeError } from '../expr/index.ts';
import { NeuronRandom } from '../rng/index.ts';
import { CONN_RANGES, CONN_STRING_FUNC_PARAMS, inRange, joinPath, type ValueRange } from '../spec/index.ts';
import { drawnOutOfRange, NetworkBuildError } from './errors.ts';
import type { CellTable } from './types.ts';

const CONN_FUNC_PARAMS = CONN_STRING_FUNC_PARAMS;
export type ConnFuncParam = (typeof CONN_STRING_FUNC_PARAMS)[number];

const PAIR_VARIABLES = [
  'pre_x',
  'pre_y',
  'pre_z',
  'pre_xnorm',
  'pre_ynorm',
  'pre_znorm',
  'post_x',
  'post_y',
  'post_z',
  'post_xnorm',
  'post_ynorm',
  'post_znorm',
  'dist_x',
  'dist_y',
  'dist_z',
  'dist_3D',
  'dist_2D',
  'dist_xnorm',
  'dist_ynorm',
  'dist_znorm',
  'dist_norm3D',
  'dist_norm2D',
  'dist_3D_border',
];

/** Per-pair variables of connection string functions (conn.py dictVars), filled on demand. */
export class PairEnv {
  readonly env: Float64Array;
  /** Per function: [slot, variable code] pairs, resolved once. */
  private readonly codes = new WeakMap<CompiledExpr, Int32Array>();

  constructor(
    private readonly cells: CellTable,
    private readonly distNormBug: boolean,
    size: number,
  ) {
    this.env = new Float64Array(size);
  }

  /** Fills the slots `fn` reads for the pair (pre, post); -1 means the side is absent. */
  fill(fn: CompiledExpr, pre: number, post: number): Float64Array {
    let codes = this.codes.get(fn);
    if (!codes) {
      codes = Int32Array.from(fn.slots.flatMap((slot) => [slot, PAIR_VARIABLES.indexOf(fn.context.variables[slot])]));
      this.codes.set(fn, codes);
    }
    for (let i = 0; i < codes.length; i += 2) this.env[codes[i]] = pairVariable(codes[i + 1], this.cells, pre, post, this.distNormBug);
    return this.env;
  }
}

function pairVariable(code: number, c: CellTable, pre: number, post: number, distNormBug: boolean): number {
  switch (code) {
    case 0:
      return c.x[pre];
    case 1:
      return c.y[pre];
    case 2:
      return c.z[pre];
    case 3:
      return c.xnorm[pre];
    case 4:
      return c.ynorm[pre];
    case 5:
      return c.znorm[pre];
    case 6:
      return c.x[post];
    case 7:
      return c.y[post];
    case 8:
      return c.z[post];
    case 9:
      return c.xnorm[post];
    case 10:
      return c.ynorm[post];
    case 11:
      return c.znorm[post];
    case 12:
      return Math.abs(c.x[pre] - c.x[post]);
    case 13:
      return Math.abs(c.y[pre] - c.y[post]);
    case 14:
      return Math.abs(c.z[pre] - c.z[post]);
    case 15:
      return Math.sqrt((c.x[pre] - c.x[post]) ** 2 + (c.y[pre] - c.y[post]) ** 2 + (c.z[pre] - c.z[post]) ** 2);
    case 16:
      return Math.sqrt((c.x[pre] - c.x[post]) ** 2 + (c.z[pre] - c.z[post]) ** 2);
    case 17:
      return Math.abs(c.xnorm[pre] - c.xnorm[post]);
    case 18:
      return Math.abs(c.ynorm[pre] - c.ynorm[post]);
    case 19:
      return Math.abs(c.znorm[pre] - c.znorm[post]);
    case 20:
      // NetPyNE 1.1: sqrt(dx^2 + sqrt(dy) + sqrt(dz)) on signed differences (quirk, on by default)
      return distNormBug
        ? Math.sqrt((c.xnorm[pre] - c.xnorm[post]) ** 2 + Math.sqrt(c.ynorm[pre] - c.ynorm[post]) + Math.sqrt(c.znorm[pre] - c.znorm[post]))
        : Math.sqrt((c.xnorm[pre] - c.xnorm[post]) ** 2 + (c.ynorm[pre] - c.ynorm[post]) ** 2 + (c.znorm[pre] - c.znorm[post]) ** 2);
    case 21:
      return distNormBug
        ? Math.sqrt((c.xnorm[pre] - c.xnorm[post]) ** 2 + Math.sqrt(c.znorm[pre] - c.znorm[post]))
        : Math.sqrt((c.xnorm[pre] - c.xnorm[post]) ** 2 + (c.znorm[pre] - c.znorm[post]) ** 2);
    case 22: {
      const border = c.extraTags.get(post)?.borderCorrect as number[] | undefined;
      if (!border) throw new NetworkBuildError('netParams.correctBorder', false, 'dist_3D_border needs netParams.correctBorder');
      return Math.sqrt(
        (Math.abs(c.x[pre] - c.x[post]) - border[0]) ** 2 +
          (Math.abs(c.y[pre] - c.y[post]) - border[1]) ** 2 +
          (Math.abs(c.z[pre] - c.z[post]) - border[2]) ** 2,
      );
    }
    default:
      throw new Error(`unknown connection variable code ${code}`);
  }
}

export function compileConnFunction(
  source: string,
  param: string,
  scope: 'pair' | 'post' | 'pre',
  constants: Record<string, number>,
  path: string,
): CompiledExpr {
  try {
    return compileExpression(source, connContext(param, scope, constants));
  } catch (e) {
    if (e instanceof ExprError) throw new NetworkBuildError(path, source, e.message);
    throw e;
  }
}

/**
 * The value of a connection or stimulation function for the pair (pre, post; -1 for an absent
 * side), checked against `range` (null: a value only drawn for its random numbers, never used).
 */
export function runFunction(
  fn: CompiledExpr,
  env: Float64Array,
  rand: NeuronRandom | null,
  range: ValueRange | null,
  path: string,
  pre: number,
  post: number,
  cells: CellTable,
): number {
  let v: number;
  try {
    v = fn.evaluate(env, rand);
  } catch (e) {
    if (e instanceof ExprRuntimeError) throw new NetworkBuildError(path, fn.source, `${e.message} (${describePair(pre, post, cells)})`);
    throw e;
  }
  if (range !== null && !inRange(range, v)) throw drawnOutOfRange(path, fn.source, v, range, describePair(pre, post, cells));
  return v;
}

function describePair(pre: number, post: number, cells: CellTable): string {
  return [pre >= 0 ? `pre gid ${cells.gid[pre]}` : '', post >= 0 ? `post gid ${cells.gid[post]}` : ''].filter(Boolean).join(', ');
}

/**
 * weight, delay, synsPerConn, loc of one connection (conn.py _addCellConn): a precomputed
 * value for the pair, a function evaluated now (reseeding Random123(preGid, postGid,
 * seeds.conn) at the first function that draws), or the rule's plain value.
 */
export class ConnParamEvaluator {
  readonly functions = new Map<ConnFuncParam, CompiledExpr>();
  /** Values precomputed over pairs (fullConn, fromListConn), indexed by pair number. */
  readonly lists = new Map<ConnFuncParam, Float64Array>();
  readonly values: Record<ConnFuncParam, unknown> = { weight: undefined, delay: undefined, synsPerConn: undefined, loc: undefined };
  private readonly rand = new NeuronRandom();

  constructor(
    private readonly rule: Record<string, unknown>,
    private readonly path: string,
    constants: Record<string, number>,
    private readonly pairs: PairEnv,
    private readonly cells: CellTable,
    private readonly connSeed: number,
  ) {
    for (const param of CONN_FUNC_PARAMS) {
      const v = rule[param];
      if (typeof v === 'string') this.functions.set(param, compileConnFunction(v, param, 'pair', constants, joinPath(path, param)));
      this.values[param] = v;
    }
  }

  /** Whether every parameter is a plain value (then `values` never changes). */
  get constant(): boolean {
    return this.functions.size === 0 && this.lists.size === 0;
  }

  /** Sets `values` for the pair; `pairIndex` addresses precomputed lists. */
  evaluate(pre: number, post: number, pairIndex: number): void {
    if (this.constant) return;
    let seeded = false;
    for (const param of CONN_FUNC_PARAMS) {
      const list = this.lists.get(param);
      const fn = this.functions.get(param);
      if (list) {
        this.values[param] = list[pairIndex];
      } else if (fn) {
        if (!seeded && fn.usesRandom) {
          this.rand.Random123(this.cells.gid[pre], this.cells.gid[post], this.connSeed);
          seeded = true;
        }
        this.values[param] = runFunction(fn, this.pairs.fill(fn, pre, post), this.rand, CONN_RANGES[param], joinPath(this.path, param), pre, post, this.cells);
      } else {
        this.values[param] = this.rule[param];
      }
    }
  }

  /**
   * fullConn / fromListConn: each string parameter is evaluated over all pairs up front from the
   * rule's stream, parameter by parameter, in NetPyNE's order.
   */
  precompute(pairs: ArrayLike<number>, ruleRand: NeuronRandom): void {
    for (const [param, fn] of this.functions) {
      const values = new Float64Array(pairs.length / 2);
      for (let k = 0; k < values.length; k++) {
        const pre = pairs[2 * k];
        const post = pairs[2 * k + 1];
        values[k] = runFunction(fn, this.pairs.fill(fn, pre, post), ruleRand, CONN_RANGES[param], joinPath(this.path, param), pre, post, this.cells);
      }
      this.lists.set(param, values);
    }
  }
}
