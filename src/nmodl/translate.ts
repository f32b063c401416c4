import type { Expr } from '../expr/ast.ts';
import type { MechanismInfo, MechanismKind, ParamInfo } from '../spec/catalog.ts';
import type { Callable, NStmt, Program } from './ast.ts';
import { calledCallables } from './callables.ts';
import { cnexpUpdate, NonLinearError } from './cnexp.ts';
import { type BlockRules, Converter, isLocalName, verbatimCode } from './convert.ts';
import type { FunctionDef, IonVar, MechanismDef, MechKind, ProcedureDef, Stmt } from './definition.ts';
import { NmodlError, NmodlUnsupported, type Pos } from './errors.ts';
import { linearDef } from './linear.ts';
import { isLinearReceive, isMergeable, receiveForNetcons } from './linearity.ts';
import { netReceive, netReceiveArgs, watchDefs } from './net-receive.ts';
import { assignedNames } from './stmt-names.ts';
import { Symbols } from './symbols.ts';
import { tableOf } from './tables.ts';
import { planWatches } from './watches.ts';

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
  for (const block of [...program.kinetics, ...program.nonlinears])
    throw new NmodlUnsupported(file, block.pos, `${program.kinetics.includes(block) ? 'KINETIC' : 'NONLINEAR'} ${block.name}`);
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
  const linear = Object.fromEntries(program.linears.map((l) => [l.name, linearDef(l, convert, symbols)]));
  const currents = n.currents;
  const ions = [...new Set(n.ions.map((u) => u.ion))];
  const def: MechanismDef & { initial: Stmt[]; breakpoint: Stmt[]; state: Stmt[] } = {
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
    ...(program.linears.length > 0 ? { linear } : {}),
    state,
    ...(receive ? { receive } : {}),
    ...netReceiveArgs(program, convert),
    ...(watchParts ?? {}),
  };
  return { def: withEventFacts(def), info: mechanismInfo(program, symbols, kind, ions) };
}

/** The definition with its flag-0 NET_RECEIVE and what the engine may do with its events (linearity.ts). */
function withEventFacts(def: MechanismDef & { initial: Stmt[]; breakpoint: Stmt[]; state: Stmt[] }): MechanismDef {
  const receive = receiveForNetcons(def);
  if (receive === undefined || def.kind !== 'point' || def.netconState) return receive === undefined ? def : { ...def, receive };
  // fields the per-step blocks and NET_RECEIVE write: values that change during the run
  const running = assignedNames(receive, assignedNames(def.state, assignedNames(def.breakpoint)));
  const linearReceive = isLinearReceive(
    receive,
    [...def.states, ...def.assigned],
    def.receiveArgs ?? ['w'],
    running,
    [...assignedNames(receive)].filter(isLocalName),
  );
  const mergeable =
    linearReceive &&
    def.currents !== undefined &&
    !def.receiveArgs &&
    !def.watches &&
    !def.initEvent &&
    !def.ionVars &&
    isMergeable({ ...def, currents: def.currents.names });
  return { ...def, receive, ...(linearReceive ? { linearReceive } : {}), ...(mergeable ? { mergeable } : {}) };
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

function mechanismInfo(program: Program, symbols: Symbols, kind: MechKind, ions: string[]): MechanismInfo {
  const params: Record<string, ParamInfo> = {};
  for (const name of symbols.names('parameter')) {
    const symbol = symbols.get(name);
    // nocmodl prints defaults with %g: NEURON's default keeps 6 significant digits (0.0123456789 is 0.0123457)
    const value = symbol?.kind === 'parameter' ? Number((symbol.decl.value ?? 0).toPrecision(6)) : 0;
    // an array PARAMETER's default is one value per element (NetPyNE sets it from a list)
    const size = symbol?.kind === 'parameter' ? symbol.decl.size : null;
    if (symbol?.kind === 'parameter')
      params[name] = { default: size === null ? value : new Array<number>(size).fill(value), ...(symbol.decl.units ? { units: symbol.decl.units } : {}) };
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
      // after_cvode: in a fixed-step run nocmodl's nrn_state calls the procedure, as without METHOD
      if (method === null || method === 'after_cvode') return [{ kind: 'call', name, args: [] }];
      throw new NmodlUnsupported(file, pos, `SOLVE ${name} METHOD ${method}`, 'a PROCEDURE is solved without METHOD or with after_cvode');
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
    case 'derivimplicit': {
      const variables = newtonOrder(states, program.nameOrder);
      derivatives[name] = { states, ...(variables.some((x, i) => x !== states[i]) ? { variables } : {}), body };
      return [{ kind: 'call', name: 'solve', args: [nameExpr(name)] }];
    }
    default:
      throw new NmodlUnsupported(file, pos, `SOLVE ${name} METHOD ${method ?? '(none)'}`, 'methods cnexp, derivimplicit and euler are');
  }
}

/**
 * nocmodl's order of derivimplicit's Newton variables (_slist2, the Jacobian's columns): its
 * symbol table keeps one list per first character, newest symbol first, and the list is built
 * walking the table: by first character code, then from the name the file mentions last.
 */
function newtonOrder(states: string[], nameOrder: ReadonlyMap<string, number>): string[] {
  return [...states].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0) || (nameOrder.get(b) ?? 0) - (nameOrder.get(a) ?? 0));
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

function nameExpr(name: string): Expr {
  return { kind: 'name', name, column: 1 };
}
