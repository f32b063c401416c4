import type { CompiledMechanism } from '../nmodl/index.ts';
import { Catalog, type MechanismInfo } from '../spec/index.ts';
import type { MechanismDef } from './types.ts';

/**
 * The mechanisms a model is simulated with: a Catalog (names, parameters, kinds: what the spec
 * and network stages read) that also holds each mechanism's definition (code) and NEURON's
 * mechanism type order, the order in which a node's currents are summed. Built from the
 * built-ins and the mod files a user loads; it travels with the model (Network.catalog), so
 * compiling uses the mechanisms the network was built with.
 */
export class MechanismRegistry extends Catalog {
  private readonly defs: ReadonlyMap<string, MechanismDef>;

  constructor(
    infos: Readonly<Record<string, MechanismInfo>>,
    defs: Iterable<[string, MechanismDef]>,
    /** Mechanism names in NEURON's type order. */
    readonly typeOrder: readonly string[],
    /** Built-ins a loaded mod file replaced (their names). */
    readonly replaced: readonly string[] = [],
    /** Mechanisms whose mod file the front end refused: name -> its error (file:line:column). */
    private readonly refused: ReadonlyMap<string, string> = new Map(),
  ) {
    super(infos);
    this.defs = new Map(defs);
  }

  /** Why the mechanism's mod file could not be compiled, if it could not (a model using it fails then, naming it). */
  refusal(name: string): string | undefined {
    return this.refused.get(name);
  }

  def(name: string): MechanismDef | undefined {
    return this.defs.get(name);
  }

  /** The definitions of the mechanisms that can be simulated. */
  definitions(): MechanismDef[] {
    return [...this.defs.values()];
  }

  /** Names that can be simulated. */
  simulated(): string[] {
    return [...this.defs.keys()];
  }

  /**
   * This registry with compiled mod files added, in the order given (nrnivmodl registers mod
   * files in the order of their file names; their types follow the built-ins'). A mod file of a
   * built-in's name replaces it (`replaced` names them).
   */
  withMods(compiled: readonly CompiledMechanism[], refused: ReadonlyArray<{ info: MechanismInfo; error: string }> = []): MechanismRegistry {
    const names = compiled.map((c) => c.def.name);
    const replaced = names.filter((n) => this.get(n) !== undefined);
    const infos = Object.fromEntries(this.names().map((n) => [n, this.get(n)!]));
    for (const c of compiled) infos[c.info.name] = c.info;
    for (const r of refused) infos[r.info.name] = r.info;
    const defs = new Map(this.defs);
    for (const r of refused) defs.delete(r.info.name);
    for (const c of compiled) defs.set(c.def.name, c.def);
    return new MechanismRegistry(
      infos,
      defs,
      [...this.typeOrder.filter((n) => !names.includes(n)), ...names],
      [...this.replaced, ...replaced],
      new Map([...this.refused, ...refused.map((r): [string, string] => [r.info.name, r.error])]),
    );
  }
}
