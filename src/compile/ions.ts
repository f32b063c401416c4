import type { LoweredMechanism, MechanismDef } from '../mech/index.ts';
import { ionReversal } from '../spec/index.ts';
import { CompileError } from './errors.ts';
import { ION_NERNST_INIT, ION_NERNST_STEP, ION_PRESENT, ION_RESET_CONC, type IonTable, type MechGroup } from './model.ts';

// The ions of the segments (NEURON's eion.cpp): where a mechanism reads or writes an ion variable
// from its segment, the segment has that ion with NEURON's defaults (or the section's `ions`
// e), and a style from all its mechanisms (nrn_promote: reading a concentration makes e a
// Nernst value at finitialize; writing one also resets the concentrations at finitialize and
// recomputes e every step, before the currents).

/** NEURON's defaults (membdef.h; eion.cpp ion_alloc): valence, inside and outside [mM]. */
const ION_DEFAULTS: Readonly<Record<string, { valence: number; ci: number; co: number }>> = {
  na: { valence: 1, ci: 10, co: 140 },
  k: { valence: 1, ci: 54.4, co: 2.5 },
  ca: { valence: 2, ci: 5e-5, co: 2 },
};

export function compileIons(
  groups: MechGroup[],
  lowered: LoweredMechanism[],
  nodeCount: number,
  sectionE: (node: number, ion: string) => number | undefined,
  sectionConcentrations: (node: number, ion: string) => { i?: number; o?: number } | undefined,
  /** <ion>i0_<ion>_ion, <ion>o0_<ion>_ion the model sets. */
  resets: ReadonlyMap<string, { in?: number; out?: number }> = new Map(),
): IonTable[] {
  const tables = new Map<string, { table: IonTable; conc: Uint8Array }>();
  const table = (ion: string, valence: number | null, where: string) => {
    let entry = tables.get(ion);
    if (!entry) {
      const known = Object.hasOwn(ION_DEFAULTS, ion) ? ION_DEFAULTS[ion] : undefined;
      const z = known?.valence ?? valence;
      if (z === null) throw new CompileError(where, ion, `ion ${ion} is new to NEURON: its USEION needs VALENCE`);
      const ci = resets.get(ion)?.in ?? known?.ci ?? 1;
      const co = resets.get(ion)?.out ?? known?.co ?? 1;
      entry = {
        table: {
          ion,
          valence: z,
          e: new Float64Array(nodeCount),
          ci: new Float64Array(nodeCount).fill(ci),
          co: new Float64Array(nodeCount).fill(co),
          ci0: ci,
          co0: co,
          style: new Uint8Array(nodeCount),
        },
        conc: new Uint8Array(nodeCount),
      };
      tables.set(ion, entry);
    }
    return entry;
  };
  groups.forEach((g, gi) => {
    const vars = lowered[gi].def.ionVars ?? {};
    for (const v of Object.values(vars)) {
      const { table: t, conc } = table(v.ion, v.valence, `mechanism ${g.mech}`);
      const level = v.role === 'in' || v.role === 'out' ? (v.write ? 3 : 1) : 0;
      for (let k = 0; k < g.count; k++) {
        const node = g.node[k];
        t.style[node] |= ION_PRESENT;
        if (level > conc[node]) conc[node] = level;
      }
    }
  });
  for (const { table: t, conc } of tables.values()) {
    // NetPyNE's ions i, o set each segment's concentrations and the reset values (cai0_ca_ion):
    // the last section set wins, unless a global sets them (resets)
    let lastIn: number | undefined;
    let lastOut: number | undefined;
    for (let node = 0; node < nodeCount; node++) {
      const set = sectionConcentrations(node, t.ion);
      if (set?.i !== undefined) lastIn = set.i;
      if (set?.o !== undefined) lastOut = set.o;
      if (t.style[node] === 0) continue;
      if (set?.i !== undefined) t.ci[node] = set.i;
      if (set?.o !== undefined) t.co[node] = set.o;
      t.e[node] = sectionE(node, t.ion) ?? ionReversal(t.ion);
      t.style[node] = conc[node] === 3 ? ION_RESET_CONC | ION_NERNST_INIT | ION_NERNST_STEP : conc[node] === 1 ? ION_NERNST_INIT : 0;
      t.style[node] |= ION_PRESENT;
    }
    t.ci0 = resets.get(t.ion)?.in ?? lastIn ?? t.ci0;
    t.co0 = resets.get(t.ion)?.out ?? lastOut ?? t.co0;
  }
  checkCopies(groups, lowered, tables);
  return [...tables.values()].map((e) => e.table);
}

/** A hand-written definition's reversal potential copy (hh's ena) cannot follow a Nernst update. */
function checkCopies(groups: MechGroup[], lowered: LoweredMechanism[], tables: Map<string, { table: IonTable }>): void {
  groups.forEach((g, gi) => {
    for (const ion of Object.values(lowered[gi].def.ions ?? {})) {
      const t = tables.get(ion)?.table;
      if (!t) continue;
      for (let k = 0; k < g.count; k++)
        if (t.style[g.node[k]] & ION_NERNST_INIT)
          throw new CompileError(
            `mechanism ${g.mech}`,
            ion,
            `${g.mech} reads e${ion} as set at creation, but a mod file on the same segment reads or writes ${ion} concentrations, which makes NEURON compute e${ion} by Nernst: not supported yet`,
          );
    }
  });
}

/**
 * The ions that need per-segment state in this model: those some loaded mechanism reads or
 * writes a concentration of, or reads the current of, and those a section trace records
 * (ena, ina, cai ...). Any other ion only has its reversal potential read and its current
 * written (hh's na and k): e is then the section's constant, each instance keeps a copy, and the
 * current is the mechanism's own field (ionsAsCopies), which every backend runs.
 */
export function segmentIons(defs: Iterable<MechanismDef>, recordTraces: Readonly<Record<string, unknown>>): Set<string> {
  const all = new Set<string>();
  const needed = new Set<string>();
  for (const def of defs)
    for (const v of Object.values(def.ionVars ?? {})) {
      all.add(v.ion);
      if (v.role === 'in' || v.role === 'out' || (v.role === 'i' && !v.write)) needed.add(v.ion);
    }
  for (const trace of Object.values(recordTraces)) {
    const t = trace as { var?: unknown; mech?: unknown; synMech?: unknown; pointp?: unknown; stim?: unknown };
    if (t.mech !== undefined || t.synMech !== undefined || t.pointp !== undefined || t.stim !== undefined) continue;
    for (const ion of all) if ([`e${ion}`, `i${ion}`, `${ion}i`, `${ion}o`].includes(t.var as string)) needed.add(ion);
  }
  return needed;
}

/** The definition with the ions that need no segment state read as per-instance copies of e (def.ions) and their currents as fields. */
export function ionsAsCopies(def: MechanismDef, segment: ReadonlySet<string>): MechanismDef {
  const vars = Object.entries(def.ionVars ?? {});
  if (vars.every(([, v]) => segment.has(v.ion))) return def;
  const ionVars = Object.fromEntries(vars.filter(([, v]) => segment.has(v.ion)));
  const copies = Object.fromEntries(vars.filter(([, v]) => !segment.has(v.ion) && v.role === 'e').map(([name, v]) => [name, v.ion]));
  const { ionVars: _, ...rest } = def;
  return { ...rest, ...(Object.keys(ionVars).length > 0 ? { ionVars } : {}), ions: { ...(def.ions ?? {}), ...copies } };
}
