import type { MechGroup } from '../../compile/index.ts';
import { abortMessages, JsRenderer, LIBM_NAME, type LoweredBlock, type LoweredMechanism, NEURON_LIBM, type Precision, scopmath } from '../../mech/index.ts';

// JavaScript kernels for one mechanism group, generated from the lowered definition: each
// kernel loops over the group's instances. The source is produced from checked statement
// trees only (never from user text) and compiled once per group with `new Function`.

export type Arrays = Float64Array | Float32Array;

/** A mechanism stopped the run as NEURON's hoc_execerror does. */
export class MechanismAbort extends Error {
  override name = 'MechanismAbort';
}

/** A segment ion's arrays by node (compile's IonTable): e [mV], total current of the step i [mA/cm2], concentrations [mM]. */
export interface IonArrays {
  e: Arrays;
  i: Arrays;
  in: Arrays;
  out: Arrays;
}

/** Where event statements go: net_send, net_move, net_event of instance k (times in ms). */
export interface EventSink {
  /** `index`: the NetCon whose event sent it (its state goes with the self-event), -1 outside NET_RECEIVE. */
  send(k: number, time: number, flag: number, w: number, index: number): void;
  move(k: number, time: number): void;
  event(k: number, time: number): void;
}

export interface MechKernels {
  /** INITIAL at t = 0 with v = node voltage (a `v =` there does not reach the node). */
  initial(V: Arrays, G: Float64Array): void;
  /**
   * nrn_cur: BREAKPOINT at v + 0.001 and at v; rhs -= i*scale, d += di/dv*scale (electrode:
   * opposite signs). Instances go last-added first: NEURON prepends each new point process to
   * its node's property list, so a node's instances of one mechanism are summed in that order.
   */
  current(V: Arrays, RHS: Arrays, D: Arrays, G: Float64Array): void;
  /** nrn_state at t_{n+1} with the new v (and the BREAKPOINT of current-less mechanisms). */
  state(V: Arrays, G: Float64Array): void;
  /**
   * NET_RECEIVE for instance k with weight w at event time t (flag 0: NetCon event, else a
   * self-event); with a weight vector (receiveArgs), w is the element at `index`, the rest 0.
   */
  receive(k: number, w: number, t: number, flag: number, index: number, V: Arrays, G: Float64Array): void;
  /** finitialize's flag-1 event: arms the WATCHes (armed, last) and runs the handler. */
  initEvent(V: Arrays, G: Float64Array, armed: Uint8Array, last: Uint8Array): void;
  /** WATCH checks at a step boundary: a false -> true edge marks the watch as fired. */
  watchCheck(V: Arrays, G: Float64Array, armed: Uint8Array, last: Uint8Array, fired: Uint8Array): void;
  /** Delivers the fired WATCH self-events (their NET_RECEIVE handlers) and clears them. */
  watchFire(V: Arrays, G: Float64Array, fired: Uint8Array): void;
  /** NET_RECEIVE's INITIAL for NetCon `index` (weight w) at finitialize. */
  netconInitial(index: number, w: number, G: Float64Array): void;
}

