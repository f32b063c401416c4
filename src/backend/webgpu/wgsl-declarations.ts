// What the host needs to know about a kernel's interface, read from its WGSL (the one place it is
// written): the kinds of its bindings, from the module-scope `@group(0) @binding(n) var<...>`
// declarations, and the layouts of its uniform structs, to fill them by member name. Only the
// forms spikegpu's own shaders use are read (test/shaders/declarations.test.ts checks every
// shader against a full WGSL reflection); anything else is an error naming it.

/** 'uniform' (static), 'step' (uniform with a dynamic offset), 'read' / 'write' storage. */
export type BindingKind = 'uniform' | 'step' | 'read' | 'write';

/** Uniform structs bound one block per step or per chunk, with a dynamic offset (kernels.ts STEP_BYTES apart). */
const DYNAMIC_UNIFORMS: ReadonlySet<string> = new Set(['Step', 'Chunk']);

type Scalar = 'u32' | 'i32' | 'f32';
const SCALARS: ReadonlySet<string> = new Set<Scalar>(['u32', 'i32', 'f32']);

export interface UniformLayout {
  struct: string;
  /** Members in declaration order, each at word `index` (4-byte scalars, no padding). */
  members: ReadonlyArray<{ name: string; type: Scalar }>;
  /** Word offset of each member. */
  words: Readonly<Record<string, number>>;
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

/** The kinds of `code`'s bindings, by binding number (group 0, numbered 0 .. n - 1). */
export function bindingKinds(code: string): BindingKind[] {
  const kinds: BindingKind[] = [];
  const declaration = /@group\((\d+)\)\s*@binding\((\d+)\)\s*var(?:<([^>]*)>)?\s+(\w+)\s*:\s*([^;]+);/g;
  for (const [, group, binding, space = '', name, type] of stripComments(code).matchAll(declaration)) {
    if (group !== '0') throw new Error(`WGSL binding ${name}: group ${group} (the kernels use group 0 only)`);
    const at = Number(binding);
    if (kinds[at] !== undefined) throw new Error(`WGSL binding ${at} is declared twice (${name})`);
    kinds[at] = kindOf(name, space.replace(/\s+/g, ''), type.trim());
  }
  for (let j = 0; j < kinds.length; j++) if (kinds[j] === undefined) throw new Error(`WGSL bindings skip binding ${j}`);
  return kinds;
}

function kindOf(name: string, space: string, type: string): BindingKind {
  if (space === 'uniform') return DYNAMIC_UNIFORMS.has(type) ? 'step' : 'uniform';
  if (space === 'storage' || space === 'storage,read') return 'read';
  if (space === 'storage,read_write') return 'write';
  throw new Error(`WGSL binding ${name}: var<${space}> is not a uniform or storage buffer`);
}

const layouts = new Map<string, UniformLayout>();

/** The layout of `struct` as declared in `code` (a struct of 4-byte scalars). */
export function uniformLayout(code: string, struct: string): UniformLayout {
  const key = `${struct}\n${code}`;
  let layout = layouts.get(key);
  if (!layout) {
    layout = parseStruct(code, struct);
    layouts.set(key, layout);
  }
  return layout;
}

function parseStruct(code: string, struct: string): UniformLayout {
  const found = [...stripComments(code).matchAll(/struct\s+(\w+)\s*\{([^}]*)\}/g)].filter((m) => m[1] === struct);
  if (found.length !== 1) throw new Error(`WGSL struct ${struct}: ${found.length === 0 ? 'not declared' : 'declared twice'}`);
  const members = found[0][2]
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '')
    .map((m) => {
      const parts = /^(\w+)\s*:\s*(\w+)$/.exec(m);
      if (!parts || !SCALARS.has(parts[2])) throw new Error(`WGSL struct ${struct}: member '${m}' is not a plain u32, i32 or f32`);
      return { name: parts[1], type: parts[2] as Scalar };
    });
  return { struct, members, words: Object.fromEntries(members.map((m, j) => [m.name, j])) };
}

/**
 * Writes `values` (every member of the layout, by name; no others) into `words` from word `at`,
 * each as its member's type.
 */
export function writeUniform(layout: UniformLayout, words: Uint32Array, at: number, values: Readonly<Record<string, number>>): void {
  const { members } = layout;
  let given = 0;
  for (const _ in values) given++;
  if (given !== members.length) {
    const extra = Object.keys(values).filter((k) => !(k in layout.words));
    const missing = members.filter((m) => !(m.name in values)).map((m) => m.name);
    throw new Error(`WGSL struct ${layout.struct}: ${[...missing.map((m) => `no value for ${m}`), ...extra.map((e) => `no member ${e}`)].join(', ')}`);
  }
  for (let j = 0; j < members.length; j++) {
    const { name, type } = members[j];
    const v = values[name];
    if (v === undefined) throw new Error(`WGSL struct ${layout.struct}: no value for ${name}`);
    words[at + j] = type === 'f32' ? f32Bits(v) : type === 'i32' ? v | 0 : v >>> 0;
  }
}

const bits = new DataView(new ArrayBuffer(4));

function f32Bits(v: number): number {
  bits.setFloat32(0, v, true);
  return bits.getUint32(0, true);
}

/** A uniform buffer's words (at least 4, the smallest binding), `values` written as `layout` says. */
export function packUniform(layout: UniformLayout, values: Readonly<Record<string, number>>): Uint32Array {
  const words = new Uint32Array(Math.max(4, Math.ceil(layout.members.length / 4) * 4));
  writeUniform(layout, words, 0, values);
  return words;
}
