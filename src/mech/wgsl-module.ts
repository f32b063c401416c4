import { assignedNames } from '../nmodl/stmt-names.ts';
import { SHADERS } from '../shaders.gen.ts';
import { type FieldsInLocals, fieldsInLocals, liveFields } from './field-flow.ts';
import type { LoweredBlock, LoweredMechanism } from './lower.ts';
import { WgslRenderer, wgslFloat } from './render-wgsl.ts';
import type { Stmt } from './types.ts';

// The WGSL module of one mechanism group: shaders/templates/mechanism.wgsl (artificial cells:
// artificial.wgsl) with its declared slots filled from the lowered definition (the same
// statement trees the CPU backend runs). NET_RECEIVE is rendered for linear receivers
// (`linearReceive`), which the GPU runs once per boundary with the summed weights.

/** What one group's module may rely on beyond the definition. */
export interface WgslSpecialization {
  /** Parameters (fields no block assigns) with one value in every instance: WGSL constants (f32 values). */
  constants?: ReadonlyMap<string, number>;
  /** Fields the host's kernels read (recorded probes, the vref detector's variable): always stored. */
  observed?: ReadonlySet<string>;
  /** Each ion variable the mechanism uses (ena, ica, cai): the offset of its array in the `ions` buffer. */
  ions?: ReadonlyMap<string, number>;
}

export function mechanismWgsl(mech: LoweredMechanism, spec: WgslSpecialization = {}): string {
  const fieldIndex = new Map(mech.fields.map((f, i) => [f, i]));
  const constants = spec.constants ?? new Map<string, number>();
  const live = liveFields(mech, spec.observed ?? new Set());
  const offsets: Record<string, number> = {};
  let offset = 0;
  for (const t of mech.tables) {
    offsets[t.name] = offset;
    offset += t.outputs.length * (t.with + 1);
  }
  const names = (vLocal: boolean, count: string, inLocals = new Set<string>()) => ({
    access: (name: string) => {
      const f = fieldIndex.get(name);
      // f32-typed, so expressions of constants are folded in f32 as they would run, not in abstract (f64) precision
      if (constants.has(name)) return `f32(${wgslFloat(constants.get(name)!)})`;
      if (f !== undefined) return inLocals.has(name) ? `field_${name}` : `fields[${f}u * ${count}.count + k]`;
      const ion = ions.get(name);
      if (ion !== undefined) return `ions[${ion}u + node[k]]`;
      if (name === 'v') return vLocal ? 'v' : 'V[node[k]]';
      if (name === 't') return 'now';
      return ['dt', 'celsius'].includes(name) ? `${count}.${name}` : null;
    },
  });
  const locals = blockLocals;
  // nocmodl: written concentrations are copied in from the segment at the start of nrn_init,
  // nrn_cur and nrn_state and out after nrn_init and nrn_state; written currents are added into
  // the segment's total after nrn_cur (density mechanisms: one instance per node)
  const ions = spec.ions ?? new Map<string, number>();
  const ionVars = Object.entries(mech.def.ionVars ?? {});
  const written = ionVars.filter(([name, v]) => v.write && v.role !== 'i' && fieldIndex.has(name)).map(([name]) => name);
  const slot = (name: string) => `fields[${fieldIndex.get(name)}u * group.count + k]`;
  const segment = (name: string) => {
    if (!ions.has(name)) throw new Error(`${mech.def.name}: ion variable ${name} has no place in the ions buffer`);
    return `ions[${ions.get(name)}u + node[k]]`;
  };
  const copyIn = written.map((x) => `  ${slot(x)} = ${segment(x)};`).join('\n');
  const copyOut = written.map((x) => `  ${segment(x)} = ${slot(x)};`).join('\n');
  const ionCurrents = ionVars.filter(([name, v]) => v.write && v.role === 'i' && fieldIndex.has(name)).map(([name]) => name);
  if (mech.def.kind === 'artificial') {
    const a = new WgslRenderer(mech, names(true, 'group'), offsets);
    return (
      SHADERS['kernels/step.wgsl'] +
      SHADERS['kernels/ring.wgsl'] +
      SHADERS['kernels/spikes.wgsl'] +
      fillSlots(SHADERS['templates/artificial.wgsl'], {
        FUNCTIONS: a.functions(),
        INITIAL: [locals(mech.initial), a.stmts(mech.initial.stmts)].join('\n'),
        RECEIVE: [locals(mech.receive), a.stmts(mech.receive.stmts)].join('\n'),
      })
    );
  }
  const r = new WgslRenderer(mech, names(true, 'group'), offsets);
  const solvers = solverLibraries(mech, r, fieldIndex);
  const currents = mech.def.currents;
  // the per-step blocks hold the fields they touch in locals (each memory access with a
  // per-instance index is costly on SIMD adapters, and stores stop the compiler from reusing loads)
  const inLocals = (blocks: Stmt[][], also: string[] = []) => fieldsInLocals(mech, fieldIndex, blocks, live, also, constants);
  const held = (fields: Set<string>) => new WgslRenderer(mech, names(true, 'group', fields), offsets);
  const current = (() => {
    if (!currents) return '  _ = vk;';
    const fields = inLocals([mech.breakpoint.stmts], currents.names);
    const c = held(fields.names);
    const scaled = mech.def.kind === 'point' ? ' * scale[k]' : '';
    const passes = currentPasses(mech, c, scaled);
    return [
      locals(mech.breakpoint),
      copyIn,
      fields.load,
      ...passes.statements,
      // a point process's current [nA] as a density [mA/cm2]: x * 1e2/area (scale); one instance per node (layout.ts)
      ...ionCurrents.map((x) => `  ${segment(x)} = ${segment(x)} + ${c.expr({ kind: 'name', name: x, column: 0 })}${scaled};`),
      fields.store,
      `  contrib[group.contribBase + k] = ${passes.contribution};`,
    ].join('\n');
  })();
  const stateBlocks = currents ? [mech.state] : [mech.state, mech.breakpoint];
  const stateFields = inLocals(stateBlocks.map((b) => b.stmts));
  const s = held(stateFields.names);
  const state = [...stateBlocks.map(locals), copyIn, stateFields.load, ...stateBlocks.map((b) => s.stmts(b.stmts)), stateFields.store, copyOut];
  const receiveFields = inLocals([mech.receive.stmts]);
  const onNode = new WgslRenderer(mech, names(false, 'group'), offsets);
  return fillSlots(SHADERS['templates/mechanism.wgsl'], {
    ...watchSlots(mech, onNode, locals),
    FUNCTIONS: [r.functions(), ...solvers].join('\n\n'),
    INITIAL: [locals(mech.initial), copyIn, r.stmts(mech.initial.stmts), copyOut].join('\n'),
    RECEIVE: receiveSlot(mech, held(receiveFields.names), locals, receiveFields),
    CURRENT: current,
    STATE: state.join('\n'),
  });
}

