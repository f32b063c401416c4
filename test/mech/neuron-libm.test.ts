import { describe, expect, it } from 'vitest';
import { BUILTIN_MECHANISMS, buildTable, hocExp, lowerMechanism, NEURON_LIBM } from '../../src/mech/index.ts';
import { MOD_MATH } from '../../src/nmodl/math.ts';
import table from '../data/neuron-hh-table.json' with { type: 'json' };
import { fromHex } from '../helpers/hexfloat.ts';

// Mechanism code calls NEURON's C library: exp is hoc_Exp (nocmodl's `#define exp hoc_Exp`),
// log and pow glibc's. With the engine's Math.exp, 41 of hh's 1206 table entries were an ulp
// off NEURON's, which tut6's unstable gid 33 turned into different spikes.

describe('NEURON libm in mechanism code', () => {
  it('builds the hh rate table bit for bit as NEURON 8.2.2 (scripts/neuron-hh-table.py)', () => {
    const hh = lowerMechanism(BUILTIN_MECHANISMS.def('hh')!, { tablesOn: new Set(['usetable_hh']), info: BUILTIN_MECHANISMS.get('hh')! });
    const rates = hh.tables[0];
    expect([rates.from, rates.to, rates.with]).toEqual([table.from, table.to, table.with]);
    const built = buildTable(hh, rates, table.celsius).values;
    const n = rates.with + 1;
    const mismatches: string[] = [];
    rates.outputs.forEach((name, k) => {
      // hh's GLOBAL ASSIGNED outputs are renamed _g_<name> by lowering
      const want = (table as unknown as Record<string, string[]>)[name.replace(/^_g_/, '')].map(fromHex);
      for (let i = 0; i < n; i++) if (built[k * n + i] !== want[i]) mismatches.push(`${name}[${i}] ${built[k * n + i]} != ${want[i]}`);
    });
    expect(mismatches).toEqual([]);
  });

  it('exp is hoc_Exp: 0 below -700, exp(700) above 700 (values from a compiled mod in NEURON 8.2.2)', () => {
    expect(hocExp(-700)).toBe(9.85967654375977e-305);
    expect(hocExp(-700.5)).toBe(0);
    expect(hocExp(-745)).toBe(0);
    expect(hocExp(700)).toBe(1.0142320547350045e304);
    expect(hocExp(700.5)).toBe(1.0142320547350045e304);
    expect(hocExp(750)).toBe(1.0142320547350045e304);
    expect(hocExp(699)).toBe(3.7311512151407716e303);
    expect(hocExp(NaN)).toBeNaN();
  });

  it("binds every math function whose f64 code is NEURON's C library", () => {
    const libm = [...MOD_MATH].filter(([, fn]) => fn.libm).map(([name]) => name);
    expect(libm.sort()).toEqual(Object.keys(NEURON_LIBM).sort());
  });
});
