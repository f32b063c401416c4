import type { Expr } from '../expr/ast.ts';
import type { MechanismInfo, MechanismKind, ParamInfo } from '../spec/catalog.ts';
import type { Callable, NStmt, Program } from './ast.ts';
import { cnexpUpdate, NonLinearError } from './cnexp.ts';
import { type BlockRules, Converter, verbatimCode } from './convert.ts';
import type { FunctionDef, IonVar, MechanismDef, MechKind, ProcedureDef, Stmt, TableDef, WatchDef } from './definition.ts';
import { NmodlError, NmodlUnsupported, type Pos } from './errors.ts';
import { assignedNames, readNames } from './stmt-names.ts';
import { Symbols } from './symbols.ts';
import { mapStmts, planWatches, type WatchPlan } from './watches.ts';

// A parsed mod file to a mechanism: its MechanismInfo (names, kinds, parameters with their
// defaults, for the spec and network stages) and its MechanismDef (code blocks in the
// statement language, for lowering and the renderers). What nocmodl would run and this
// front end cannot is refused here, with the file, line and column.

export interface CompiledMechanism {
  info: MechanismInfo;
  def: MechanismDef;
}

const KINDS: Record<string, MechKind> = { SUFFIX: 'density', POINT_PROCESS: 'point', ARTIFICIAL_CELL: 'artificial' };

export function translate(program: Program): CompiledMechanism {
  const file = program.file;
  const n = program.neuron;
  if (!n?.kind) throw new NmodlError(file, { line: 1, column: 1 }, 'no NEURON block with SUFFIX, POINT_PROCESS or ARTIFICIAL_CELL');
  if (n.pointer.length > 0) throw new NmodlUnsupported(file, n.pos, 'POINTER', n.pointer.join(', '));
  for (const o of program.others)
    if (!isHarmless(o)) throw new NmodlUnsupported(file, o.pos, o.word === 'VERBATIM' ? 'VERBATIM C code at file level' : `the ${o.word} block`);
  for (const block of [...program.kinetics, ...program.linears, ...program.nonlinears])
    throw new NmodlUnsupported(
      file,
      block.pos,
      `${program.kinetics.includes(block) ? 'KINETIC' : program.linears.includes(block) ? 'LINEAR' : 'NONLINEAR'} ${block.name}`,
    );
  const symbols = new Symbols(program);
  const ionVars = ionVariables(program);
  const convert = new Converter(symbols, file);
  const kind = KINDS[n.kind];
  const functions: Record<string, FunctionDef> = {};
  // only what the mechanism's own blocks call: the rest is for hoc (useverbose(), printing), which no NetPyNE spec calls
  const used = calledCallables(program);
  for (const f of program.functions) if (used.has(f.name)) functions[f.name] = functionDef(f, convert, symbols, n.name);
  const procedures: Record<string, ProcedureDef> = {};
  for (const p of program.procedures) if (used.has(p.name)) procedures[p.name] = procedureDef(p, convert, symbols, n.name);
  const derivatives: NonNullable<MechanismDef['derivatives']> = {};
  const state: Stmt[] = [];
  const solve = (name: string, method: string | null, pos: Pos): Stmt[] => {
    state.push(...solveStmts(program, convert, derivatives, name, method, pos));
    return [];
  };
  const breakpoint = program.breakpoint ? convert.block(program.breakpoint, { where: 'BREAKPOINT', solve }) : [];
  const plan = planWatches(program);
  const initial = convert.block(plan?.initial ?? program.initial ?? [], { where: 'INITIAL', events: true });
  const receive = program.netReceive ? netReceive(program.netReceive, plan?.receive ?? program.netReceive.body, convert) : undefined;
  const watchParts = plan && program.netReceive ? watchDefs(plan, program.netReceive, convert) : undefined;
  const currents = n.currents;
  const ions = [...new Set(n.ions.map((u) => u.ion))];
  const def: MechanismDef = {
    name: n.name,
    kind,
    modFile: file,
    states: symbols.names('state'),
    assigned: assignedFields(program, symbols),
    globals: globalAssigned(program, symbols),
    ...(Object.keys(ionVars).length > 0 ? { ionVars } : {}),
    ...(currents.length > 0 ? { currents: { names: currents, kind: n.electrode.length > 0 ? 'electrode' : 'membrane' } } : {}),
    functions,
    procedures,
    initial,
    breakpoint,
    derivatives,
    state,
    ...(receive ? { receive } : {}),
    ...netReceiveArgs(program, convert),
    ...(watchParts ?? {}),
  };
  return { def, info: mechanismInfo(program, symbols, kind, ions) };
}

