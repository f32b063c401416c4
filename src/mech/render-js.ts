import type { Expr } from '../expr/ast.ts';
import { MOD_MATH } from '../nmodl/math.ts';
import { assignedNames } from '../nmodl/stmt-names.ts';
import type { LoweredMechanism, LoweredTable } from './lower.ts';
import { LIBM_NAME } from './neuron-libm.ts';
import type { Stmt } from './types.ts';

// Renders mechanism statements as JavaScript with C semantics (plain IEEE division, `pow`,
// comparisons as booleans). Precision 'f32' emulates the GPU: every arithmetic result and
// every math-library result is rounded to f32 with Math.fround (bound as `F`), and literals
// are rounded once here. Event statements call `ev` (send, move, event) with the instance `k`;
// event times stay in double (t + delay), as NEURON's are. Precision 'f64' calls NEURON's C
// library (neuron-libm.ts: hoc_Exp, glibc's log and pow) through `lm`, which the code that
// compiles the rendered source must bind to NEURON_LIBM; 'f32' keeps the engine's functions.

export type Precision = 'f64' | 'f32';

export interface JsNames {
  /** JavaScript for a per-instance field or a global, or null for a local variable. */
  access(name: string): string | null;
  /** The array holding a field (for the scopmath solvers), or null. */
  array?(name: string): string | null;
}

export class JsRenderer {
  private tableCount = 0;

  constructor(
    private readonly mech: LoweredMechanism,
    private readonly names: JsNames,
    private readonly precision: Precision,
  ) {}

