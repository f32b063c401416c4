import { type Expr, mapChildren, walk } from '../expr/ast.ts';
import { MOD_MATH } from '../nmodl/math.ts';
import { assignedNames, readNames } from '../nmodl/stmt-names.ts';
import type { MechanismInfo } from '../spec/catalog.ts';
import { hoistInvariants } from './hoist.ts';
import type { MechanismDef, Stmt, TableDef } from './types.ts';

// Lowering: parse a definition's blocks, inline PROCEDURE calls (or replace them by TABLE
// lookups when the table switch is on), and classify every name as a per-instance field,
// a global (v, t, dt, celsius), a FUNCTION, or a local. Unknown names are errors here,
// so a typo in a definition fails its unit test, not a simulation.

/** Names every block may read; `v` is the node voltage [mV], `t` NEURON's time [ms]. */
export const GLOBALS = ['v', 't', 'dt', 'celsius'] as const;

export interface LoweredFunction {
  name: string;
  args: string[];
  body: Stmt[];
  locals: string[];
  /** A tabulated FUNCTION's own body (its `body` is then the table lookup): what the table is built from. */
  formula?: Stmt[];
}

export interface LoweredTable extends TableDef {
  name: string;
  arg: string;
  /** The procedure body (for building the table), reads only `arg` and globals. */
  body: Stmt[];
  locals: string[];
}

export interface LoweredWatch {
  flag: number;
  /** `left > right`: the rising edge of left - right > 0 fires. */
  left: Expr;
  right: Expr;
  armedIf: Expr | null;
  handler: LoweredBlock;
}

export interface LoweredBlock {
  stmts: Stmt[];
  /** Names assigned that are not fields or globals. */
  locals: string[];
}

export interface LoweredMechanism {
  def: MechanismDef;
  /** PARAMETERs with NEURON defaults (from the catalogue), in declaration order. */
  params: Record<string, number>;
  /** Per-instance fields in order: params, ion reversal potentials, states, assigned. */
  fields: string[];
  functions: LoweredFunction[];
  tables: LoweredTable[];
  initial: LoweredBlock;
  breakpoint: LoweredBlock;
  state: LoweredBlock;
  receive: LoweredBlock;
  /** NET_RECEIVE's INITIAL, per NetCon. */
  netconInitial: LoweredBlock;
  initEvent: LoweredBlock;
  watches: LoweredWatch[];
}

export interface LowerOptions {
  /** Table switches that are on (e.g. 'usetable_hh'); a table whose switch is off uses the formulas. */
  tablesOn: ReadonlySet<string>;
  /** The mechanism's catalogue entry (parameters and defaults). */
  info: MechanismInfo;
}

export function lowerMechanism(def: MechanismDef, options: LowerOptions): LoweredMechanism {
  const globals = def.globals ?? [];
  if (globals.length === 0) return lowerWith(def, options, [], new Map());
  const fields = globals.filter((g) => readBeforeAssigned(lowerWith(def, options, globals, new Map()), g));
  // The others are locals of each block, renamed _g_<name> (NMODL names start with a letter) so
  // they cannot meet a renderer's own names (g, rhs, k ...)
  const renames = new Map(globals.filter((g) => !fields.includes(g)).map((g) => [g, `_g_${g}`]));
  return lowerWith({ ...def, assigned: [...def.assigned, ...fields] }, options, [], renames);
}

