import { blockLocals, currentPasses, fillSlots, type LoweredMechanism, WgslRenderer, watchChecks, wgslFloat } from '../../mech/index.ts';
import { readNames } from '../../nmodl/stmt-names.ts';
import { SHADERS } from '../../shaders.gen.ts';
import type { CellType, EpochPlan } from './epoch-plan.ts';
import { localId, ROW_HEADER, WORKGROUP } from './epoch-plan.ts';

// The WGSL of one cell type of the epoch-fused path: shaders/templates/epoch.wgsl with its
// slots filled. Each instance slot's blocks are the mechanism's statements rendered with its
// fields in registers (_f<slot>_<field>), in the per-step kernels' operation order; the cable
// solve is cell-shape.ts's straight-line Hines solve on registers. Every name and number here is
// spikegpu's; the mechanisms' statements come from the same lowering as every other target.

/** Where group g's data is on the GPU, and what its WGSL may rely on. */
export interface EpochGroup {
  mech: LoweredMechanism;
  count: number;
  /** Offset of the group's fields in the fields buffer [f32 words]; field f of instance k at base + f count + k. */
  fieldBase: number;
  /** Offset of its WATCH states there (u32 bits); WATCH j of instance k at base + j count + k. */
  watchBase: number;
  /** Where each of its tables' rows start in the params buffer [vec4s]. */
  tableOffsets: Record<string, number>;
  /** First input-ring target (-1: none) and targets per instance. */
  ringBase: number;
  ringWidth: number;
  /** Parameters with one value everywhere: f32 constants. */
  constants: ReadonlyMap<string, number>;
}

export interface EpochConstants {
  /** Offset of the rows in the plan buffer (after the times) [words]. */
  table: number;
  /** Offset of the event flags in the ring [words]. */
  ringFlags: number;
  nodes: number;
  ringSlots: number;
  /** The ring's layout (shaders/kernels/ring.wgsl). */
  ringSlotStride: number;
  ringTargetStride: number;
  probes: number;
  maxSpikes: number;
}

export function epochKernelWgsl(plan: EpochPlan, t: number, groups: EpochGroup[], k: EpochConstants): string {
  const type = plan.types[t];
  const gen = new TypeCode(type, plan.held, plan.temporaries, groups);
  const constants = [
    `const TABLE: u32 = ${k.table}u;`,
    `const WORKGROUP: u32 = ${WORKGROUP}u;`,
    `const TYPE_CELLS: u32 = ${type.cells.length}u;`,
    `const TYPE_ROWS: u32 = ${type.rows}u;`,
    `const WORKGROUP_BASE: u32 = ${type.workgroupBase}u;`,
    `const RING_FLAGS: u32 = ${k.ringFlags}u;`,
    `const ROW_WORDS: u32 = ${ROW_HEADER + 2 * type.slots.length}u;`,
    `const NODES: u32 = ${k.nodes}u;`,
    `const FLAGS: u32 = ${4 * k.nodes}u;`,
    `const RING_SLOTS: u32 = ${k.ringSlots}u;`,
    `const RING_SLOT_STRIDE: u32 = ${k.ringSlotStride}u;`,
    `const RING_TARGET_STRIDE: u32 = ${k.ringTargetStride}u;`,
    `const PROBES: u32 = ${k.probes}u;`,
    `const MAX_SPIKES: u32 = ${k.maxSpikes}u;`,
  ];
  return (
    SHADERS['kernels/chunk.wgsl'] +
    SHADERS['kernels/spikes.wgsl'] +
    fillSlots(SHADERS['templates/epoch.wgsl'], {
      CONSTANTS: constants.join('\n'),
      FUNCTIONS: gen.functions(),
      LOAD: gen.load(),
      STEP: gen.step(),
      PROBES: gen.probes(),
      WATCH: gen.watches(),
      STORE: gen.store(),
    })
  );
}

/** The code of one cell type, slot by slot. */
class TypeCode {
  constructor(
    private readonly type: CellType,
    private readonly held: string[][],
    private readonly temporaries: string[][],
    private readonly groups: EpochGroup[],
  ) {}

