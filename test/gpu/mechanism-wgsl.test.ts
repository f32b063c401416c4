import { describe, expect, it } from 'vitest';
import { ionsAsCopies, segmentIons } from '../../src/compile/ions.ts';
import { compileShader } from '../../src/gpu/device.ts';
import { BUILTIN_MECHANISMS, lowerMechanism, type MechanismDef, mechanismWgsl } from '../../src/mech/index.ts';
import { fillSlots } from '../../src/mech/wgsl-module.ts';
import { testDevice } from '../helpers/gpu.ts';

// Every mechanism's generated WGSL module (tables on and off) must validate on the CI WebGPU
// adapter, and each entry point must make a compute pipeline.

const def = (name: string): MechanismDef => BUILTIN_MECHANISMS.def(name)!;
// as the compile stage lowers them for a model of built-ins (hh's na and k: copies of e, no segment state)
const segment = segmentIons(BUILTIN_MECHANISMS.definitions(), {});
const lower = (name: string, tablesOn: Set<string>) => lowerMechanism(ionsAsCopies(def(name), segment), { tablesOn, info: BUILTIN_MECHANISMS.get(name)! });
const variants = BUILTIN_MECHANISMS.simulated().flatMap((name) => [
  { name, tables: true },
  ...(Object.values(def(name).procedures ?? {}).some((p) => p.table) ? [{ name, tables: false }] : []),
]);

describe('mechanism WGSL', () => {
  it.each(variants)('$name (tables $tables) validates', async ({ name, tables }) => {
    const d = await testDevice();
    const code = mechanismWgsl(lower(name, new Set(tables ? ['usetable_hh'] : [])));
    if (!d) return;
    const module = await compileShader(d.device, code, `${name}.wgsl`);
    const entryPoints = def(name).kind === 'artificial' ? ['initial', 'receive'] : ['initial', 'receive', 'current', 'state', 'init_event', 'watch', 'publish'];
    for (const entryPoint of entryPoints) {
      d.device.pushErrorScope('validation');
      d.device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint } });
      const error = await d.device.popErrorScope();
      expect(error?.message, `${name} ${entryPoint}`).toBeUndefined();
    }
  });

  // The per-step blocks hold fields in locals: loaded when read before every path assigns
  // them, stored when assigned and read later (by a block before assigning it, or by the host:
  // probes, vref); parameters with one value in the group are f32 constants; mechanisms whose
  // FUNCTIONs or Newton solves read fields in memory keep every access in memory.
  it('holds fields in locals in the per-step blocks', () => {
    const lowered = (name: string) => lower(name, new Set(['usetable_hh']));
    const entry = (code: string, name: string) => code.slice(code.indexOf(`fn ${name}(`), code.indexOf('\n}\n', code.indexOf(`fn ${name}(`)));
    const current = entry(mechanismWgsl(lowered('hh')), 'current');
    expect(current).toMatch(/var field_m = fields\[6u \* group.count \+ k\];/);
    expect(current).toMatch(/var field_gna: f32;/);
    expect(current).not.toMatch(/fields\[9u \* group.count \+ k\] =/); // gna: nobody reads it
    expect(current).not.toMatch(/fields\[6u \* group.count \+ k\] =/);
    expect(current.match(/fields\[/g)!.length).toBe(9);
    const recorded = entry(mechanismWgsl(lowered('hh'), { observed: new Set(['gna']) }), 'current');
    expect(recorded).toMatch(/fields\[9u \* group.count \+ k\] = field_gna;/);
    const specialised = entry(
      mechanismWgsl(lowered('hh'), {
        constants: new Map([
          ['gnabar', 0.12],
          ['el', -70],
        ]),
      }),
      'current',
    );
    expect(specialised).toContain('((((f32(0.12) * field_m) * field_m) * field_m) * field_h)');
    expect(specialised).toContain('(v - f32((-70.0)))');
    expect(specialised.match(/fields\[/g)!.length).toBe(7);
    // the states carry from step to step: stored
    expect(entry(mechanismWgsl(lowered('hh')), 'state')).toMatch(/fields\[6u \* group.count \+ k\] = field_m;/);
    // Izhi2003a's derivimplicit Newton reads the states in memory
    expect(entry(mechanismWgsl(lowered('Izhi2003a')), 'state')).not.toMatch(/field_/);
  });

  it('fills declared slots only', () => {
    expect(fillSlots('a\n//! slot X\nb', { X: 'x' })).toBe('a\nx\nb');
    expect(() => fillSlots('//! slot X', {})).toThrow(/slot X was not filled/);
    expect(() => fillSlots('//! slot X', { X: '', Y: '' })).toThrow(/no slot Y/);
  });
});
