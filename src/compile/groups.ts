import { type LoweredMechanism, lowerMechanism, type MechanismRegistry } from '../mech/index.ts';
import { canonicalParam } from '../spec/index.ts';
import { CompileError } from './errors.ts';
import { ionsAsCopies } from './ions.ts';
import type { MechGroup } from './model.ts';

// Collects mechanism instances into one group per mechanism (merged over cells), with the
// initial value of every field per instance: parameters (NEURON defaults, then the spec's
// values), ion reversal potentials, and zeros for states and assigned variables. The finished
// groups are in NEURON's mechanism type order (the registry's typeOrder), the order in which a
// node's currents are summed; group indices handed out before are mapped by `remap`.

export class GroupBuilder {
  private readonly byMech = new Map<string, { lowered: LoweredMechanism; node: number[]; cell: number[]; scale: number[]; fields: Map<string, number[]> }>();
  readonly order: string[] = [];

  constructor(
    private readonly tablesOn: ReadonlySet<string>,
    readonly registry: MechanismRegistry,
    /** GLOBAL parameters the model sets (cellParams globals): one value for every instance. */
    private readonly globals: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map(),
    /** Ions with per-segment state (ions.ts segmentIons); the others are read as copies. */
    private readonly segmentIons: ReadonlySet<string> = new Set(),
  ) {}

  /** Lowered definition of a mechanism, or a CompileError naming `path` when it cannot be simulated. */
  mechanism(name: string, path: string): LoweredMechanism {
    let entry = this.byMech.get(name);
    if (!entry) {
      const def = this.registry.def(name);
      const refused = this.registry.refusal(name);
      if (refused) throw new CompileError(path, name, `its mod file cannot be compiled: ${refused}`);
      const info = this.registry.get(name);
      if (!def || !info)
        throw new CompileError(path, name, `mechanism ${name} is not supported by the simulator yet (supported: ${this.registry.simulated().join(', ')})`);
      const lowered = lowerMechanism(ionsAsCopies(def, this.segmentIons), { tablesOn: this.tablesOn, info });
      entry = { lowered, node: [], cell: [], scale: [], fields: new Map(lowered.fields.map((f) => [f, []])) };
      this.byMech.set(name, entry);
      this.order.push(name);
    }
    return entry.lowered;
  }

  /**
   * Adds an instance; `values` gives parameters (by NEURON name or alias) and ion reversal
   * potentials; returns [group index, instance index].
   */
  add(name: string, path: string, node: number, cell: number, scale: number, values: Iterable<[string, number]>): [number, number] {
    const lowered = this.mechanism(name, path);
    const entry = this.byMech.get(name)!;
    const given = new Map<string, number>();
    const info = this.registry.get(name)!;
    for (const [key, value] of values) {
      const canonical = canonicalParam(info, key) ?? (key in lowered.params || (lowered.def.ions && key in lowered.def.ions) ? key : undefined);
      if (canonical === undefined)
        throw new CompileError(path, key, `${name} has no parameter '${key}' (parameters: ${Object.keys(lowered.params).join(', ')})`);
      given.set(canonical, value);
    }
    const globals = this.globals.get(name);
    for (const field of lowered.fields) entry.fields.get(field)!.push(globals?.get(field) ?? given.get(field) ?? lowered.params[field] ?? 0);
    entry.node.push(node);
    entry.cell.push(cell);
    entry.scale.push(scale);
    return [this.order.indexOf(name), entry.node.length - 1];
  }

  /** The groups in NEURON's type order; remap[g] is the final index of group g as add() returned it. */
  finish(): { groups: MechGroup[]; lowered: LoweredMechanism[]; remap: Int32Array } {
    // NEURON's memb_order_ (init.cpp): pas, then mechanisms writing a concentration in reverse
    // type order, then the others in type order
    const order = this.registry.typeOrder;
    const writes = (m: string) => Object.values(this.byMech.get(m)!.lowered.def.ionVars ?? {}).some((v) => v.write && (v.role === 'in' || v.role === 'out'));
    const rank = (m: string) => (m === 'pas' ? -1e9 : writes(m) ? -1 - order.indexOf(m) : order.indexOf(m));
    const sorted = [...this.order].sort((a, b) => rank(a) - rank(b));
    const remap = Int32Array.from(this.order, (m) => sorted.indexOf(m));
    const groups = sorted.map((mech): MechGroup => {
      const e = this.byMech.get(mech)!;
      return {
        mech,
        count: e.node.length,
        node: Int32Array.from(e.node),
        cell: Int32Array.from(e.cell),
        scale: Float64Array.from(e.scale),
        fields: Object.fromEntries([...e.fields].map(([k, v]) => [k, Float64Array.from(v)])),
      };
    });
    return { groups, lowered: sorted.map((m) => this.byMech.get(m)!.lowered), remap };
  }
}
