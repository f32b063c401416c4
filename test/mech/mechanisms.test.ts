import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/expr/index.ts';
import { BUILTIN_MECHANISMS, JsRenderer, lowerMechanism, type MechanismDef, NEURON_TYPE_ORDER } from '../../src/mech/index.ts';

const def = (name: string): MechanismDef => BUILTIN_MECHANISMS.def(name)!;
const lower = (d: MechanismDef, tablesOn: Set<string>) => lowerMechanism(d, { tablesOn, info: BUILTIN_MECHANISMS.get(d.name)! });

describe('mechanism definitions', () => {
  it("every mechanism has its place in NEURON's type order (the order currents are summed)", () => {
    expect([...NEURON_TYPE_ORDER].sort()).toEqual(BUILTIN_MECHANISMS.simulated().sort());
  });

  it.each(BUILTIN_MECHANISMS.simulated())('%s lowers (tables on and off) and is its NMODL in mod/', (name) => {
    for (const tablesOn of [new Set<string>(), new Set(['usetable_hh'])]) expect(() => lower(def(name), tablesOn)).not.toThrow();
    expect(existsSync(resolve(__dirname, '../..', def(name).modFile)), def(name).modFile).toBe(true);
  });

  it('renders cnexp as nocmodl writes it (f64), its invariant factor computed once in INITIAL, and rounds every operation in f32', () => {
    const mech = lower(def('ExpSyn'), new Set());
    const names = { access: (n: string) => (['g', 'tau', 'hoisted_0'].includes(n) ? n : n === 'dt' ? 'dt' : null) };
    expect(new JsRenderer(mech, names, 'f64').stmts(mech.state.stmts, '')).toBe('g = (g + (hoisted_0 * (((-0) / ((-1) / tau)) - g)));');
    const initial = mech.initial.stmts.slice(-1);
    expect(new JsRenderer(mech, names, 'f64').stmts(initial, '')).toBe('hoisted_0 = (1 - (lm.exp((dt * ((-1) / tau)))));');
    expect(new JsRenderer(mech, names, 'f32').stmts(initial, '')).toContain('F(Math.exp(F(dt * F((-1) / tau))))');
  });

  it('hoists only what no per-step block changes', () => {
    // Izhi2007b's BREAKPOINT assigns b (cell types 6, 7), so nothing reading b is invariant.
    const izhi = lower(def('Izhi2007b'), new Set());
    expect(izhi.fields.filter((f) => f.startsWith('hoisted'))).toEqual([]);
    // hh without tables: q10 = 3^((celsius - 6.3)/10) once, not every step.
    const hh = lower(def('hh'), new Set());
    expect(hh.fields.filter((f) => f.startsWith('hoisted'))).toEqual(['hoisted_0']);
  });
});

describe('lowering checks', () => {
  it('names unknown variables of a definition', () => {
    const breakpoint = [{ kind: 'assign' as const, target: 'i', expr: parse('gg*(v - e)') }];
    expect(() => lower({ ...def('pas'), breakpoint }, new Set())).toThrow(/pas BREAKPOINT: unknown name 'gg'/);
  });
});