  stmts(stmts: Stmt[], indent = '    '): string {
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
        return `${indent}ev.send(k, t + ${this.expr(s.delay)}, ${this.expr(s.flag)}, w, index);`;
      case 'move':
        return `${indent}ev.move(k, ${this.expr(s.time)});`;
      case 'event':
        return `${indent}ev.event(k, ${this.expr(s.time)});`;
      case 'newton':
        return this.newton(s, indent);
      case 'simeq':
        return this.simeq(s, indent);
      case 'call':
        throw new Error(`${this.mech.def.name}: PROCEDURE ${s.name} was not inlined`);
      case 'abort':
        return `${indent}abort(${abortMessages(this.mech).indexOf(s.message)});`;
    }
  }

  /**
   * derivimplicit as nocmodl generates it: save the states, then scopmath's Newton over the
   * variables (_slist2 order) on value[i] = D<state i> - (state i - saved i)/dt (_slist1 order),
   * evaluated by the module-level function NF_<name>(k, v) (see solverSpace).
   */
  private newton(s: Extract<Stmt, { kind: 'newton' }>, indent: string): string {
    const ns = `NS_${s.name}`;
    return [
      `${indent}{`,
      ...s.states.map((x, i) => `${indent}  ${ns}.save[${i}] = ${this.names.access(x)};`),
      `${indent}  scop.newton(${ns}, NX_${s.name}, k, v, NF_${s.name}, R, ${this.precision === 'f32'}, '${this.mech.def.name} DERIVATIVE ${s.name}');`,
      `${indent}}`,
    ].join('\n');
  }

  /** The Newton function of a DERIVATIVE block: fills NS_<name>.value for instance k at v. */
  private newtonFunction(s: Extract<Stmt, { kind: 'newton' }>): string {
    const ns = `NS_${s.name}`;
    const locals = [...assignedNames(s.body)].filter((n) => this.names.access(n) === null);
    const value = (x: string, i: number) => this.round(`D${x} - ${this.round(`${this.round(`${this.names.access(x)} - ${ns}.save[${i}]`)} / dt`)}`);
    return [
      `function NF_${s.name}(k, v) {`,
      locals.length > 0 ? `  let ${locals.join(', ')};` : '',
      this.stmts(s.body, '  '),
      ...s.states.map((x, i) => `  ${ns}.value[${i}] = ${value(x, i)};`),
      '}',
    ].join('\n');
  }

  /** A LINEAR block: the augmented matrix filled entry by entry, then scopmath's simeq. */
  private simeq(s: Extract<Stmt, { kind: 'simeq' }>, indent: string): string {
    const sq = `SQ_${s.name}`;
    return [
      `${indent}{`,
      this.stmts(s.body, `${indent}  `),
      ...s.matrix.flatMap((row, i) => row.map((e, j) => `${indent}  ${sq}.coef[${i}][${j}] = ${this.expr(e)};`)),
      `${indent}  if (!scop.simeq(${s.unknowns.length}, ${sq}.coef, ${sq}.soln, ${sq}.perm, R)) throw new Error('${this.mech.def.name} LINEAR ${s.name}: singular matrix (NEURON aborts the run)');`,
      ...s.unknowns.map((x, i) => `${indent}  ${this.names.access(x)} = ${sq}.soln[${i}];`),
      `${indent}}`,
    ].join('\n');
  }

  /** Module-level scratch space of the solvers used in `blocks` (NS_/NX_ for Newton, SQ_ for simeq). */
  solverSpace(blocks: Stmt[][]): string {
    const out = new Map<string, string>();
    const visit = (stmts: Stmt[]) =>
      stmts.forEach((s) => {
        if (s.kind === 'if') {
          visit(s.then);
          visit(s.otherwise);
        }
        if (s.kind === 'while') visit(s.body);
        if (s.kind === 'newton') {
          const arrays = s.variables.map((x) => this.names.array?.(x) ?? null);
          if (arrays.includes(null)) throw new Error(`${this.mech.def.name} DERIVATIVE ${s.name}: states must be fields`);
          out.set(
            `NS_${s.name}`,
            `const NS_${s.name} = new scop.NewtonSpace(${s.states.length});\nconst NX_${s.name} = [${arrays.join(', ')}];\n${this.newtonFunction(s)}`,
          );
        }
        if (s.kind === 'simeq') {
          const n = s.unknowns.length;
          out.set(
            `SQ_${s.name}`,
            `const SQ_${s.name} = { coef: Array.from({ length: ${n} }, () => new Float64Array(${n + 1})), soln: new Float64Array(${n}), perm: new Int32Array(${n}) };`,
          );
        }
      });
    blocks.forEach(visit);
    return [...out.values()].join('\n');
  }

  /** The JavaScript callee of a math function (nmodl/math.ts), or undefined. */
  private math(name: string): string | undefined {
    const fn = MOD_MATH.get(name);
    if (!fn) return undefined;
    return this.precision === 'f64' && fn.libm ? `${LIBM_NAME}.${name}` : fn.js;
  }

  private round(code: string): string {
    return this.precision === 'f32' ? `F(${code})` : `(${code})`;
  }

  /** A condition: comparisons and logic stay boolean, numbers test != 0 (C truthiness). */
  test(e: Expr): string {
    if (e.kind === 'compare' || e.kind === 'bool' || e.kind === 'not') return this.expr(e);
    return `(${this.expr(e)} !== 0)`;
  }

  expr(e: Expr): string {
    const round = (code: string) => (this.precision === 'f32' ? `F(${code})` : `(${code})`);
    switch (e.kind) {
      case 'num':
        return literal(this.precision === 'f32' ? Math.fround(e.value) : e.value);
      case 'name':
        return this.names.access(e.name) ?? e.name;
      case 'unary':
        return e.op === '-' ? `(-${this.expr(e.operand)})` : this.expr(e.operand);
      case 'not':
        return `(!${this.test(e.operand)})`;
      case 'binary':
        if (e.op === '**') return round(`${this.math('pow')}(${this.expr(e.left)}, ${this.expr(e.right)})`);
        if (!['+', '-', '*', '/'].includes(e.op)) throw new Error(`${this.mech.def.name}: operator ${e.op} is not allowed in mechanism code`);
        return round(`${this.expr(e.left)} ${e.op} ${this.expr(e.right)}`);
      case 'compare':
        if (e.ops.length !== 1) throw new Error(`${this.mech.def.name}: chained comparisons are not allowed in mechanism code`);
        return `(${this.expr(e.operands[0])} ${e.ops[0] === '==' ? '===' : e.ops[0] === '!=' ? '!==' : e.ops[0]} ${this.expr(e.operands[1])})`;
      case 'bool':
        return `(${this.test(e.left)} ${e.op === 'and' ? '&&' : '||'} ${this.test(e.right)})`;
      case 'ifexp':
        return `(${this.test(e.test)} ? ${this.expr(e.then)} : ${this.expr(e.otherwise)})`;
      case 'call': {
        const args = e.args.map((a) => this.expr(a)).join(', ');
        const math = this.math(e.callee);
        if (math) return round(`${math}(${args})`);
        return `fn_${e.callee}(${['k', args].filter(Boolean).join(', ')})`;
      }
    }
  }

  /**
   * The mechanism's FUNCTIONs as JavaScript function declarations; `k` (the instance) comes first.
   * `formulas`: tabulated FUNCTIONs computed from their bodies (to build tables), not looked up.
   */
  functions(formulas = false): string {
    return this.mech.functions
      .map((f) => {
        const body = formulas ? (f.formula ?? f.body) : f.body;
        const locals = [...new Set([...(formulas && f.formula ? assignedNames(f.formula) : f.locals), f.name])]
          .filter((n) => !f.args.includes(n) && this.names.access(n) === null)
          .map((n) => `let ${n} = 0;`)
          .join(' ');
        return `function fn_${f.name}(${['k', ...f.args].join(', ')}) {\n  ${locals}\n${this.stmts(body, '  ')}\n  return ${f.name};\n}`;
      })
      .join('\n');
  }

  /**
   * nocmodl's table lookup (hh.c _n_rates): xi = mfac*(x - tmin); clamped to the end values;
   * value = t[i] + (xi - i)*(t[i+1] - t[i]). The table is `tbl_<name>`, outputs one after another.
   */
  private tableLookup(table: LoweredTable, arg: Expr, indent: string): string {
    const id = this.tableCount++;
    const n = table.with + 1;
    const dx = (table.to - table.from) / table.with;
    const mfac = this.precision === 'f32' ? Math.fround(1 / dx) : 1 / dx;
    const from = this.precision === 'f32' ? Math.fround(table.from) : table.from;
    const round = (code: string) => (this.precision === 'f32' ? `F(${code})` : `(${code})`);
    const T = `tbl_${table.name}`;
    const xi = `xi${id}`;
    const lines = [
      `${indent}{`,
      `${indent}  const ${xi} = ${round(`${literal(mfac)} * ${round(`${this.expr(arg)} - ${literal(from)}`)}`)};`,
      `${indent}  if (${xi} <= 0) { ${table.outputs.map((o, k) => `${this.target(o)} = ${T}[${k * n}];`).join(' ')} }`,
      `${indent}  else if (${xi} >= ${table.with}) { ${table.outputs.map((o, k) => `${this.target(o)} = ${T}[${k * n + table.with}];`).join(' ')} }`,
      `${indent}  else {`,
      `${indent}    const i${id} = Math.trunc(${xi}); const th${id} = ${round(`${xi} - i${id}`)};`,
      ...table.outputs.map(
        (o, k) =>
          `${indent}    ${this.target(o)} = ${round(`${T}[${k * n} + i${id}] + ${round(`th${id} * ${round(`${T}[${k * n} + i${id} + 1] - ${T}[${k * n} + i${id}]`)}`)}`)};`,
      ),
      `${indent}  }`,
      `${indent}}`,
    ];
    return lines.join('\n');
  }

  private target(name: string): string {
    return this.names.access(name) ?? name;
  }
}

export function literal(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '(-Infinity)';
  return Object.is(value, -0) ? '(-0)' : value < 0 ? `(${value})` : String(value);
}

/** The hoc_execerror messages of a mechanism's code, in a fixed order: the kernel's abort(i) stops the run with message i. */
export function abortMessages(mech: LoweredMechanism): string[] {
  const out: string[] = [];
  const visit = (stmts: Stmt[]) =>
    stmts.forEach((s) => {
      if (s.kind === 'abort' && !out.includes(s.message)) out.push(s.message);
      if (s.kind === 'if') {
        visit(s.then);
        visit(s.otherwise);
      }
      if (s.kind === 'while' || s.kind === 'newton' || s.kind === 'simeq') visit(s.body);
    });
  for (const b of [mech.initial, mech.breakpoint, mech.state, mech.receive, mech.initEvent, ...mech.watches.map((w) => w.handler)]) visit(b.stmts);
  for (const f of mech.functions) visit(f.body);
  for (const t of mech.tables) visit(t.body);
  return out;
}