function lowerWith(def: MechanismDef, options: LowerOptions, blockLocals: string[], renames: Map<string, string>): LoweredMechanism {
  const blockOf = (code: Stmt[], _where: string) => (renames.size > 0 ? renameStmts(code, renames) : code);
  const info = options.info;
  const params: Record<string, number> = {};
  for (const [name, p] of Object.entries(info.params)) {
    // Array PARAMETERs (VClamp dur[3], amp[3]) are fields name0, name1, ...
    if (Array.isArray(p.default))
      p.default.forEach((v, j) => {
        params[`${name}${j}`] = v as number;
      });
    else if (typeof p.default === 'number') params[name] = p.default;
  }
  const fields = [...Object.keys(params), ...Object.keys(def.ions ?? {}), ...def.states, ...def.assigned];
  const tables: LoweredTable[] = [];
  const procedures = new Map(Object.entries(def.procedures ?? {}).map(([name, p]) => [name, { ...p, body: blockOf(p.body, `${def.name} PROCEDURE ${name}`) }]));
  for (const [name, p] of procedures) {
    if (p.table && options.tablesOn.has(p.table.switchName)) {
      if (p.args.length !== 1) throw new Error(`${def.name} PROCEDURE ${name}: a TABLE needs exactly one argument`);
      tables.push({
        ...p.table,
        outputs: p.table.outputs.map((o) => renames.get(o) ?? o),
        name,
        arg: p.args[0],
        body: p.body,
        locals: [...assignedNames(p.body)].filter((n) => n !== p.args[0]),
      });
    }
  }
  const solveStmt = (args: Expr[]): Stmt => {
    const name = args.length === 1 && args[0].kind === 'name' ? args[0].name : '';
    const deriv = def.derivatives?.[name];
    if (deriv) {
      for (const x of deriv.states) if (!def.states.includes(x)) throw new Error(`${def.name} DERIVATIVE ${name}: '${x}' is not a STATE`);
      const variables = deriv.variables ?? deriv.states;
      if ([...variables].sort().join() !== [...deriv.states].sort().join())
        throw new Error(`${def.name} DERIVATIVE ${name}: variables must be the states in another order`);
      return { kind: 'newton', name, states: deriv.states, variables, body: inline(blockOf(deriv.body, `${def.name} DERIVATIVE ${name}`)) };
    }
    const lin = def.linear?.[name];
    if (!lin) throw new Error(`${def.name}: solve(${name}) names no DERIVATIVE or LINEAR block`);
    const n = lin.unknowns.length;
    if (lin.matrix.length !== n || lin.matrix.some((row) => row.length !== n + 1))
      throw new Error(`${def.name} LINEAR ${name}: expected ${n} rows of ${n + 1} entries`);
    const matrix = lin.matrix;
    return { kind: 'simeq', name, unknowns: lin.unknowns, body: inline(blockOf(lin.body, `${def.name} LINEAR ${name}`)), matrix };
  };
  const inline = (stmts: Stmt[]): Stmt[] =>
    stmts.flatMap((s): Stmt[] => {
      if (s.kind === 'if') return [{ ...s, then: inline(s.then), otherwise: inline(s.otherwise) }];
      if (s.kind === 'while') return [{ ...s, body: inline(s.body) }];
      if (s.kind === 'call' && s.name === 'solve') return [solveStmt(s.args)];
      if (s.kind !== 'call') return [s];
      const proc = procedures.get(s.name);
      if (!proc) throw new Error(`${def.name}: unknown PROCEDURE ${s.name}`);
      if (s.args.length !== proc.args.length) throw new Error(`${def.name}: ${s.name} takes ${proc.args.length} arguments`);
      if (tables.some((t) => t.name === s.name)) return [{ kind: 'table', name: s.name, arg: s.args[0] }];
      const renames = new Map(proc.args.map((a) => [a, `${s.name}_${a}`]));
      return [...proc.args.map((a, i): Stmt => ({ kind: 'assign', target: renames.get(a)!, expr: s.args[i] })), ...renameStmts(inline(proc.body), renames)];
    });
  // read-only ion variables are the segment's (nodeIonVars), not fields
  // a tabulated procedure's body with the procedures it calls inlined (the table is built from it)
  for (const t of tables) {
    t.body = inline(t.body);
    t.locals = [...assignedNames(t.body)].filter((n) => n !== t.arg);
  }
  const known = new Set<string>([...fields, ...GLOBALS, ...nodeIonVars(def)]);
  const written = Object.entries(def.functions ?? {}).map(([name, f]): LoweredFunction => {
    // Arguments and LOCALs that share a field's name are renamed so they shadow it.
    const shadows = new Map([...f.args, ...(f.locals ?? [])].filter((n) => known.has(n)).map((n) => [n, `${n}_local`]));
    const args = f.args.map((a) => shadows.get(a) ?? a);
    const body = renameStmts(inline(blockOf(f.body, `${def.name} FUNCTION ${name}`)), shadows);
    const locals = [...assignedNames(body)].filter((n) => !args.includes(n) && !known.has(n));
    if (f.table && options.tablesOn.has(f.table.switchName)) {
      // nocmodl's FUNCTION table: the value interpolated in a table of the function over FROM..TO
      if (args.length !== 1) throw new Error(`${def.name} FUNCTION ${name}: a TABLE needs exactly one argument`);
      tables.push({ ...f.table, outputs: [name], name, arg: args[0], body, locals: locals.filter((n) => n !== name) });
      const lookup: Stmt = { kind: 'table', name, arg: { kind: 'name', name: args[0], column: 1 } };
      return { name, args, body: [lookup], formula: body, locals: [name] };
    }
    return { name, args, body, locals };
  });
  const withV = passingV(written);
  const functions = withV.functions;
  for (const t of tables) t.body = withV.calls(t.body);
  for (const f of functions) {
    const visible = new Set([...known, ...blockLocals, ...f.args, ...f.locals, f.name, ...functions.map((g) => g.name), ...MATH_FUNCTIONS]);
    for (const name of readNames(f.body)) if (!visible.has(name)) throw new Error(`${def.name} FUNCTION ${f.name}: unknown name '${name}'`);
  }
  const block = (source: Stmt[] | undefined, where: string, extra: string[] = []): LoweredBlock => {
    const stmts = withV.calls(inline(blockOf(source ?? [], `${def.name} ${where}`)));
    const outputs = new Set(tables.filter((t) => containsTable(stmts, t.name)).flatMap((t) => t.outputs));
    const locals = [...assignedNames(stmts), ...outputs].filter((n) => !known.has(n) && !extra.includes(n));
    // GLOBAL ASSIGNED names (blockLocals) are visible: where one is read first, it becomes a field and the block is lowered again
    const visible = new Set([...known, ...blockLocals, ...locals, ...extra, ...functions.map((f) => f.name), ...MATH_FUNCTIONS]);
    for (const name of readNames(stmts)) if (!visible.has(name)) throw new Error(`${def.name} ${where}: unknown name '${name}'`);
    return { stmts, locals: [...new Set(locals)] };
  };
  const watches = (def.watches ?? []).map((w): LoweredWatch => {
    const where = `${def.name} WATCH ${w.flag}`;
    const cond = w.condition;
    if (cond.kind !== 'compare' || cond.ops.length !== 1 || !['>', '<'].includes(cond.ops[0])) {
      throw new Error(`${where}: the condition must be one comparison a > b or a < b`);
    }
    const [a, b] = cond.operands;
    // nocmodl compiles WATCH (a > b) to a - b > 0 and (a < b) to b - a > 0.
    const [left, right] = (cond.ops[0] === '>' ? [a, b] : [b, a]).map(withV.expr);
    const armedIf = w.armedIf ? withV.expr(w.armedIf) : null;
    return { flag: w.flag, left, right, armedIf, handler: block(w.handler, `NET_RECEIVE flag ${w.flag}`) };
  });
  return hoistInvariants({
    def,
    params,
    fields,
    functions,
    tables,
    initial: block(def.initial, 'INITIAL'),
    breakpoint: block(def.breakpoint, 'BREAKPOINT'),
    state: block(def.state, 'SOLVE'),
    receive: block(def.receive, 'NET_RECEIVE', [...(def.receiveArgs ?? ['w']), 'flag', ...(def.netconState ?? [])]),
    netconInitial: block(def.netconInitial, 'NET_RECEIVE INITIAL', ['w', ...(def.netconState ?? [])]),
    initEvent: block(def.initEvent, 'NET_RECEIVE flag 1'),
    watches,
  });
}

