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

  it('fills declared slots only', () => {
    expect(fillSlots('a\n//! slot X\nb', { X: 'x' })).toBe('a\nx\nb');
    expect(() => fillSlots('//! slot X', {})).toThrow(/slot X was not filled/);
    expect(() => fillSlots('//! slot X', { X: '', Y: '' })).toThrow(/no slot Y/);
  });
});