  private get nodes(): number[] {
    return this.type.shape.map((_, r) => r);
  }

  /** FUNCTIONs of each group the type uses, once per group (fn_g<group>_<name>). */
  functions(): string {
    const used = [...new Set(this.type.slots.map((s) => s.group))];
    return used.map((g) => this.renderer(g, -1).functions()).join('\n\n');
  }

  /** Slot s's renderer (s = -1: FUNCTIONs, which touch no fields); `v`: what v is (a block's copy, or the node's register). */
  private renderer(g: number, s: number, v = 'v'): WgslRenderer {
    const grp = this.groups[g];
    const fields = new Set(grp.mech.fields);
    const held = new Set([...this.held[g], ...this.temporaries[g]]);
    const names = {
      access: (name: string): string | null => {
        // f32-typed, so expressions of constants are folded in f32 as they would run (as in wgsl-module.ts)
        if (grp.constants.has(name)) return `f32(${wgslFloat(grp.constants.get(name)!)})`;
        if (fields.has(name)) {
          if (s < 0 || !held.has(name)) throw new Error(`epoch kernel: ${grp.mech.def.name}'s field ${name} is neither held nor a temporary`);
          return `_f${s}_${name}`;
        }
        if (name === 'v') return v;
        if (name === 't') return 'now';
        return name === 'dt' || name === 'celsius' ? `chunk.${name}` : null;
      },
    };
    return new WgslRenderer(grp.mech, names, grp.tableOffsets, { functionPrefix: `g${g}_`, tableRows: 'params' });
  }

  /** Per node v, its compensation and (a, b, cm); per slot its instance, scale, ring target and held fields. */
  load(): string {
    const lines: string[] = [];
    for (const r of this.nodes) {
      lines.push(
        `var _v${r} = V[n0 + ${r}u];`,
        // a v set outside the solver (INITIAL) restarts the compensation (cell.wgsl add_compensated)
        `var _lo${r} = select(V[NODES + n0 + ${r}u], 0.0, _v${r} != V[2u * NODES + n0 + ${r}u]);`,
        `let _nd${r} = nodeData[n0 + ${r}u];`,
      );
    }
    this.type.slots.forEach((slot, s) => {
      const grp = this.groups[slot.group];
      lines.push(`let _inst${s} = plan[row + ${ROW_HEADER + s}u];`);
      if (grp.mech.def.kind === 'point') lines.push(`let _scale${s} = bitcast<f32>(plan[row + ${ROW_HEADER + this.type.slots.length + s}u]);`);
      if (grp.ringBase >= 0) lines.push(`let _ring${s} = ${grp.ringBase}u + _inst${s} * ${grp.ringWidth}u;`);
      for (const f of this.held[slot.group]) lines.push(`var _f${s}_${f} = ${this.fieldAt(slot.group, s, f)};`);
      grp.mech.watches.forEach((_, j) => lines.push(`var _w${s}_${j} = bitcast<u32>(${this.watchAt(slot.group, s, j)});`));
    });
    return indent(lines, '  ');
  }

  private watchAt(g: number, s: number, j: number): string {
    const grp = this.groups[g];
    return `fields[${grp.watchBase + j * grp.count}u + _inst${s}]`;
  }

  /**
   * The WATCH checks at boundary n + 1, after the detector (mechanism.wgsl's watch), with v the
   * node's register; a handler that changes v restarts its compensation (cell.wgsl's
   * add_compensated does so when it finds v changed).
   */
  watches(): string {
    const lines: string[] = [];
    this.type.slots.forEach((slot, s) => {
      const m = this.groups[slot.group].mech;
      if (m.watches.length === 0) return;
      const r = slot.node;
      lines.push(
        '{',
        `  let k = _inst${s};`,
        ...this.now(slot.group, '  now = bitcast<f32>(plan[_at + 2u]);'),
        `  let _vold = _v${r};`,
        ...this.temporaryDeclarations(slot.group, s),
        watchChecks(m, this.renderer(slot.group, s, `_v${r}`), (j) => `_w${s}_${j}`),
        `  if (_v${r} != _vold) { _lo${r} = 0.0; }`,
        '}',
      );
    });
    return indent(lines, '      ');
  }

