import type { LoweredMechanism, LoweredTable } from './lower.ts';
import { LIBM_NAME, NEURON_LIBM } from './neuron-libm.ts';
import { JsRenderer } from './render-js.ts';

// NMODL TABLEs, built as nocmodl's _check_<proc> does: for i = 0..with, x starts at `from`
// and is accumulated (x += dx) — the procedure body runs at each x in double precision, with
// NEURON's exp/log/pow (neuron-libm.ts): an ulp off there stays in every lookup.
// Layout: the outputs one after another, (with + 1) values each.

export function buildTable(mech: LoweredMechanism, table: LoweredTable, celsius: number): Float64Array {
  const renderer = new JsRenderer(mech, { access: (name) => (name === 'celsius' ? 'celsius' : null) }, 'f64');
  const locals = [...new Set([...table.locals, ...table.outputs])].filter((n) => n !== table.arg);
  const body = `"use strict";
const k = 0;
${renderer.functions()}
return function (${table.arg}, celsius) {
  let ${locals.join(', ')};
${renderer.stmts(table.body, '  ')}
  return [${table.outputs.join(', ')}];
};`;
  const evaluate = new Function(LIBM_NAME, body)(NEURON_LIBM) as (x: number, celsius: number) => number[];
  const n = table.with + 1;
  const out = new Float64Array(table.outputs.length * n);
  const dx = (table.to - table.from) / table.with;
  let x = table.from;
  for (let i = 0; i < n; i++, x += dx) {
    const values = evaluate(x, celsius);
    values.forEach((v, k) => {
      out[k * n + i] = v;
    });
  }
  return out;
}