/** The ion variables a mechanism reads from its segment (not written ones, which are fields). */
export function nodeIonVars(def: MechanismDef): string[] {
  return Object.entries(def.ionVars ?? {})
    .filter(([, v]) => !v.write)
    .map(([name]) => name);
}

/** Whether some block, FUNCTION or table body may read `name` before assigning it. */
function readBeforeAssigned(mech: LoweredMechanism, name: string): boolean {
  const blocks = [mech.initial, mech.breakpoint, mech.state, mech.receive, mech.initEvent, ...mech.watches.map((w) => w.handler)].map((b) => b.stmts);
  const bodies = [...mech.functions.map((f) => f.body), ...mech.tables.map((t) => t.body)];
  const tableOutputs = (s: Stmt) => (s.kind === 'table' ? (mech.tables.find((t) => t.name === s.name)?.outputs ?? []) : []);
  const conditions = mech.watches.flatMap((w) => [w.left, w.right, ...(w.armedIf ? [w.armedIf] : [])]);
  const inCondition = conditions.some((e) => readNames([{ kind: 'assign', target: '', expr: e }]).has(name));
  return inCondition || [...blocks, ...bodies].some((b) => readFirst(b, name, tableOutputs) === 'read');
}

/** Whether the statements read `name` before every path assigns it ('read'), assign it first ('assigned'), or neither. */
function readFirst(stmts: Stmt[], name: string, tableOutputs: (s: Stmt) => string[]): 'read' | 'assigned' | 'neither' {
  for (const s of stmts) {
    if (s.kind === 'if') {
      if (readNames([{ kind: 'assign', target: '', expr: s.test }]).has(name)) return 'read';
      const a = readFirst(s.then, name, tableOutputs);
      const b = readFirst(s.otherwise, name, tableOutputs);
      if (a === 'read' || b === 'read') return 'read';
      if (a === 'assigned' && b === 'assigned') return 'assigned';
      continue;
    }
    if (s.kind === 'while' || s.kind === 'newton' || s.kind === 'simeq') {
      if (readNames([s]).has(name)) return 'read';
      continue;
    }
    if (readNames([s]).has(name)) return 'read';
    if ((s.kind === 'assign' && s.target === name) || tableOutputs(s).includes(name)) return 'assigned';
  }
  return 'neither';
}

