import { JsRenderer, LIBM_BINDINGS } from './render-js.ts';
import type { LoweredMechanism, LoweredTable } from './lower.ts';

// NMODL TABLEs, built as nocmodl's _check_<proc> does: for i = 0..with, x starts at `from`
// and is accumulated (x += dx) — the procedure body runs at each x in double precision.
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
  const evaluate = new Function(...Object.keys(LIBM_BINDINGS), body)(...Object.values(LIBM_BINDINGS)) as (x: number, celsius: number) => number[];
  const n = table.with + 1;
  const out = new Float64Array(table.outputs.length * n);
  const dx = (table.to - table.from) / table.with;
  let x = table.from;
  for (let i = 0; i < n; i++, x += dx) {
    const values = evaluate(x, celsius);
    values.forEach((v, k) => { out[k * n + i] = v; });
  }
  return out;
}