/** RANGE ASSIGNED variables and ion currents written, in ASSIGNED order (nocmodl's field order). */
function assignedFields(program: Program, symbols: Symbols): string[] {
  return program.assigned
    .map((d) => d.name)
    .filter((x) => {
      const s = symbols.get(x);
      return (s?.kind === 'assigned' && (s.range || isCurrent(program, x))) || (s?.kind === 'ion' && s.write);
    })
    .concat(writtenIonsUndeclared(program, symbols));
}

/** Written ion variables not declared in ASSIGNED or STATE (nocmodl declares them itself). */
function writtenIonsUndeclared(program: Program, symbols: Symbols): string[] {
  const declared = new Set([...program.assigned, ...program.states].map((d) => d.name));
  return program.neuron!.ions.flatMap((u) => u.write).filter((x) => !declared.has(x) && symbols.get(x)?.kind === 'ion');
}

/** GLOBAL ASSIGNED variables (not RANGE, not currents). */
function globalAssigned(program: Program, symbols: Symbols): string[] {
  return symbols.names('assigned').filter((x) => {
    const s = symbols.get(x);
    return s?.kind === 'assigned' && !s.range && !isCurrent(program, x);
  });
}

function isCurrent(program: Program, name: string): boolean {
  return program.neuron!.nonspecific.includes(name) || program.neuron!.electrode.includes(name);
}

/**
 * The catalogue entry of a mod file the translation refused (its name, kind and PARAMETER
 * defaults, from the parse): a model may still name the mechanism, and fails only if it uses it.
 */
export function refusedInfo(program: Program): MechanismInfo | null {
  const n = program.neuron;
  if (!n?.kind) return null;
  const kind = KINDS[n.kind];
  const params: Record<string, ParamInfo> = {};
  for (const d of program.parameters) if (d.size === null) params[d.name] = { default: Number((d.value ?? 0).toPrecision(6)) };
  const kinds: MechanismKind[] =
    kind === 'density' ? ['density'] : kind === 'artificial' ? ['artificialCell'] : ['pointProcess', ...(program.netReceive ? (['synapse'] as const) : [])];
  return { name: n.name, kinds, params, variables: [...program.states, ...program.assigned].map((d) => d.name) };
}

/** FUNCTIONs and PROCEDUREs the blocks NEURON runs call, directly or through each other. */
function calledCallables(program: Program): Set<string> {
  const callables = new Map([...program.functions, ...program.procedures].map((c) => [c.name, c]));
  const used = new Set<string>();
  const pending: NStmt[][] = [
    program.initial ?? [],
    program.breakpoint ?? [],
    ...program.derivatives.map((d) => d.body),
    ...program.kinetics.map((d) => d.body),
    ...program.linears.map((d) => d.body),
    ...program.nonlinears.map((d) => d.body),
    program.netReceive?.body ?? [],
  ];
  const visitExpr = (e: Expr) => {
    mapStmts([{ kind: 'assign', target: '', expr: e, pos: { line: 0, column: 0 } }], (x) => {
      collectCalls(x, (name) => use(name));
      return x;
    });
  };
  const use = (name: string) => {
    const c = callables.get(name);
    if (!c || used.has(name)) return;
    used.add(name);
    pending.push(c.body);
  };
  for (let body = pending.pop(); body; body = pending.pop()) {
    mapStmts(body, (e) => {
      visitExpr(e);
      return e;
    });
    forEachCallStmt(body, use);
  }
  return used;
}

/** Calls in an expression (any depth). */
function collectCalls(e: Expr, found: (name: string) => void): void {
  const stack = [e];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.kind === 'call') {
      found(n.callee);
      stack.push(...n.args);
    } else if (n.kind === 'unary' || n.kind === 'not') stack.push(n.operand);
    else if (n.kind === 'binary' || n.kind === 'bool') stack.push(n.left, n.right);
    else if (n.kind === 'compare') stack.push(...n.operands);
    else if (n.kind === 'ifexp') stack.push(n.test, n.then, n.otherwise);
  }
}

/** Procedure-call statements (and SOLVEd names) at any depth. */
function forEachCallStmt(stmts: NStmt[], found: (name: string) => void): void {
  for (const s of stmts) {
    if (s.kind === 'call') found(s.name);
    if (s.kind === 'solve') found(s.name);
    if (s.kind === 'if') {
      forEachCallStmt(s.then, found);
      forEachCallStmt(s.otherwise, found);
    }
    if (s.kind === 'while' || s.kind === 'from' || s.kind === 'fornetcons' || s.kind === 'initial') forEachCallStmt(s.body, found);
  }
}

