import type { Expr } from '../expr/ast.ts';
import type { Callable, NStmt } from './ast.ts';
import type { Converter } from './convert.ts';
import type { Stmt, TableDef } from './definition.ts';
import { NmodlError, NmodlUnsupported } from './errors.ts';
import { assignedNames, readNames } from './stmt-names.ts';
import type { Symbols } from './symbols.ts';

// NMODL TABLEs of PROCEDUREs and FUNCTIONs: what a table may be built from, and its bounds.

/**
 * The TABLE of a FUNCTION or PROCEDURE (`outputs`: the procedure's tabulated variables, or the
 * function's name), or null without one. One argument; DEPEND and what the body reads must be
 * what a table can be built from (tableInput).
 */
export function tableOf(c: Callable, body: Stmt[], outputs: string[], args: string[], convert: Converter, symbols: Symbols, suffix: string): TableDef | null {
  const tables = c.body.filter((s) => s.kind === 'table');
  if (tables.length === 0) return null;
  const t = tables[0] as Extract<NStmt, { kind: 'table' }>;
  if (tables.length > 1 || c.args.length !== 1) throw new NmodlError(convert.file, t.pos, `a TABLE needs a ${c.name} of one argument and one TABLE statement`);
  for (const d of t.depend)
    if (!tableInput(d, symbols)) throw new NmodlUnsupported(convert.file, t.pos, `TABLE ... DEPEND ${d}`, 'tables depend on celsius, dt and parameters');
  const own = new Set(outputs);
  for (const o of t.outputs) if (symbols.get(o)?.kind !== 'assigned') throw new NmodlError(convert.file, t.pos, `TABLE output ${o} must be ASSIGNED`);
  const assigned = assignedNames(body);
  // a GLOBAL ASSIGNED read is the value it has when the table is built (before INITIAL), as in NEURON, unless the body assigns it first
  const shared = (x: string) => {
    const s = symbols.get(x);
    return s?.kind === 'assigned' && (!s.range || assigned.has(x));
  };
  const read = [...readNames(body)].find((x) => !own.has(x) && !tableMayRead(x, args, outputs, symbols) && !shared(x));
  if (read) throw new NmodlUnsupported(convert.file, t.pos, `a TABLE of ${c.name} reading ${read}`, 'tables of the argument, celsius and parameters');
  // bounds may be GLOBAL parameters (vmin, vmax): their values, as the table is built with them
  const value = (e: Expr, what: string) =>
    constantValue(
      withDefaults(convert.expr(e, new Map(), t.pos, { where: 'TABLE' }), symbols),
      () => new NmodlUnsupported(convert.file, t.pos, `TABLE ${what} that is not a number or a GLOBAL parameter`),
    );
  return { outputs: t.outputs, from: value(t.from, 'FROM'), to: value(t.to, 'TO'), with: value(t.with, 'WITH'), switchName: `usetable_${suffix}` };
}

/**
 * What a table is built from besides its argument: celsius, dt and parameters. NEURON builds a
 * table once for all instances, from instance 0's values (the first instance created, here as
 * there), so a RANGE parameter read by a table takes that instance's value for every instance.
 */
function tableInput(name: string, symbols: Symbols): boolean {
  return name === 'celsius' || name === 'dt' || symbols.get(name)?.kind === 'parameter';
}

/** What a tabulated PROCEDURE may read: its argument, its own outputs and locals, the table's inputs, FUNCTIONs. */
function tableMayRead(name: string, args: string[], outputs: string[], symbols: Symbols): boolean {
  if (args.includes(name) || outputs.includes(name) || name.startsWith('_') || tableInput(name, symbols)) return true;
  return symbols.get(name)?.kind === 'function';
}

/** A name of a GLOBAL parameter replaced by its default (with nocmodl's %g digits). */
function withDefaults(e: Expr, symbols: Symbols): Expr {
  if (e.kind === 'unary') return { ...e, operand: withDefaults(e.operand, symbols) };
  const s = e.kind === 'name' ? symbols.get(e.name) : undefined;
  return s?.kind === 'parameter' && !s.range ? { kind: 'num', value: Number((s.decl.value ?? 0).toPrecision(6)), column: e.column } : e;
}

function constantValue(e: Expr, fail: () => Error): number {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'unary') return (e.op === '-' ? -1 : 1) * constantValue(e.operand, fail);
  throw fail();
}
