import type { Expr } from '../expr/ast.ts';
import { MOD_MATH } from '../nmodl/math.ts';
import type { LoweredMechanism, LoweredTable } from './lower.ts';
import type { Stmt } from './types.ts';

// Renders mechanism statements as WGSL (f32, C semantics). Mirrors render-js.ts: the same
// statement trees, the same operation order; table lookups read `tables` at an offset.

export interface WgslNames {
  /** WGSL for a per-instance field or a global, or null for a local variable. */
  access(name: string): string | null;
}

export interface WgslRenderOptions {
  /** Put before FUNCTION names (`fn_<prefix><name>`): several mechanisms' functions in one module. */
  functionPrefix?: string;
  /** The array tables are read from (default `tables`). */
  tables?: string;
  /**
   * Tables as rows (`tableRows`) in this array<vec4<f32>>, tableOffsets in vec4s: one row's few
   * wide loads instead of two loads per output (per-lane loads are costly on SIMD adapters).
   */
  tableRows?: string;
}

/** Vec4s per row of `tableRows` for a table of `outputs` outputs. */
export function tableRowWidth(outputs: number): number {
  return Math.ceil((2 * outputs) / 4);
}

/**
 * A table (`values`: output k's entry i at k (with + 1) + i, as buildTable makes it) as rows
 * 0 .. with: row i holds every output at i, then every output at i + 1 (row `with`: at `with`
 * twice), padded to whole vec4s.
 */
export function tableRows(values: Float32Array | Float64Array, outputs: number, width: number): Float32Array {
  const n = width + 1;
  const stride = 4 * tableRowWidth(outputs);
  const rows = new Float32Array(n * stride);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < outputs; k++) {
      rows[i * stride + k] = values[k * n + i];
      rows[i * stride + outputs + k] = values[k * n + Math.min(i + 1, width)];
    }
  return rows;
}

export class WgslRenderer {
  private tableCount = 0;

  constructor(
    private readonly mech: LoweredMechanism,
    private readonly names: WgslNames,
    private readonly tableOffsets: Record<string, number> = {},
    private readonly options: WgslRenderOptions = {},
  ) {}

  stmts(stmts: Stmt[], indent = '  '): string {
    return stmts.map((s) => this.stmt(s, indent)).join('\n');
  }

  private stmt(s: Stmt, indent: string): string {
    switch (s.kind) {
      case 'assign':
        return `${indent}${this.names.access(s.target) ?? s.target} = ${this.expr(s.expr)};`;
      case 'if': {
        const otherwise = s.otherwise.length > 0 ? ` else {\n${this.stmts(s.otherwise, `${indent}  `)}\n${indent}}` : '';
        return `${indent}if (${this.test(s.test)}) {\n${this.stmts(s.then, `${indent}  `)}\n${indent}}${otherwise}`;
      }
      case 'table':
        return this.tableLookup(this.mech.tables.find((t) => t.name === s.name)!, s.arg, indent);
      case 'while':
        return `${indent}while (${this.test(s.test)}) {\n${this.stmts(s.body, `${indent}  `)}\n${indent}}`;
      case 'send':
        return `${indent}net_send(k, ${this.names.access('t')} + ${this.expr(s.delay)}, ${this.expr(s.flag)});`;
      case 'move':
        return `${indent}net_move(k, ${this.expr(s.time)});`;
      case 'event':
        return `${indent}net_event(k, ${this.expr(s.time)});`;
      case 'newton':
        return `${indent}newton_solve(k, v);`;
      case 'simeq': {
        const n = s.unknowns.length;
        const c = `c_${s.name}`;
        return [
          `${indent}{`,
          this.stmts(s.body, `${indent}  `),
          `${indent}  var ${c}: array<array<f32, ${n + 1}>, ${n}>;`,
          ...s.matrix.flatMap((row, i) => row.map((e, j) => `${indent}  ${c}[${i}][${j}] = ${this.expr(e)};`)),
          `${indent}  let s_${s.name} = simeq(&${c});`,
          ...s.unknowns.map((x, i) => `${indent}  ${this.names.access(x)} = s_${s.name}[${i}];`),
          `${indent}}`,
        ].join('\n');
      }
      case 'call':
        throw new Error(`${this.mech.def.name}: PROCEDURE ${s.name} was not inlined`);
      case 'abort':
        throw new Error(`${this.mech.def.name}: hoc_execerror cannot stop a GPU run (the layout refuses such mechanisms)`);
    }
  }

  test(e: Expr): string {
    if (e.kind === 'compare' || e.kind === 'bool' || e.kind === 'not') return this.expr(e);
    return `(${this.expr(e)} != 0.0)`;
  }

