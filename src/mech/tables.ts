import { assignedNames } from '../nmodl/stmt-names.ts';
import type { LoweredMechanism, LoweredTable } from './lower.ts';
import { LIBM_NAME, NEURON_LIBM } from './neuron-libm.ts';
import { abortMessages, JsRenderer } from './render-js.ts';

// NMODL TABLEs, built as nocmodl's _check_<proc> does: for i = 0..with, x starts at `from`
// and is accumulated (x += dx) — the procedure body runs at each x in double precision, with
// NEURON's exp/log/pow (neuron-libm.ts): an ulp off there stays in every lookup.
// Layout: the outputs one after another, (with + 1) values each. The body may read celsius, dt
// and GLOBAL parameters (its DEPEND list); NEURON builds the table from instance 0's values,
// `value(field)` here. Building runs the body, so GLOBAL variables it assigns besides the
// outputs keep the values of its last point (ca_hnn's tadj): NEURON's shared globals do, and a
// mechanism may read them later (BuiltTable.globals).

export interface BuiltTable {
  values: Float64Array;
  /** GLOBAL fields the body assigns (not outputs), with their values after building. */
  globals: Map<string, number>;
}

export function buildTable(
  mech: LoweredMechanism,
  table: LoweredTable,
  celsius: number,
  dt = 0,
  value: (field: string) => number = () => Number.NaN,
): BuiltTable {
  const fieldIndex = new Map(mech.fields.map((f, i) => [f, i]));
  const access = (name: string) => (name === 'celsius' || name === 'dt' ? name : fieldIndex.has(name) ? `P[${fieldIndex.get(name)}]` : null);
  const renderer = new JsRenderer(mech, { access }, 'f64');
  const locals = [...new Set([...table.locals, ...table.outputs])].filter((n) => n !== table.arg && access(n) === null);
  const body = `"use strict";
const k = 0;
${renderer.functions(true)}
return function (${table.arg}, celsius, dt, P) {
  ${locals.length > 0 ? `let ${locals.join(', ')};` : ''}
${renderer.stmts(table.body, '  ')}
  return [${table.outputs.map((o) => access(o) ?? o).join(', ')}];
};`;
  const abort = (i: number) => {
    throw new Error(`${mech.def.name}: hoc_execerror while building TABLE ${table.name}: ${abortMessages(mech)[i]}`);
  };
  const evaluate = new Function(LIBM_NAME, 'abort', body)(NEURON_LIBM, abort) as (x: number, celsius: number, dt: number, P: number[]) => number[];
  const P = mech.fields.map(value);
  const n = table.with + 1;
  const out = new Float64Array(table.outputs.length * n);
  const dx = (table.to - table.from) / table.with;
  let x = table.from;
  for (let i = 0; i < n; i++, x += dx) {
    const values = evaluate(x, celsius, dt, P);
    values.forEach((v, k) => {
      out[k * n + i] = v;
    });
  }
  const globals = new Map<string, number>();
  for (const g of mech.def.globals ?? [])
    if (fieldIndex.has(g) && !table.outputs.includes(g) && assignedNames(table.body).has(g)) globals.set(g, P[fieldIndex.get(g)!]);
  return { values: out, globals };
}
