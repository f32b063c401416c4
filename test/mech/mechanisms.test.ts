import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsRenderer, lowerMechanism, MECHANISM_DEFS } from '../../src/mech/index.ts';
import { parseBlock } from '../../src/mech/lang.ts';

describe('mechanism definitions', () => {
  it.each(Object.keys(MECHANISM_DEFS))('%s lowers (tables on and off) and documents its NMODL in mod/', (name) => {
    const def = MECHANISM_DEFS[name];
    for (const tablesOn of [new Set<string>(), new Set(['usetable_hh'])]) expect(() => lowerMechanism(def, { tablesOn })).not.toThrow();
    expect(existsSync(resolve(__dirname, '../..', def.modFile)), def.modFile).toBe(true);
  });

  it('renders cnexp as nocmodl writes it (f64) and rounds every operation in f32', () => {
    const mech = lowerMechanism(MECHANISM_DEFS.ExpSyn, { tablesOn: new Set() });
    const names = { access: (n: string) => (n === 'g' || n === 'tau' ? n : n === 'dt' ? 'dt' : null) };
    expect(new JsRenderer(mech, names, 'f64').stmts(mech.state.stmts, '')).toBe('g = (g + ((1 - (Math.exp((dt * ((-1) / tau))))) * (((-0) / ((-1) / tau)) - g)));');
    expect(new JsRenderer(mech, names, 'f32').stmts(mech.state.stmts, '')).toContain('F(Math.exp(F(dt * F((-1) / tau))))');
  });
});

describe('statement language', () => {
  it('parses if / else if / else chains', () => {
    const stmts = parseBlock('if (a > 1) {\nx = 1\n} else if (a > 0) {\nx = 2\n} else {\nx = 3\n}', 'test');
    expect(stmts).toHaveLength(1);
    expect(stmts[0].kind).toBe('if');
  });

  it.each([
    ['x == 1', /expected `name = expression`/],
    ['if (a) {\nx = 1', /missing '}'/],
    ['}', /unexpected '}'/],
    ['x = 1 +', /line 1/],
  ])('rejects %j', (source, message) => {
    expect(() => parseBlock(source, 'hh BREAKPOINT')).toThrow(message);
  });

  it('names unknown variables of a definition', () => {
    expect(() => lowerMechanism({ ...MECHANISM_DEFS.pas, breakpoint: 'i = gg*(v - e)' }, { tablesOn: new Set() })).toThrow(/pas BREAKPOINT: unknown name 'gg'/);
  });
});