  expr(e: Expr): string {
    switch (e.kind) {
      case 'num':
        return wgslFloat(e.value);
      case 'name':
        return this.names.access(e.name) ?? e.name;
      case 'unary':
        return e.op === '-' ? `(-${this.expr(e.operand)})` : this.expr(e.operand);
      case 'not':
        return `(!${this.test(e.operand)})`;
      case 'binary':
        if (e.op === '**') return `pow(${this.expr(e.left)}, ${this.expr(e.right)})`;
        if (!['+', '-', '*', '/'].includes(e.op)) throw new Error(`${this.mech.def.name}: operator ${e.op} is not allowed in mechanism code`);
        return `(${this.expr(e.left)} ${e.op} ${this.expr(e.right)})`;
      case 'compare':
        if (e.ops.length !== 1) throw new Error(`${this.mech.def.name}: chained comparisons are not allowed in mechanism code`);
        return `(${this.expr(e.operands[0])} ${e.ops[0]} ${this.expr(e.operands[1])})`;
      case 'bool':
        return `(${this.test(e.left)} ${e.op === 'and' ? '&&' : '||'} ${this.test(e.right)})`;
      case 'ifexp':
        return `select(${this.expr(e.otherwise)}, ${this.expr(e.then)}, ${this.test(e.test)})`;
      case 'call': {
        const rendered = e.args.map((a) => this.expr(a));
        const math = MOD_MATH.get(e.callee)?.wgsl;
        if (math) return math.replace(/\$(\d)/g, (_, i: string) => rendered[Number(i)]);
        return `fn_${this.options.functionPrefix ?? ''}${e.callee}(${['k', rendered.join(', ')].filter(Boolean).join(', ')})`;
      }
    }
  }

  functions(): string {
    return this.mech.functions
      .map((f) => {
        const locals = [...new Set([...f.locals, f.name])].map((n) => `  var ${n}: f32 = 0.0;`).join('\n');
        return `fn fn_${this.options.functionPrefix ?? ''}${f.name}(${['k: u32', ...f.args.map((a) => `${a}_in: f32`)].join(', ')}) -> f32 {\n${f.args.map((a) => `  var ${a} = ${a}_in;`).join('\n')}\n${locals}\n${this.stmts(f.body)}\n  return ${f.name};\n}`;
      })
      .join('\n\n');
  }

  /** nocmodl's lookup, as in render-js.ts; the table starts at tables[tableOffsets[name]]. */
  private tableLookup(table: LoweredTable, arg: Expr, indent: string): string {
    if (this.options.tableRows) return this.tableRowLookup(table, arg, indent, this.options.tableRows);
    const id = this.tableCount++;
    const n = table.with + 1;
    const base = this.tableOffsets[table.name] ?? 0;
    const at = (k: number, i: string) => `${this.options.tables ?? 'tables'}[${base + k * n}u + ${i}]`;
    const out = (o: string) => this.names.access(o) ?? o;
    return [
      `${indent}{`,
      `${indent}  let xi${id} = ${wgslFloat(1 / ((table.to - table.from) / table.with))} * (${this.expr(arg)} - ${wgslFloat(table.from)});`,
      `${indent}  if (xi${id} <= 0.0) {`,
      ...table.outputs.map((o, k) => `${indent}    ${out(o)} = ${at(k, '0u')};`),
      `${indent}  } else if (xi${id} >= ${wgslFloat(table.with)}) {`,
      ...table.outputs.map((o, k) => `${indent}    ${out(o)} = ${at(k, `${table.with}u`)};`),
      `${indent}  } else {`,
      `${indent}    let i${id} = u32(xi${id});`,
      `${indent}    let th${id} = xi${id} - f32(i${id});`,
      ...table.outputs.map((o, k) => `${indent}    ${out(o)} = ${at(k, `i${id}`)} + th${id} * (${at(k, `i${id} + 1u`)} - ${at(k, `i${id}`)});`),
      `${indent}  }`,
      `${indent}}`,
    ].join('\n');
  }

  /**
   * The same lookup with the same values, reading one row of `tableRows` (rows in vec4s from
   * tableOffsets[name]) without branches: every lane gathers one row (the edge row where xi is
   * outside the table) and `select` takes the edge entry as it stands, so the values are the
   * branchy lookup's bit for bit. On a software adapter each branch gathered lane by lane under
   * its mask; one row instead of three made the fused HH network 10-15 % faster.
   */
  private tableRowLookup(table: LoweredTable, arg: Expr, indent: string, rows: string): string {
    const id = this.tableCount++;
    const K = table.outputs.length;
    const W = tableRowWidth(K);
    const base = this.tableOffsets[table.name] ?? 0;
    const out = (o: string) => this.names.access(o) ?? o;
    const entry = (e: number) => `q${id}_${e >> 2}.${'xyzw'[e & 3]}`;
    return [
      `${indent}{`,
      `${indent}  let xi${id} = ${wgslFloat(1 / ((table.to - table.from) / table.with))} * (${this.expr(arg)} - ${wgslFloat(table.from)});`,
      `${indent}  let below${id} = xi${id} <= 0.0;`,
      `${indent}  let edge${id} = below${id} || xi${id} >= ${wgslFloat(table.with)};`,
      // u32() of an f32 saturates (WGSL), so i is in 0 .. with whatever xi is
      `${indent}  let i${id} = select(min(u32(xi${id}), ${table.with}u), 0u, below${id});`,
      `${indent}  let th${id} = xi${id} - f32(i${id});`,
      ...Array.from({ length: W }, (_, w) => `${indent}  let q${id}_${w} = ${rows}[${base}u + i${id} * ${W}u + ${w}u];`),
      ...table.outputs.map((o, k) => `${indent}  ${out(o)} = select(${entry(k)} + th${id} * (${entry(K + k)} - ${entry(k)}), ${entry(k)}, edge${id});`),
      `${indent}}`,
    ].join('\n');
  }
}

/** A WGSL f32 literal (always with a decimal point or exponent, so it is never an integer). */
export function wgslFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a WGSL literal`);
  const text = String(Math.abs(value));
  const literal = /[.e]/.test(text) ? text : `${text}.0`;
  return value < 0 || Object.is(value, -0) ? `(-${literal})` : literal;
}
