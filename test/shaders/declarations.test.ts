import { describe, expect, it } from 'vitest';
// wgsl_reflect: a full WGSL parser and reflection, to check the host's narrow reader against
import { WgslReflect } from 'wgsl_reflect/wgsl_reflect.module.js';
import { bindingKinds, packUniform, uniformLayout } from '../../src/backend/webgpu/wgsl-declarations.ts';
import { SHADERS } from '../../src/shaders.gen.ts';

// The host reads each kernel's bindings and uniform layouts from its WGSL
// (src/backend/webgpu/wgsl-declarations.ts). Checked here against a full reflection of every
// shader file that declares bindings: the same kinds, and every uniform struct's members at the
// offsets WGSL's layout rules give.

const withBindings = Object.entries(SHADERS).filter(([, code]) => /@binding\(/.test(code));
/** Uniform structs bound per step (dynamic offset) and the files that define them. */
const DYNAMIC = { Step: 'kernels/step.wgsl', Chunk: 'kernels/chunk.wgsl' } as const;

describe('WGSL declarations', () => {
  it('covers every kernel and template with bindings', () => {
    expect(withBindings.map(([name]) => name).sort()).toEqual([
      'kernels/cell.wgsl',
      'kernels/dispatch-probe.wgsl',
      'kernels/epoch-events.wgsl',
      'kernels/inject.wgsl',
      'kernels/ions.wgsl',
      'kernels/record.wgsl',
      'templates/artificial.wgsl',
      'templates/epoch.wgsl',
      'templates/mechanism.wgsl',
    ]);
  });

  for (const [name, code] of withBindings) {
    it(`reads ${name}'s bindings and uniform layouts as a full reflection does`, () => {
      const reflected = new WgslReflect(code).getBindGroups();
      expect(reflected.length).toBe(1);
      const expected = reflected[0].map((b) => {
        if (b.resourceType === 0) return b.type.name in DYNAMIC ? 'step' : 'uniform';
        expect(b.resourceType).toBe(1);
        return b.access === 'read_write' ? 'write' : 'read';
      });
      expect(bindingKinds(code)).toEqual(expected);
      for (const b of reflected[0].filter((b) => b.resourceType === 0)) {
        // a per-step struct is defined in its own file, prepended to the kernels that bind it
        const source = b.type.name in DYNAMIC && !code.includes(`struct ${b.type.name} {`) ? SHADERS[DYNAMIC[b.type.name as keyof typeof DYNAMIC]] : code;
        const struct = new WgslReflect(source).structs.find((s) => s.name === b.type.name)!;
        const layout = uniformLayout(source, b.type.name);
        expect(layout.members.map((m) => [m.name, 4 * layout.words[m.name], m.type])).toEqual(struct.members.map((m) => [m.name, m.offset, m.type.name]));
      }
    });
  }

  it("keeps the mechanisms' Step a prefix of the cell kernels' (one buffer of step blocks serves both)", () => {
    const full = uniformLayout(SHADERS['kernels/step.wgsl'], 'Step').members;
    const mechanism = uniformLayout(SHADERS['templates/mechanism.wgsl'], 'Step').members;
    expect(mechanism.length).toBeGreaterThan(0);
    expect(full.slice(0, mechanism.length)).toEqual(mechanism);
  });

  it('fills a uniform by member name, each as its type, and refuses missing or unknown members', () => {
    const layout = uniformLayout(SHADERS['kernels/ions.wgsl'], 'IonParams');
    const words = packUniform(layout, { nodeCount: 7, tables: 2, ktf: 25.5, _pad: 0 });
    expect(Array.from(words)).toEqual([7, 2, new Uint32Array(new Float32Array([25.5]).buffer)[0], 0]);
    expect(() => packUniform(layout, { nodeCount: 7, tables: 2, ktf: 1 })).toThrow('WGSL struct IonParams: no value for _pad');
    expect(() => packUniform(layout, { nodeCount: 7, tables: 2, ktf: 1, _pad: 0, extra: 1 })).toThrow('WGSL struct IonParams: no member extra');
  });

  it('refuses declarations it does not read', () => {
    expect(() => bindingKinds('@group(1) @binding(0) var<storage, read> a: array<f32>;')).toThrow('group 1');
    expect(() => bindingKinds('@group(0) @binding(1) var<storage, read> a: array<f32>;')).toThrow('skip binding 0');
    expect(() => bindingKinds('@group(0) @binding(0) var t: texture_2d<f32>;')).toThrow('not a uniform or storage buffer');
    expect(() => uniformLayout('struct S { a: vec2<f32>, }', 'S')).toThrow("member 'a: vec2<f32>' is not a plain u32, i32 or f32");
  });
});