  private fieldAt(g: number, s: number, f: string): string {
    const grp = this.groups[g];
    return `fields[${grp.fieldBase + grp.mech.fields.indexOf(f) * grp.count}u + _inst${s}]`;
  }

  /** One step: receive, current, solve, state; ends with `let detected`. */
  step(): string {
    const lines: string[] = [];
    // inputs only at steps with any for the workgroup; the receivers have no other per-step work
    const receives = this.type.slots.flatMap((slot, s) =>
      this.groups[slot.group].ringBase >= 0 && this.groups[slot.group].mech.def.linearReceive ? this.receive(slot.group, s, slot.node) : [],
    );
    if (receives.length > 0) lines.push('if (_events) {', ...receives.map((l) => `  ${l}`), '}');
    this.type.slots.forEach((slot, s) => {
      if (this.groups[slot.group].mech.def.currents) lines.push(...this.current(slot.group, s, slot.node));
    });
    lines.push(...this.solve());
    this.type.slots.forEach((slot, s) => lines.push(...this.state(slot.group, s, slot.node)));
    lines.push(`let detected = _v${Math.max(0, this.type.detector)};`);
    return indent(lines, '    ');
  }

  /** NET_RECEIVE with the summed weights of boundary n (then cleared), as mechanism.wgsl's receive_events. */
  private receive(g: number, s: number, r: number): string[] {
    const m = this.groups[g].mech;
    const args = m.def.receiveArgs ?? ['w'];
    const body = this.renderer(g, s);
    return [
      '{',
      `  let k = _inst${s};`,
      `  let _w = _slot * RING_SLOT_STRIDE + _ring${s} * RING_TARGET_STRIDE;`,
      ...args.map((a, j) => `  let ${a} = ring[_w + ${j}u * RING_TARGET_STRIDE];`),
      `  if (!(${args.map((a) => `${a} == 0.0`).join(' && ')})) {`,
      ...this.temporaryDeclarations(g, s),
      ...args.map((_, j) => `    ring[_w + ${j}u * RING_TARGET_STRIDE] = 0.0;`),
      ...this.now(g, '    now = bitcast<f32>(plan[_at]);'),
      `    var v = _v${r};`,
      blockLocals(m.receive),
      body.stmts(m.receive.stmts),
      '  }',
      '}',
    ];
  }

  /** Slot s's temporaries (fields every block assigns before reading them), one set per block. */
  private temporaryDeclarations(g: number, s: number): string[] {
    return this.temporaries[g].map((f) => `  var _f${s}_${f}: f32 = 0.0;`);
  }

  /** `set`, where group g's code reads t (its blocks or FUNCTIONs); nothing where it does not (a load per block saved). */
  private now(g: number, set: string): string[] {
    const m = this.groups[g].mech;
    const names = new Set<string>();
    for (const b of [m.receive, m.breakpoint, m.state]) readNames(b.stmts, names);
    for (const f of m.functions) readNames(f.body, names);
    return names.has('t') ? [set] : [];
  }

  /** BREAKPOINT at v + 0.001 and v: the contribution _c<slot>, as mechanism.wgsl's current. */
  private current(g: number, s: number, r: number): string[] {
    const m = this.groups[g].mech;
    const passes = currentPasses(m, this.renderer(g, s), m.def.kind === 'point' ? ` * _scale${s}` : '');
    return [
      `var _c${s}: vec2<f32>;`,
      '{',
      `  let k = _inst${s};`,
      ...this.now(g, '  now = bitcast<f32>(plan[_at + 1u]);'),
      `  let vk = _v${r};`,
      ...this.temporaryDeclarations(g, s),
      blockLocals(m.breakpoint),
      ...passes.statements,
      `  _c${s} = ${passes.contribution};`,
      '}',
    ];
  }

