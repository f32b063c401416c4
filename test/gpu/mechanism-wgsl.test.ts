import { describe, expect, it } from 'vitest';
import { compileShader } from '../../src/gpu/device.ts';
import { lowerMechanism, MECHANISM_DEFS, mechanismWgsl } from '../../src/mech/index.ts';
import { fillSlots } from '../../src/mech/wgsl-module.ts';
import { testDevice } from '../helpers/gpu.ts';

// Every mechanism's generated WGSL module (tables on and off) must validate on the CI WebGPU
// adapter, and each entry point must make a compute pipeline.

const variants = Object.keys(MECHANISM_DEFS).flatMap((name) => [
  { name, tables: true },
  ...(Object.values(MECHANISM_DEFS[name].procedures ?? {}).some((p) => p.table) ? [{ name, tables: false }] : []),
]);

describe('mechanism WGSL', () => {
  it.each(variants)('$name (tables $tables) validates', async ({ name, tables }) => {
    const d = await testDevice();
    const code = mechanismWgsl(lowerMechanism(MECHANISM_DEFS[name], { tablesOn: new Set(tables ? ['usetable_hh'] : []) }));
    if (!d) return;
    const module = await compileShader(d.device, code, `${name}.wgsl`);
    const entryPoints = MECHANISM_DEFS[name].kind === 'artificial' ? ['initial', 'receive'] : ['initial', 'receive', 'current', 'state', 'init_event', 'watch', 'publish'];
    for (const entryPoint of entryPoints) {
      d.device.pushErrorScope('validation');
      d.device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint } });
      const error = await d.device.popErrorScope();
      expect(error?.message, `${name} ${entryPoint}`).toBeUndefined();
    }
  });

  // The per-step blocks hold fields in locals: loaded when read before every path assigns
  // them, stored when assigned; mechanisms whose FUNCTIONs or Newton solves read fields in
  // memory keep every access in memory.
  it('holds fields in locals in the per-step blocks', () => {
    const wgsl = (name: string) => mechanismWgsl(lowerMechanism(MECHANISM_DEFS[name], { tablesOn: new Set(['usetable_hh']) }));
    const entry = (code: string, name: string) => code.slice(code.indexOf(`fn ${name}(`), code.indexOf('\n}\n', code.indexOf(`fn ${name}(`)));
    const current = entry(wgsl('hh'), 'current');
    expect(current).toMatch(/var field_m = fields\[6u \* group.count \+ k\];/);
    expect(current).toMatch(/var field_gna: f32;/);
    expect(current).toMatch(/fields\[9u \* group.count \+ k\] = field_gna;/);
    expect(current).not.toMatch(/fields\[6u \* group.count \+ k\] =/);
    expect(current.match(/fields\[/g)!.length).toBe(9 + 5);
    // Izhi2003a's derivimplicit Newton reads the states in memory
    expect(entry(wgsl('Izhi2003a'), 'state')).not.toMatch(/field_/);
  });

  it('fills declared slots only', () => {
    expect(fillSlots('a\n//! slot X\nb', { X: 'x' })).toBe('a\nx\nb');
    expect(() => fillSlots('//! slot X', {})).toThrow(/slot X was not filled/);
    expect(() => fillSlots('//! slot X', { X: '', Y: '' })).toThrow(/no slot Y/);
  });
});