/** Declarations of a block's locals. */
export function blockLocals(b: LoweredBlock): string {
  return b.locals.map((l) => `  var ${l}: f32 = 0.0;`).join('\n');
}

/**
 * BREAKPOINT at vk + 0.001 and at vk (NEURON's di/dv by a finite difference), the rendered
 * statements assigning i1 and i0, and the instance's (rhs, d) contribution from them: signed
 * (membrane current: rhs -= i, d += di/dv; electrode current: the opposite) and scaled
 * (`scaled`: a point process's ` * scale`, nA -> mA/cm2).
 */
export function currentPasses(mech: LoweredMechanism, r: WgslRenderer, scaled: string): { statements: string[]; contribution: string } {
  const currents = mech.def.currents;
  if (!currents) throw new Error(`${mech.def.name} has no current`);
  const sum = currents.names.map((x) => r.expr({ kind: 'name', name: x, column: 0 })).join(' + ');
  const [rhsSign, dSign] = currents.kind === 'electrode' ? ['', '-'] : ['-', ''];
  return {
    statements: [
      fillSlots(SHADERS['templates/current.wgsl'], {
        BREAKPOINT: r.stmts(mech.breakpoint.stmts),
        SUM_AT_V_PLUS: `  let i1 = ${sum};`,
        SUM_AT_V: `  let i0 = ${sum};`,
      }),
    ],
    contribution: `vec2<f32>(${rhsSign}(i0${scaled}), ${dSign}((i1 - i0) / 0.001${scaled}))`,
  };
}

/** Replaces each `//! slot NAME` line; every declared slot must be given and every given slot declared. */
export function fillSlots(template: string, values: Record<string, string>): string {
  const used = new Set<string>();
  const out = template.split('\n').map((line) => {
    const m = /^\/\/! slot ([A-Z_]+)$/.exec(line.trim());
    if (!m) return line;
    if (!(m[1] in values)) throw new Error(`WGSL template slot ${m[1]} was not filled`);
    used.add(m[1]);
    return values[m[1]];
  });
  for (const k of Object.keys(values)) if (!used.has(k)) throw new Error(`WGSL template has no slot ${k}`);
  return out.join('\n');
}