export function mechKernels(
  mech: LoweredMechanism,
  group: MechGroup,
  fields: Record<string, Arrays>,
  tables: Record<string, Arrays>,
  precision: Precision,
  ev: EventSink,
  ions: Readonly<Record<string, IonArrays>> = {},
  area: Float64Array = new Float64Array(0),
  /** Per NET_RECEIVE state argument (def.netconState): its value for every NetCon of the model. */
  netcon: Arrays[] = [],
): MechKernels {
  const netconState = mech.def.netconState ?? [];
  const fieldSet = new Set(mech.fields);
  const ionVars = Object.entries(mech.def.ionVars ?? {});
  const ionArray = (name: string) => {
    const v = mech.def.ionVars?.[name];
    return v ? `ION_${v.ion}_${v.role}` : null;
  };
  const globals: Record<string, string> = { t: 't', dt: 'dt', celsius: 'celsius' };
  const names = (vOnNode: boolean) => ({
    access: (name: string) => {
      if (fieldSet.has(name)) return `f_${name}[k]`;
      const ion = ionArray(name);
      if (ion) return `${ion}[node[k]]`;
      const state = netconState.indexOf(name);
      if (state >= 0) return `NC_${state}[index]`;
      if (name === 'v') return vOnNode ? 'V[node[k]]' : null;
      return globals[name] ?? null;
    },
    array: (name: string) => (fieldSet.has(name) ? `f_${name}` : null),
  });
  const local = new JsRenderer(mech, names(false), precision);
  const onNode = new JsRenderer(mech, names(true), precision);
  const r = (code: string) => (precision === 'f32' ? `F(${code})` : `(${code})`);
  const locals = (b: LoweredBlock) => (b.locals.length > 0 ? `let ${b.locals.join(', ')};` : '');
  const head = 't = G[0]; dt = G[1]; celsius = G[2]; const w = 0, index = -1;';
  const weightArgs = (mech.def.receiveArgs ?? []).map((a, j) => `const ${a} = index === ${j} ? w : 0;`).join(' ');
  const nodeV = mech.def.kind === 'artificial' ? '' : 'let v = V[node[k]];';
  const currents = mech.def.currents;
  const sumCurrents = currents ? currents.names.map((n) => `f_${n}[k]`).reduce((a, b) => r(`${a} + ${b}`)) : '0';
  const electrode = currents?.kind === 'electrode';
  const scaled = mech.def.kind === 'point';
  // nocmodl: written concentrations are copied in from the segment at the start of nrn_init,
  // nrn_cur and nrn_state and out after nrn_init and nrn_state; written currents are added into
  // the segment's total after nrn_cur ((ica*1e2)/area for a point process)
  const writtenConc = ionVars.filter(([name, v]) => v.write && v.role !== 'i' && fieldSet.has(name));
  const copyIn = writtenConc.map(([name]) => `f_${name}[k] = ${ionArray(name)}[node[k]];`).join(' ');
  const copyOut = writtenConc.map(([name]) => `${ionArray(name)}[node[k]] = f_${name}[k];`).join(' ');
  const addCurrents = ionVars
    .filter(([name, v]) => v.write && v.role === 'i' && fieldSet.has(name))
    .map(([name]) => `${ionArray(name)}[nd] += ${scaled ? r(`${r(`f_${name}[k] * 100`)} / AREA[nd]`) : `f_${name}[k]`};`)
    .join(' ');
  const currentBody = currents
    ? `
      ${copyIn}
      const vk = V[nd];
      let v = ${r('vk + 0.001')};
${local.stmts(mech.breakpoint.stmts, '      ')}
      const i1 = ${sumCurrents};
      v = vk;
${local.stmts(mech.breakpoint.stmts, '      ')}
      let rhs = ${sumCurrents};
      let g = ${r(`${r('i1 - rhs')} / ${precision === 'f32' ? Math.fround(0.001) : 0.001}`)};
      ${scaled ? `g = ${r('g * scale[k]')}; rhs = ${r('rhs * scale[k]')};` : ''}
      RHS[nd] ${electrode ? '+=' : '-='} rhs;
      D[nd] ${electrode ? '-=' : '+='} g;
      ${addCurrents}`
    : '';
  const watchCode = (arm: boolean) =>
    mech.watches
      .map((w, j) => {
        const slot = `${j} * n + k`;
        const cond = `(${r(`${onNode.expr(w.left)} - ${onNode.expr(w.right)}`)} > 0)`;
        if (arm) {
          return `      armed[${slot}] = ${w.armedIf ? `${onNode.test(w.armedIf)} ? 1 : 0` : '1'}; last[${slot}] = ${cond} ? 1 : 0;`;
        }
        return `      if (armed[${slot}] === 1) {
        const c = ${cond};
        if (c && last[${slot}] === 0) fired[${slot}] = 1;
        last[${slot}] = c ? 1 : 0;
      }`;
      })
      .join('\n');
  const fireCode = mech.watches
    .map(
      (w, j) => `      if (fired[${j} * n + k] === 1) {
        fired[${j} * n + k] = 0;
        ${locals(w.handler)}
${onNode.stmts(w.handler.stmts, '        ')}
      }`,
    )
    .join('\n');
  const source = `"use strict";
const F = Math.fround;
const n = group.count, node = group.node, scale = group.scale;
let t = 0, dt = 0, celsius = 0;
${mech.fields.map((f) => `const f_${f} = fields.${f};`).join('\n')}
${mech.tables.map((t) => `const tbl_${t.name} = tables.${t.name};`).join('\n')}
${[...new Map(ionVars.map(([, v]) => [`ION_${v.ion}_${v.role}`, `ions[${JSON.stringify(v.ion)}].${v.role}`]))].map(([name, at]) => `const ${name} = ${at};`).join('\n')}
const AREA = area;
${netconState.map((_, j) => `const NC_${j} = netcon[${j}];`).join('\n')}
${local.functions()}
${local.solverSpace([mech.initial.stmts, mech.breakpoint.stmts, mech.state.stmts, mech.receive.stmts, ...mech.functions.map((f) => f.body)])}
return {
  initial(V, G) {
    ${head}
    for (let k = 0; k < n; k++) {
      ${nodeV}
      ${locals(mech.initial)}
      ${copyIn}
${local.stmts(mech.initial.stmts, '      ')}
      ${copyOut}
    }
  },
  current(V, RHS, D, G) {
    ${head}
    for (let k = n - 1; k >= 0; k--) {
      const nd = node[k];
      ${locals(mech.breakpoint)}
${currentBody}
    }
  },
  state(V, G) {
    ${head}
    for (let k = 0; k < n; k++) {
      ${nodeV}
      ${locals(mech.state)} ${currents ? '' : locals(mech.breakpoint)}
      ${copyIn}
${local.stmts(mech.state.stmts, '      ')}
${currents ? '' : local.stmts(mech.breakpoint.stmts, '      ')}
      ${copyOut}
    }
  },
  receive(k, w, time, flag, index, V, G) {
    t = time; dt = G[1]; celsius = G[2];
    ${weightArgs}
    ${locals(mech.receive)}
${onNode.stmts(mech.receive.stmts, '    ')}
  },
  initEvent(V, G, armed, last) {
    ${head}
    for (let k = 0; k < n; k++) {
${watchCode(true)}
      ${locals(mech.initEvent)}
${onNode.stmts(mech.initEvent.stmts, '      ')}
    }
  },
  watchCheck(V, G, armed, last, fired) {
    ${head}
    for (let k = 0; k < n; k++) {
${watchCode(false)}
    }
  },
  watchFire(V, G, fired) {
    ${head}
    for (let k = 0; k < n; k++) {
${fireCode}
    }
  },
  netconInitial(index, w, G) {
    t = G[0]; dt = G[1]; celsius = G[2];
    ${locals(mech.netconInitial)}
${local.stmts(mech.netconInitial.stmts, '    ')}
  },
};`;
  try {
    const R = precision === 'f32' ? Math.fround : (x: number) => x;
    const messages = abortMessages(mech);
    const abort = (i: number) => {
      throw new MechanismAbort(`${mech.def.name}: hoc_execerror: ${messages[i]} (NEURON stops the run)`);
    };
    return new Function('group', 'fields', 'tables', 'ev', 'scop', 'R', 'ions', 'area', 'abort', 'netcon', LIBM_NAME, source)(
      group,
      fields,
      tables,
      ev,
      scopmath,
      R,
      ions,
      area,
      abort,
      netcon,
      NEURON_LIBM,
    ) as MechKernels;
  } catch (e) {
    throw new Error(`generated JavaScript for ${mech.def.name} does not compile: ${(e as Error).message}\n${source}`);
  }
}
