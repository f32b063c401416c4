import { type CompiledExpr, compileExpression, ExprError, ExprRuntimeError, synMechContext } from '../expr/index.ts';
import { hashStr, NeuronRandom } from '../rng/index.ts';
import {
  inRange,
  joinPath,
  mechanismRange,
  type NetParamsData,
  numericNetParams,
  type SimConfigData,
  SYNMECH_RESERVED_KEYS,
  type ValueRange,
} from '../spec/index.ts';
import { cellGeometry } from './cell-geometry.ts';
import type { CellsResult } from './cells.ts';
import { drawnOutOfRange, NetworkBuildError } from './errors.ts';
import { pathDistance, positionAt, type SectionGeometry } from './morphology.ts';
import { originSection } from './realise-cell.ts';
import type { SynMechValues } from './types.ts';

interface MechFunctions {
  params: Array<{ name: string; fn: CompiledExpr; path: string; range: ValueRange }>;
  values: Map<string, number[]>;
}

/**
 * String-function parameters of synaptic mechanisms, evaluated for every synapse instance
 * (NetPyNE creates one synMech per connection) from the post cell's 'cellParams' stream, which
 * continues where the cell's own parameters left it. Rows are stored per synMech.
 */
export class SynMechFunctions {
  private readonly mechs = new Map<number, MechFunctions>();
  private readonly streams = new Map<number, NeuronRandom>();
  private readonly idStream = hashStr('cellParams');
  private geometryCell = -1;
  private geometry: SectionGeometry[] = [];
  private readonly env = new Float64Array(16);

  constructor(
    private readonly built: CellsResult,
    net: NetParamsData,
    private readonly cfg: SimConfigData,
  ) {
    const constants = numericNetParams(net);
    const context = synMechContext(constants);
    Object.entries(net.synMechParams).forEach(([label, mech], index) => {
      const params: MechFunctions['params'] = [];
      for (const [name, value] of Object.entries(mech)) {
        if (SYNMECH_RESERVED_KEYS.includes(name) || typeof value !== 'string') continue;
        const path = joinPath(joinPath('netParams.synMechParams', label), name);
        try {
          params.push({ name, fn: compileExpression(value, context), path, range: mechanismRange(mech.mod, name) });
        } catch (e) {
          if (e instanceof ExprError) throw new NetworkBuildError(path, value, e.message);
          throw e;
        }
      }
      if (params.length > 0) this.mechs.set(index, { params, values: new Map(params.map((p) => [p.name, []])) });
    });
  }

  /**
   * With subConnParams NetPyNE creates synapse objects only after redistributing them, so their
   * functions see the final section and location: rows are reserved now and filled later.
   */
  deferred = false;

  /** Creates one instance of synMech on (cell, sec, loc); returns its row, or -1 if it has no string functions. */
  instance(synMech: number, cell: number, sec: number, loc: number): number {
    const mech = this.mechs.get(synMech);
    if (!mech) return -1;
    const row = mech.values.get(mech.params[0].name)!.length;
    for (const p of mech.params) mech.values.get(p.name)!.push(this.deferred ? NaN : this.evaluate(p, cell, sec, loc));
    return row;
  }

  /** Evaluates a reserved row (deferred mode), in the cell's connection order. */
  fill(synMech: number, row: number, cell: number, sec: number, loc: number): void {
    const mech = this.mechs.get(synMech)!;
    for (const p of mech.params) mech.values.get(p.name)![row] = this.evaluate(p, cell, sec, loc);
  }

  private evaluate({ fn, path, range }: MechFunctions['params'][number], cell: number, sec: number, loc: number): number {
    const { cells } = this.built;
    for (const slot of fn.slots) this.env[slot] = this.variable(fn.context.variables[slot], cell, sec, loc, path);
    let value: number;
    try {
      value = fn.evaluate(this.env, fn.usesRandom ? this.stream(cell) : null);
    } catch (e) {
      if (e instanceof ExprRuntimeError) throw new NetworkBuildError(path, fn.source, `${e.message} (synapse on cell gid ${cells.gid[cell]})`);
      throw e;
    }
    if (!inRange(range, value)) throw drawnOutOfRange(path, fn.source, value, range, `a synapse on cell gid ${cells.gid[cell]}`);
    return value;
  }

  private stream(cell: number): NeuronRandom {
    let r = this.streams.get(cell);
    if (!r) {
      r = new NeuronRandom(this.idStream, this.built.cells.gid[cell], this.cfg.seeds.cell ?? 1);
      r.stream.index = this.built.cellStream[cell];
      this.streams.set(cell, r);
    }
    return r;
  }

  private variable(name: string, cell: number, sec: number, loc: number, path: string): number {
    const { cells } = this.built;
    switch (name) {
      case 'post_x':
        return cells.x[cell];
      case 'post_y':
        return cells.y[cell];
      case 'post_z':
        return cells.z[cell];
      case 'post_xnorm':
        return cells.xnorm[cell];
      case 'post_ynorm':
        return cells.ynorm[cell];
      case 'post_znorm':
        return cells.znorm[cell];
      case 'post_dist_path': {
        const g = this.cellGeometry(cell);
        return pathDistance(g, originSection(this.built.templates[cells.template[cell]]), 0.5, sec, loc);
      }
      case 'post_dist_euclidean': {
        const g = this.cellGeometry(cell);
        const a = positionAt(g[originSection(this.built.templates[cells.template[cell]])], 0.5);
        const b = positionAt(g[sec], loc);
        if (!a || !b) throw new NetworkBuildError(path, name, 'post_dist_euclidean needs pt3d points on the origin and target sections');
        return Math.sqrt((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2 + (b[2] - a[2]) ** 2);
      }
      default:
        throw new NetworkBuildError(path, name, 'unknown synMech variable');
    }
  }

  /** Realised geometry of a cell, cached for consecutive synapses of one cell. */
  private cellGeometry(cell: number): SectionGeometry[] {
    if (cell !== this.geometryCell) {
      this.geometry = cellGeometry(this.built.templates[this.built.cells.template[cell]], this.built.cells, cell, this.cfg);
      this.geometryCell = cell;
    }
    return this.geometry;
  }

  finish(): SynMechValues {
    const out: SynMechValues = new Map();
    for (const [index, mech] of this.mechs) out.set(index, new Map([...mech.values].map(([k, v]) => [k, Float64Array.from(v)])));
    return out;
  }
}