function mechanismInfo(program: Program, symbols: Symbols, kind: MechKind, ions: string[]): MechanismInfo {
  const params: Record<string, ParamInfo> = {};
  for (const name of symbols.names('parameter')) {
    const symbol = symbols.get(name);
    // nocmodl prints defaults with %g: NEURON's default keeps 6 significant digits (0.0123456789 is 0.0123457)
    const value = symbol?.kind === 'parameter' ? Number((symbol.decl.value ?? 0).toPrecision(6)) : 0;
    if (symbol?.kind === 'parameter') params[name] = { default: value, ...(symbol.decl.units ? { units: symbol.decl.units } : {}) };
  }
  // not 'stimulus': NetPyNE's stimSourceParams makes only its built-in sources
  const kinds: MechanismKind[] =
    kind === 'density' ? ['density'] : kind === 'artificial' ? ['artificialCell'] : ['pointProcess', ...(program.netReceive ? (['synapse'] as const) : [])];
  const globals = Object.keys(params).filter((p) => symbols.get(p)?.kind === 'parameter' && !(symbols.get(p) as { range: boolean }).range);
  const variables = [...program.states, ...program.assigned].map((d) => d.name);
  return { name: program.neuron!.name, kinds, params, variables, ...(ions.length > 0 ? { ions } : {}), ...(globals.length > 0 ? { globals } : {}) };
}

/** The USEION variables: each read or written (a name both read and written is written). */
function ionVariables(program: Program): Record<string, IonVar> {
  const out: Record<string, IonVar> = {};
  for (const use of program.neuron!.ions) {
    for (const [names, write] of [
      [use.read, false],
      [use.write, true],
    ] as const)
      for (const name of names) {
        const role = name === `e${use.ion}` ? 'e' : name === `i${use.ion}` ? 'i' : name === `${use.ion}i` ? 'in' : 'out';
        if (write && role === 'e')
          throw new NmodlUnsupported(program.file, use.pos, `USEION ${use.ion} WRITE ${name}`, 'a mechanism writing a reversal potential');
        out[name] = { ion: use.ion, role, write: write || (out[name]?.write ?? false), valence: use.valence };
      }
  }
  return out;
}

/**
 * File-level VERBATIM declares C for other VERBATIM blocks (refused where they use it) or for
 * nothing (#include lines, an rcsid string): harmless, unless it redefines names (#define)
 * that nocmodl's C of the mechanism would then read differently. An empty CONSTRUCTOR or
 * DESTRUCTOR is harmless too.
 */