/** Math functions mechanism code may call (C library names: nmodl/math.ts). */
const MATH_FUNCTIONS = [...MOD_MATH.keys()];

function containsTable(stmts: Stmt[], name: string): boolean {
  return stmts.some(
    (s) =>
      (s.kind === 'table' && s.name === name) ||
      (s.kind === 'if' && (containsTable(s.then, name) || containsTable(s.otherwise, name))) ||
      ((s.kind === 'while' || s.kind === 'newton' || s.kind === 'simeq') && containsTable(s.body, name)),
  );
}

function renameStmts(stmts: Stmt[], renames: Map<string, string>): Stmt[] {
  return mapStmtTree(
    stmts,
    (e) => renameExpr(e, renames),
    (name) => renames.get(name) ?? name,
  );
}

function renameExpr(e: Expr, renames: Map<string, string>): Expr {
  if (e.kind === 'name') return renames.has(e.name) ? { ...e, name: renames.get(e.name)! } : e;
  return mapChildren(e, (x) => renameExpr(x, renames));
}

/** Every expression of the statements mapped by `expr`, every assigned name by `target` (one exhaustive walk). */
function mapStmtTree(stmts: Stmt[], expr: (e: Expr) => Expr, target: (name: string) => string = (n) => n): Stmt[] {
  const tree = (body: Stmt[]) => mapStmtTree(body, expr, target);
  return stmts.map((s): Stmt => {
    switch (s.kind) {
      case 'abort':
        return s;
      case 'assign':
        return { kind: 'assign', target: target(s.target), expr: expr(s.expr) };
      case 'if':
        return { kind: 'if', test: expr(s.test), then: tree(s.then), otherwise: tree(s.otherwise) };
      case 'while':
        return { kind: 'while', test: expr(s.test), body: tree(s.body) };
      case 'call':
        return { ...s, args: s.args.map(expr) };
      case 'table':
        return { ...s, arg: expr(s.arg) };
      case 'send':
        return { kind: 'send', delay: expr(s.delay), flag: expr(s.flag) };
      case 'move':
      case 'event':
        return { ...s, time: expr(s.time) };
      case 'newton':
        return { ...s, body: tree(s.body) };
      case 'simeq':
        return { ...s, body: tree(s.body), matrix: s.matrix.map((row) => row.map(expr)) };
    }
  });
}

/**
 * FUNCTIONs reading the segment's v (vclmp.mod's icur) take it as a first argument, which every
 * call passes: a FUNCTION is rendered once, outside the per-instance loops where v is known.
 */
function passingV(functions: LoweredFunction[]): { functions: LoweredFunction[]; calls: (stmts: Stmt[]) => Stmt[]; expr: (e: Expr) => Expr } {
  const readsV = new Set(functions.filter((f) => !f.args.includes('v') && readNames(f.formula ?? f.body).has('v')).map((f) => f.name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of functions)
      if (!readsV.has(f.name) && !f.args.includes('v') && calls(f.formula ?? f.body).some((c) => readsV.has(c))) grew = readsV.add(f.name) !== undefined;
  }
  const expr = (e: Expr): Expr => {
    const mapped = mapChildren(e, expr);
    return mapped.kind === 'call' && readsV.has(mapped.callee) ? { ...mapped, args: [{ kind: 'name', name: 'v', column: e.column }, ...mapped.args] } : mapped;
  };
  const tree = (stmts: Stmt[]) => (readsV.size === 0 ? stmts : mapStmtTree(stmts, expr));
  return {
    functions: functions.map((f) => ({
      ...f,
      args: readsV.has(f.name) ? ['v', ...f.args] : f.args,
      body: tree(f.body),
      ...(f.formula ? { formula: tree(f.formula) } : {}),
    })),
    calls: tree,
    expr: readsV.size === 0 ? (e) => e : expr,
  };
}

/** The FUNCTIONs the statements call. */
function calls(stmts: Stmt[]): string[] {
  const out: string[] = [];
  mapStmtTree(stmts, (e) => {
    walk(e, (n) => {
      if (n.kind === 'call') out.push(n.callee);
    });
    return e;
  });
  return out;
}
