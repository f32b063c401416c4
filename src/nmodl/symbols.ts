import type { Decl, Program } from './ast.ts';
import { NmodlError, NmodlUnsupported } from './errors.ts';

// What each name of a mod file is (nocmodl's symbol table): a parameter, state, assigned
// variable, constant, one of NEURON's variables, an ion's variable, a FUNCTION or PROCEDURE.

export type Symbol =
  | { kind: 'parameter'; decl: Decl; range: boolean }
  | { kind: 'state'; decl: Decl }
  /** RANGE ASSIGNED (per instance, recordable) or GLOBAL ASSIGNED (`range` false). */
  | { kind: 'assigned'; decl: Decl; range: boolean }
  /** CONSTANT, or a UNITS named constant: replaced by its value. */
  | { kind: 'constant'; value: number }
  /** v [mV], t [ms], dt [ms], celsius [degC]. */
  | { kind: 'neuron' }
  /** An ion's variable the mechanism reads or writes (ena, ina, cai, cao). */
  | { kind: 'ion'; ion: string; role: 'e' | 'i' | 'in' | 'out'; write: boolean }
  | { kind: 'function'; args: number }
  | { kind: 'procedure'; args: number };

/** NEURON's variables a mod file may use (area and diam are per segment). */
export const NEURON_VARIABLES = ['v', 't', 'dt', 'celsius'] as const;
const GEOMETRY = new Set(['area', 'diam']);

export class Symbols {
  readonly table = new Map<string, Symbol>();

  constructor(readonly program: Program) {
    const n = program.neuron!;
    const file = program.file;
    for (const name of NEURON_VARIABLES) this.table.set(name, { kind: 'neuron' });
    for (const use of n.ions)
      for (const [names, write] of [
        [use.read, false],
        [use.write, true],
      ] as const)
        for (const name of names) {
          const role = ionRole(use.ion, name);
          if (!role) throw new NmodlError(file, use.pos, `USEION ${use.ion}: '${name}' is not one of e${use.ion}, i${use.ion}, ${use.ion}i, ${use.ion}o`);
          const known = this.table.get(name);
          this.table.set(name, { kind: 'ion', ion: use.ion, role, write: write || (known?.kind === 'ion' && known.write) });
        }
    const range = new Set(n.range);
    for (const u of program.units) if (u.value !== null) this.table.set(u.name, { kind: 'constant', value: u.value });
    for (const c of program.constants) {
      if (c.value === null) throw new NmodlError(file, c.pos, `CONSTANT ${c.name} has no value`);
      this.table.set(c.name, { kind: 'constant', value: c.value });
    }
    const declare = (decl: Decl, symbol: Symbol) => {
      // PARAMETER arrays (vclmp.mod's dur[3]) are fields dur0, dur1 ...; other arrays are refused
      if (decl.size !== null && symbol.kind !== 'parameter') throw new NmodlUnsupported(file, decl.pos, `the array ${decl.name}[${decl.size}]`);
      if (GEOMETRY.has(decl.name)) throw new NmodlUnsupported(file, decl.pos, `the segment's ${decl.name}`, 'mechanism code reading area or diam');
      const known = this.table.get(decl.name);
      // v, celsius, ena ... declared for units; a written ion variable declared STATE (cad's cai) is a state
      if (known?.kind === 'neuron' || (known?.kind === 'ion' && !(known.write && symbol.kind === 'state'))) return;
      this.table.set(decl.name, symbol);
    };
    for (const d of program.parameters) declare(d, { kind: 'parameter', decl: d, range: range.has(d.name) });
    for (const d of program.states) declare(d, { kind: 'state', decl: d });
    for (const d of program.assigned) declare(d, { kind: 'assigned', decl: d, range: range.has(d.name) });
    // a file-scope LOCAL is one variable shared by the instances (a static in nocmodl's C): a GLOBAL ASSIGNED
    for (const name of program.locals)
      if (!this.table.has(name))
        this.table.set(name, { kind: 'assigned', decl: { name, size: null, value: null, units: null, range: null, pos: n.pos }, range: false });
    for (const f of program.functions) this.callable(f.name, { kind: 'function', args: f.args.length }, f.pos);
    for (const p of program.procedures) this.callable(p.name, { kind: 'procedure', args: p.args.length }, p.pos);
    for (const name of [...n.nonspecific, ...n.electrode])
      if (this.table.get(name)?.kind !== 'assigned') throw new NmodlError(file, n.pos, `current ${name} must be declared in ASSIGNED`);
  }

  get(name: string): Symbol | undefined {
    return this.table.get(name);
  }

  private callable(name: string, symbol: Symbol, pos: { line: number; column: number }) {
    if (this.table.has(name) && this.table.get(name)!.kind !== 'neuron') throw new NmodlError(this.program.file, pos, `'${name}' is declared twice`);
    this.table.set(name, symbol);
  }

  /** Names in declaration order, by kind. */
  names(kind: Symbol['kind']): string[] {
    return [...this.table].filter(([, s]) => s.kind === kind).map(([name]) => name);
  }
}

function ionRole(ion: string, name: string): 'e' | 'i' | 'in' | 'out' | null {
  if (name === `e${ion}`) return 'e';
  if (name === `i${ion}`) return 'i';
  if (name === `${ion}i`) return 'in';
  if (name === `${ion}o`) return 'out';
  return null;
}