function isHarmless(o: Program['others'][number]): boolean {
  const body = o.body ?? [];
  if (o.word === 'VERBATIM') return body.every((s) => s.kind === 'verbatim' && !/^\s*#\s*(define|undef)\b/m.test(verbatimCode(s.text)));
  if (o.word !== 'CONSTRUCTOR' && o.word !== 'DESTRUCTOR') return false;
  return body.every((s) => s.kind === 'verbatim' && verbatimCode(s.text) === '');
}

/** A body without its last statement when that is VERBATIM `return 0;`, and whether it was. */
function withoutReturnZero(body: NStmt[]): [NStmt[], boolean] {
  const last = body[body.length - 1];
  if (last?.kind === 'verbatim' && /^return\s*0\s*;$/.test(verbatimCode(last.text))) return [body.slice(0, -1), true];
  return [body, false];
}

function functionDef(f: Callable, convert: Converter, symbols: Symbols, suffix: string): FunctionDef {
  const args = convert.scope(
    f.args.map((a) => a.name),
    'a',
  );
  const [stmts, returnsZero] = withoutReturnZero(f.body.filter((s) => s.kind !== 'table'));
  const body = convert.block(stmts, { where: `FUNCTION ${f.name}`, result: f.name }, args);
  if (returnsZero) body.push({ kind: 'assign', target: f.name, expr: { kind: 'num', value: 0, column: 1 } });
  const def: FunctionDef = { args: [...args.values()], body };
  const table = tableOf(f, body, [f.name], [...args.values()], convert, symbols, suffix);
  return table ? { ...def, table } : def;
}

function procedureDef(p: Callable, convert: Converter, symbols: Symbols, suffix: string): ProcedureDef {
  const args = convert.scope(
    p.args.map((a) => a.name),
    'a',
  );
  const body = convert.block(withoutReturnZero(p.body.filter((s) => s.kind !== 'table'))[0], { where: `PROCEDURE ${p.name}` }, args);
  const def: ProcedureDef = { args: [...args.values()], body };
  const t = p.body.find((s) => s.kind === 'table');
  const table = tableOf(p, body, t?.kind === 'table' ? t.outputs : [], [...args.values()], convert, symbols, suffix);
  return table ? { ...def, table } : def;
}

/**
 * The TABLE of a FUNCTION or PROCEDURE (`outputs`: the procedure's tabulated variables, or the
 * function's name), or null without one. One argument; DEPEND and what the body reads must be
 * what a table can be built from (tableInput).
 */
function tableOf(c: Callable, body: Stmt[], outputs: string[], args: string[], convert: Converter, symbols: Symbols, suffix: string): TableDef | null {
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

/** The state-block statements of one SOLVE in BREAKPOINT. */
function solveStmts(
  program: Program,
  convert: Converter,
  derivatives: NonNullable<MechanismDef['derivatives']>,
  name: string,
  method: string | null,
  pos: Pos,
): Stmt[] {
  const file = program.file;
  const deriv = program.derivatives.find((d) => d.name === name);
  if (!deriv) {
    if (program.procedures.some((p) => p.name === name)) {
      if (method === null) return [{ kind: 'call', name, args: [] }];
      throw new NmodlUnsupported(file, pos, `SOLVE ${name} METHOD ${method}`, 'a PROCEDURE is solved without METHOD');
    }
    if (program.kinetics.some((k) => k.name === name)) throw new NmodlUnsupported(file, pos, `SOLVE ${name} (KINETIC)`);
    throw new NmodlError(file, pos, `SOLVE ${name}: no DERIVATIVE block or PROCEDURE of that name`);
  }
  const rules: BlockRules = { where: `DERIVATIVE ${name}`, derivatives: true };
  const before = convert.derivatives.length;
  const body = convert.block(deriv.body, rules);
  const solved = convert.derivatives.slice(before);
  const states = solved.map((d) => d.state);
  switch (method) {
    case 'cnexp':
      return body.map((s) => cnexpStmt(s, solved, file));
    case 'euler':
      return [
        ...body,
        ...states.map(
          (x): Stmt => ({
            kind: 'assign',
            target: x,
            expr: {
              kind: 'binary',
              op: '+',
              left: nameExpr(x),
              right: { kind: 'binary', op: '*', left: nameExpr('dt'), right: nameExpr(`D${x}`), column: 1 },
              column: 1,
            },
          }),
        ),
      ];
    case 'derivimplicit':
      derivatives[name] = { states, body };
      return [{ kind: 'call', name: 'solve', args: [nameExpr(name)] }];
    default:
      throw new NmodlUnsupported(file, pos, `SOLVE ${name} METHOD ${method ?? '(none)'}`, 'methods cnexp, derivimplicit and euler are');
  }
}

/** Replaces D<x> = f by cnexp's update of x (nested in ifs too). */
function cnexpStmt(s: Stmt, solved: Converter['derivatives'], file: string): Stmt {
  if (s.kind === 'if') return { ...s, then: s.then.map((x) => cnexpStmt(x, solved, file)), otherwise: s.otherwise.map((x) => cnexpStmt(x, solved, file)) };
  if (s.kind !== 'assign') return s;
  const d = solved.find((x) => `D${x.state}` === s.target && x.expr === s.expr);
  if (!d) return s;
  try {
    return { kind: 'assign', target: d.state, expr: cnexpUpdate(d.state, d.expr) };
  } catch (e) {
    if (!(e instanceof NonLinearError)) throw e;
    throw new NmodlUnsupported(file, d.pos, `cnexp for ${d.state}' that is not linear in ${d.state}`, `${e.message}; use derivimplicit`);
  }
}

/** NET_RECEIVE's statements (its body, or a part planned from it); its weight argument is `w`. */
function netReceive(c: Callable, body: NStmt[], convert: Converter, where = 'NET_RECEIVE'): Stmt[] {
  const args = new Map<string, string>([['flag', 'flag']]);
  const names = receiveArgs(c);
  c.args.forEach((a, i) => args.set(a.name, names[i]));
  return convert.block(withoutNetconInitial(body), { where, events: true, args });
}

/**
 * NET_RECEIVE's arguments: one is the NetCon's weight `w`; more are a weight vector (Izhi2007a's
 * receptors: a connection sets the element of its synList index, the others are 0) when the block
 * only reads them, or, when it assigns some, the weight and then state each NetCon keeps
 * (AMPA's on, r0, t0: netconState).
 */
function receiveArgs(c: Callable): string[] {
  if (c.args.length <= 1) return ['w'];
  if (keepsNetconState(c)) return ['w', ...c.args.slice(1).map((a, i) => `_c${i}_${a.name}`)];
  return c.args.map((a, i) => `_w${i}_${a.name}`);
}

/** Whether NET_RECEIVE assigns one of its arguments after the weight (state per NetCon). */
function keepsNetconState(c: Callable): boolean {
  const assigned = new Set<string>();
  const visit = (stmts: NStmt[]) =>
    stmts.forEach((s) => {
      if (s.kind === 'assign') assigned.add(s.target);
      if (s.kind === 'if') {
        visit(s.then);
        visit(s.otherwise);
      }
      if (s.kind === 'while' || s.kind === 'from' || s.kind === 'fornetcons') visit(s.body);
    });
  visit(c.body);
  return c.args.slice(1).some((a) => assigned.has(a.name)) || c.body.some((s) => s.kind === 'initial' && !isWeightKeeping(s.body));
}

/** An INITIAL of self-assignments (`w = w`: it only keeps the weights, as they are kept here). */
function isWeightKeeping(body: NStmt[]): boolean {
  return body.every((x) => x.kind === 'assign' && x.expr.kind === 'name' && x.expr.name === x.target);
}

/** NET_RECEIVE's own INITIAL, run for each NetCon at finitialize (on its state arguments). */
function netconInitial(c: Callable, convert: Converter): Stmt[] {
  const initial = c.body.filter((s) => s.kind === 'initial');
  const args = new Map<string, string>();
  const names = receiveArgs(c);
  c.args.forEach((a, i) => args.set(a.name, names[i]));
  return initial.flatMap((s) => (s.kind === 'initial' ? convert.block(s.body, { where: 'NET_RECEIVE INITIAL', args }) : []));
}

/** NET_RECEIVE without its INITIAL block (run per NetCon: netconInitial). */
function withoutNetconInitial(body: NStmt[]): NStmt[] {
  return body.filter((s) => s.kind !== 'initial');
}

/** How NET_RECEIVE's arguments reach the definition: a weight vector (receiveArgs) or per-NetCon state. */
function netReceiveArgs(program: Program, convert: Converter): Pick<MechanismDef, 'receiveArgs' | 'netconState' | 'netconInitial'> {
  const c = program.netReceive;
  if (!c || c.args.length <= 1) return {};
  const names = receiveArgs(c);
  if (!keepsNetconState(c)) return { receiveArgs: names };
  if (program.netReceive && planWatches(program)) throw new NmodlUnsupported(program.file, c.pos, 'WATCH in a NET_RECEIVE with state per NetCon');
  return { netconState: names.slice(1), netconInitial: netconInitial(c, convert) };
}

/** The flag-1 event's statements and the WATCHes (watches.ts). */
function watchDefs(plan: WatchPlan, c: Callable, convert: Converter): Pick<MechanismDef, 'initEvent' | 'watches'> {
  // a self-event carries no weight (NEURON passes none): a branch reading it is one other events take
  const weights = receiveArgs(c);
  const noWeight = (stmts: Stmt[]): Stmt[] => {
    const read = readNames(stmts);
    const zero = weights.filter((w) => read.has(w)).map((w): Stmt => ({ kind: 'assign', target: w, expr: { kind: 'num', value: 0, column: 1 } }));
    return [...zero, ...stmts];
  };
  const handlers = new Map<number, Stmt[]>();
  const handler = (flag: number) => {
    if (!handlers.has(flag)) handlers.set(flag, noWeight(netReceive(c, plan.handler(flag), convert, `NET_RECEIVE flag ${flag}`)));
    return handlers.get(flag)!;
  };
  const expr = (e: Expr, pos: Pos) => convert.expr(e, new Map(), pos, { where: 'WATCH', args: new Map([['flag', 'flag']]) });
  const watches: WatchDef[] = plan.watches.map((w) => {
    const armed = w.armedIf.map((e) => expr(e, w.pos));
    const armedIf = armed.length === 0 ? undefined : armed.reduce((a, b): Expr => ({ kind: 'bool', op: 'and', left: a, right: b, column: a.column }));
    return { flag: w.flag, condition: expr(w.condition, w.pos), ...(armedIf ? { armedIf } : {}), handler: handler(w.flag) };
  });
  return { initEvent: noWeight(netReceive(c, plan.initEvent, convert, 'NET_RECEIVE flag 1')), watches };
}

function nameExpr(name: string): Expr {
  return { kind: 'name', name, column: 1 };
}