  /** SOLVE with the new v (and the BREAKPOINT of current-less mechanisms), as mechanism.wgsl's state. */
  private state(g: number, s: number, r: number): string[] {
    const m = this.groups[g].mech;
    const blocks = m.def.currents ? [m.state] : [m.state, m.breakpoint];
    if (blocks.every((b) => b.stmts.length === 0)) return [];
    const body = this.renderer(g, s);
    return [
      '{',
      `  let k = _inst${s};`,
      ...this.now(g, '  now = bitcast<f32>(plan[_at + 2u]);'),
      `  var v = _v${r};`,
      ...this.temporaryDeclarations(g, s),
      ...blocks.map(blockLocals),
      ...blocks.map((b) => body.stmts(b.stmts)),
      '}',
    ];
  }

  /**
   * The cable equation (cell.wgsl: gather, then solve_shape's operations): per node the
   * contributions in the CPU's order (groups in order, each group's last-added first: the slot
   * order) and cfac cm, axial terms, elimination from the leaves, back substitution, v += rhs.
   */
  private solve(): string[] {
    const { shape, slots } = this.type;
    const lines: string[] = [];
    for (const r of this.nodes) {
      const mine = slots.flatMap((slot, s) => (slot.node === r && this.groups[slot.group].mech.def.currents ? [s] : []));
      lines.push(`var _r${r} = 0.0;`, `var _d${r} = 0.0;`);
      // through chunk.opaqueZero: the per-step path's sums, not an FMA of the contribution's product and the sum
      for (const s of mine) lines.push(`_r${r} = _r${r} + opaque(_c${s}.x);`, `_d${r} = _d${r} + opaque(_c${s}.y);`);
      lines.push(`_d${r} = _d${r} + chunk.cfac * _nd${r}.z;`);
    }
    shape.forEach((p, k) => {
      if (p >= 0)
        lines.push(
          `{ let dv = _v${p} - _v${k}; _r${k} = _r${k} - _nd${k}.y * dv; _r${p} = _r${p} + _nd${k}.x * dv; _d${k} = _d${k} - _nd${k}.y; _d${p} = _d${p} - _nd${k}.x; }`,
        );
    });
    for (let k = shape.length - 1; k >= 0; k--) {
      const p = shape[k];
      if (p >= 0) lines.push(`{ let f = _nd${k}.x / _d${k}; _d${p} = _d${p} - f * _nd${k}.y; _r${p} = _r${p} - f * _r${k}; }`);
    }
    shape.forEach((p, k) => {
      lines.push(p >= 0 ? `_r${k} = (_r${k} - _nd${k}.y * _r${p}) / _d${k};` : `_r${k} = _r${k} / _d${k};`);
      // add_compensated (Knuth's TwoSum), as cell.wgsl
      lines.push(
        `{ let a = _v${k}; let x = _r${k}; let s = a + x; let xx = s - a; let err = (a - (s - xx)) + (x - xx); _lo${k} = _lo${k} + err; let hi = s + _lo${k}; _lo${k} = _lo${k} - (hi - s); _v${k} = hi; }`,
      );
    });
    return lines;
  }

  /** The probe switch's cases: nodes' v, then held fields by local id. */
  probes(): string {
    const cases = this.nodes.map((r) => `case ${r}u: { x = _v${r}; }`);
    this.type.slots.forEach((slot, s) => {
      this.held[slot.group].forEach((f, j) => cases.push(`case ${localId(this.type, this.held, s, j)}u: { x = _f${s}_${f}; }`));
    });
    return indent(cases, '          ');
  }

  /** v, compensation and every held field back to memory. */
  store(): string {
    const lines: string[] = [];
    for (const r of this.nodes) lines.push(`V[n0 + ${r}u] = _v${r};`, `V[NODES + n0 + ${r}u] = _lo${r};`, `V[2u * NODES + n0 + ${r}u] = _v${r};`);
    this.type.slots.forEach((slot, s) => {
      for (const f of this.held[slot.group]) lines.push(`${this.fieldAt(slot.group, s, f)} = _f${s}_${f};`);
      this.groups[slot.group].mech.watches.forEach((_, j) => lines.push(`${this.watchAt(slot.group, s, j)} = bitcast<f32>(_w${s}_${j});`));
    });
    return indent(lines, '  ');
  }
}

function indent(lines: string[], by: string): string {
  return lines
    .join('\n')
    .split('\n')
    .map((l) => (l.trim() ? by + l : l))
    .join('\n');
}