/** shaders/templates/newton.wgsl and simeq.wgsl, filled for the mechanism's (single) DERIVATIVE and LINEAR solves. */
function solverLibraries(mech: LoweredMechanism, r: WgslRenderer, fieldIndex: Map<string, number>): string[] {
  const found: Stmt[] = [];
  const visit = (stmts: Stmt[]) =>
    stmts.forEach((s) => {
      if (s.kind === 'newton' || s.kind === 'simeq') found.push(s);
      if (s.kind === 'if') {
        visit(s.then);
        visit(s.otherwise);
      }
      if (s.kind === 'while') visit(s.body);
    });
  [mech.initial, mech.breakpoint, mech.state].forEach((b) => visit(b.stmts));
  mech.functions.forEach((f) => visit(f.body));
  const newton = [...new Map(found.flatMap((s) => (s.kind === 'newton' ? [[s.name, s] as const] : []))).values()];
  const simeq = [...new Map(found.flatMap((s) => (s.kind === 'simeq' ? [[s.name, s] as const] : []))).values()];
  if (newton.length > 1 || simeq.length > 1) throw new Error(`${mech.def.name}: the GPU supports one DERIVATIVE and one LINEAR block per mechanism`);
  const out: string[] = [];
  for (const s of newton) {
    const n = s.states.length;
    const locals = [...assignedNames(s.body)].filter((x) => !fieldIndex.has(x));
    out.push(
      fillSlots(SHADERS['templates/newton.wgsl'], {
        NEWTON_SIZE: [
          `const NEWTON_N: u32 = ${n}u;`,
          `var<private> NEWTON_FIELDS: array<u32, ${n}> = array<u32, ${n}>(${s.variables.map((x) => `${fieldIndex.get(x)}u`).join(', ')});`,
          `var<private> NEWTON_SAVED: array<u32, ${n}> = array<u32, ${n}>(${s.states.map((x) => `${fieldIndex.get(x)}u`).join(', ')});`,
        ].join('\n'),
        NEWTON_VALUE: [
          `fn newton_value(k: u32, v: f32, save: array<f32, ${n}>) -> array<f32, ${n}> {`,
          ...locals.map((x) => `  var ${x}: f32 = 0.0;`),
          r.stmts(s.body),
          `  var value: array<f32, ${n}>;`,
          ...s.states.map((x, i) => `  value[${i}] = D${x} - (fields[${fieldIndex.get(x)}u * group.count + k] - save[${i}]) / group.dt;`),
          '  return value;',
          '}',
        ].join('\n'),
      }),
    );
  }
  for (const s of simeq) {
    out.push(
      fillSlots(SHADERS['templates/simeq.wgsl'], {
        SIMEQ_SIZE: `const SIMEQ_N: u32 = ${s.unknowns.length}u;\nconst SIMEQ_N1: u32 = ${s.unknowns.length + 1}u;`,
      }),
    );
  }
  return out;
}

/**
 * INIT_EVENT (arm each WATCH as the flag-1 handler does, remember its condition, then the
 * handler's own statements) and WATCH (all conditions first, then the handlers of those that
 * became true, in order), rendered with v on the node.
 */
function watchSlots(mech: LoweredMechanism, r: WgslRenderer, locals: (b: LoweredBlock) => string): { INIT_EVENT: string; WATCH: string } {
  const at = (j: number) => `${j}u * group.count + k`;
  const cond = (j: number) => `((${r.expr(mech.watches[j].left)} - ${r.expr(mech.watches[j].right)}) > 0.0)`;
  const init = mech.watches.map((w, j) => `  watchState[${at(j)}] = select(0u, 1u, ${w.armedIf ? r.test(w.armedIf) : 'true'}) | select(0u, 2u, ${cond(j)});`);
  return {
    INIT_EVENT: [...init, locals(mech.initEvent), r.stmts(mech.initEvent.stmts)].join('\n'),
    WATCH: watchChecks(mech, r, (j) => `watchState[${at(j)}]`),
  };
}

/**
 * The WATCH checks at a boundary: every armed condition first (bit 0 of `state(j)` armed, bit 1
 * true at the last check; a false -> true edge fires), then the handlers of those that fired, in
 * order. `state(j)`: where WATCH j's state is (memory or a register).
 */
export function watchChecks(mech: LoweredMechanism, r: WgslRenderer, state: (j: number) => string): string {
  const cond = (j: number) => `((${r.expr(mech.watches[j].left)} - ${r.expr(mech.watches[j].right)}) > 0.0)`;
  const check = mech.watches.map((_, j) =>
    [
      `  var fire${j} = false;`,
      `  if ((${state(j)} & 1u) != 0u) {`,
      `    let c = ${cond(j)};`,
      `    fire${j} = c && (${state(j)} & 2u) == 0u;`,
      `    ${state(j)} = select(1u, 3u, c);`,
      '  }',
    ].join('\n'),
  );
  const fire = mech.watches.map((w, j) => `  if (fire${j}) {\n${blockLocals(w.handler).replace(/^/gm, '  ')}\n${r.stmts(w.handler.stmts, '    ')}\n  }`);
  return mech.watches.length > 0 ? [...check, ...fire].join('\n') : '';
}

/** NET_RECEIVE with the summed weight of each argument read (and cleared) from the input ring. */
function receiveSlot(mech: LoweredMechanism, r: WgslRenderer, locals: (b: LoweredBlock) => string, fields: FieldsInLocals): string {
  if (!mech.def.linearReceive) return '  _ = at;';
  const args = mech.def.receiveArgs ?? ['w'];
  return [
    ...args.map((a, j) => `  let ${a} = ring[at + ${j}u * group.ringTargetStride];`),
    `  if (${args.map((a) => `${a} == 0.0`).join(' && ')}) { return; }`,
    ...args.map((_, j) => `  ring[at + ${j}u * group.ringTargetStride] = 0.0;`),
    locals(mech.receive),
    fields.load,
    r.stmts(mech.receive.stmts),
    fields.store,
  ].join('\n');
}
