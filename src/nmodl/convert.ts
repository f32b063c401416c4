import { type Expr, mapChildren, walk } from '../expr/ast.ts';
import { mapStmts, type NStmt } from './ast.ts';
import type { Stmt } from './definition.ts';
import { NmodlError, NmodlUnsupported, type Pos } from './errors.ts';
import { ARRAY_ELEMENT } from './expressions.ts';
import { MOD_MATH } from './math.ts';
import type { Symbols } from './symbols.ts';

// NMODL statements to the mechanism statement language (src/mech/lang.ts), one exhaustive
// visitor. LOCALs and arguments are renamed to `_l<n>_<name>` / `_a<n>_<name>`: NMODL names
// start with a letter, so the new names cannot meet a declared one, a renderer's own names or
// a JavaScript or WGSL keyword. CONSTANTs become their values.

/** Math functions of mod files and their arity (C's, as nocmodl passes them through). */

/** Whether a converted name is a LOCAL's (`_l<n>_<name>`, see above). */
export const isLocalName = (name: string): boolean => /^_l\d+_/.test(name);

/** What a block may contain. */
export interface BlockRules {
  where: string;
  /** x' = ... (DERIVATIVE). */
  derivatives?: boolean;
  /** net_send, net_event, net_move (NET_RECEIVE, INITIAL). */
  events?: boolean;
  /** The NET_RECEIVE argument names and what they become. */
  args?: ReadonlyMap<string, string>;
  /** A FUNCTION's own name, which its body assigns to return a value. */
  result?: string;
  /** Called for SOLVE statements (BREAKPOINT); returns the statements that replace it. */
  solve?: (name: string, method: string | null, pos: Pos) => Stmt[];
}

export class Converter {
  private scopes = 0;
  /** Each derivative statement met, by state, in order (for the solvers). */
  readonly derivatives: Array<{ state: string; expr: Expr; pos: Pos }> = [];

  constructor(
    private readonly symbols: Symbols,
    readonly file: string,
  ) {}

  /** A new scope's renaming of `names` (LOCALs or arguments). */
  scope(names: string[], prefix: 'l' | 'a'): Map<string, string> {
    const n = this.scopes++;
    return new Map(names.map((x) => [x, `_${prefix}${n}_${x}`]));
  }

  /** Converts a block; `renames` holds the names in scope (arguments). */
  block(stmts: NStmt[], rules: BlockRules, renames = new Map<string, string>()): Stmt[] {
    const scope = new Map(renames);
    const out: Stmt[] = [];
    for (const s of stmts) out.push(...this.stmt(s, rules, scope));
    return out;
  }

  private stmt(s: NStmt, rules: BlockRules, scope: Map<string, string>): Stmt[] {
    const e = (x: Expr) => this.expr(x, scope, s.pos, rules);
    switch (s.kind) {
      case 'local':
        for (const [from, to] of this.scope(s.names, 'l')) scope.set(from, to);
        return [];
      case 'assign':
        return [{ kind: 'assign', target: this.target(s.target, scope, s.pos, rules), expr: e(s.expr) }];
      case 'derivative': {
        if (!rules.derivatives) throw new NmodlError(this.file, s.pos, `${s.state}' = ... belongs in a DERIVATIVE block, not in ${rules.where}`);
        if (this.symbols.get(s.state)?.kind !== 'state') throw new NmodlError(this.file, s.pos, `${s.state}' = ...: ${s.state} is not a STATE`);
        const expr = e(s.expr);
        this.derivatives.push({ state: s.state, expr, pos: s.pos });
        return [{ kind: 'assign', target: `D${s.state}`, expr }];
      }
      case 'if':
        return [{ kind: 'if', test: e(s.test), then: this.block(s.then, rules, scope), otherwise: this.block(s.otherwise, rules, scope) }];
      case 'while':
        return [{ kind: 'while', test: e(s.test), body: this.block(s.body, rules, scope) }];
      case 'from':
        return this.fromLoop(s, rules, scope);
      case 'call':
        return [this.call(s.name, s.args.map(e), s.pos, rules)];
      case 'print':
        return [];
      case 'solve':
        // a LINEAR block is solved where its SOLVE stands (vclmp.mod's icur FUNCTION: simeq in line)
        if (this.symbols.program.linears.some((l) => l.name === s.name)) {
          if (s.method !== null) throw new NmodlUnsupported(this.file, s.pos, `SOLVE ${s.name} METHOD ${s.method}`, 'a LINEAR block is solved without METHOD');
          return [{ kind: 'call', name: 'solve', args: [{ kind: 'name', name: s.name, column: s.pos.column }] }];
        }
        if (!rules.solve) throw new NmodlError(this.file, s.pos, `SOLVE belongs in BREAKPOINT, not in ${rules.where}`);
        return rules.solve(s.name, s.method, s.pos);
      case 'table':
        throw new NmodlError(this.file, s.pos, `TABLE belongs at the start of a FUNCTION or PROCEDURE, not in ${rules.where}`);
      case 'verbatim':
        return this.verbatim(s.text, s.pos, rules);
      case 'reaction':
      case 'equation':
      case 'conserve':
      case 'compartment':
        throw new NmodlUnsupported(
          this.file,
          s.pos,
          s.kind === 'equation' ? 'a LINEAR/NONLINEAR equation (~ a = b)' : `KINETIC ${s.kind === 'reaction' ? 'reactions' : s.kind.toUpperCase()}`,
        );
      case 'watch':
        throw new NmodlUnsupported(this.file, s.pos, 'WATCH');
      case 'fornetcons':
        throw new NmodlUnsupported(this.file, s.pos, 'FOR_NETCONS');
      case 'initial':
        throw new NmodlUnsupported(this.file, s.pos, 'INITIAL inside NET_RECEIVE');
      case 'other':
        throw new NmodlUnsupported(this.file, s.pos, s.word);
    }
  }

  /** FROM i = a TO b BY c { body } is nocmodl's for (i = a; i <= b; i += c). */
  private fromLoop(s: Extract<NStmt, { kind: 'from' }>, rules: BlockRules, scope: Map<string, string>): Stmt[] {
    if (containsBreak(s.body) || indexesArrays(s.body, s.index)) return this.unrolled(s, rules, scope);
    const index = this.target(s.index, scope, s.pos, rules);
    const at = s.first.column;
    const name: Expr = { kind: 'name', name: index, column: at };
    const step = s.step ? this.expr(s.step, scope, s.pos, rules) : ({ kind: 'num', value: 1, column: at } as Expr);
    const body = this.block(s.body, rules, scope);
    return [
      { kind: 'assign', target: index, expr: this.expr(s.first, scope, s.pos, rules) },
      {
        kind: 'while',
        test: { kind: 'compare', operands: [name, this.expr(s.last, scope, s.pos, rules)], ops: ['<='], column: at },
        body: [...body, { kind: 'assign', target: index, expr: { kind: 'binary', op: '+', left: name, right: step, column: at } }],
      },
    ];
  }

  /**
   * A FROM loop whose body indexes arrays by its index or leaves it with a VERBATIM `break;`,
   * unrolled (its bounds must be numbers): each iteration is the body with the index a number,
   * and `if (c) { ... break }` puts the rest of the loop in its else.
   */
  private unrolled(s: Extract<NStmt, { kind: 'from' }>, rules: BlockRules, scope: Map<string, string>): Stmt[] {
    const bound = (x: Expr | null, otherwise: number) => (x === null ? otherwise : constantValue(this.expr(x, scope, s.pos, rules)));
    const [first, last, step] = [bound(s.first, 0), bound(s.last, 0), bound(s.step, 1)];
    if (first === null || last === null || step === null || step <= 0)
      throw new NmodlUnsupported(this.file, s.pos, 'a FROM loop over array elements or with break whose bounds are not numbers');
    if ((last - first) / step > MAX_UNROLLED) throw new NmodlUnsupported(this.file, s.pos, `a FROM loop over arrays of more than ${MAX_UNROLLED} iterations`);
    const iteration = (k: number): NStmt[] => {
      if (k > last) return [];
      const at = (e: Expr): Expr => (e.kind === 'name' && e.name === s.index ? { kind: 'num', value: k, column: e.column } : mapChildren(e, at));
      return this.untilBreak(mapStmts(s.body, at), () => iteration(k + step));
    };
    return this.block(iteration(first), rules, scope);
  }

  /** The statements, then `rest` (the loop's next iterations) unless an `if (c) { ... break }` leaves first. */
  private untilBreak(stmts: NStmt[], rest: () => NStmt[]): NStmt[] {
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts[i];
      if (s.kind === 'if' && s.then.length > 0 && isBreak(s.then[s.then.length - 1]) && !containsBreak(s.then.slice(0, -1)) && !containsBreak(s.otherwise))
        return [...stmts.slice(0, i), { ...s, then: s.then.slice(0, -1), otherwise: [...s.otherwise, ...this.untilBreak(stmts.slice(i + 1), rest)] }];
      if (containsBreak([s])) throw new NmodlUnsupported(this.file, s.pos, 'break other than as the last statement of an if in a FROM loop');
    }
    return [...stmts, ...rest()];
  }

  /** `amp[k]` with k known (a number, or a FROM index once unrolled): the field amp<k>. */
  private element(e: Extract<Expr, { kind: 'call' }>, r: (x: Expr) => Expr, pos: Pos): Expr {
    const name = e.callee.slice(0, -ARRAY_ELEMENT.length);
    const at = { line: pos.line, column: e.column };
    const symbol = this.symbols.get(name);
    if (symbol?.kind !== 'parameter' || symbol.decl.size === null) throw new NmodlError(this.file, at, `'${name}' is not an array`);
    const k = constantValue(r(e.args[0]));
    if (k === null) throw new NmodlUnsupported(this.file, at, `the element ${name}[...] at an index known only at run time`);
    if (!Number.isInteger(k) || k < 0 || k >= symbol.decl.size) throw new NmodlError(this.file, at, `${name}[${k}] is outside ${name}[${symbol.decl.size}]`);
    return { kind: 'name', name: `${name}${k}`, column: e.column };
  }

  private call(name: string, args: Expr[], pos: Pos, rules: BlockRules): Stmt {
    if (name === 'net_send' || name === 'net_move' || name === 'net_event') {
      if (!rules.events) throw new NmodlError(this.file, pos, `${name} belongs in NET_RECEIVE or INITIAL, not in ${rules.where}`);
      const arity = name === 'net_send' ? 2 : 1;
      if (args.length !== arity) throw new NmodlError(this.file, pos, `${name} takes ${arity} argument(s)`);
      if (name === 'net_send') return { kind: 'send', delay: args[0], flag: args[1] };
      return name === 'net_move' ? { kind: 'move', time: args[0] } : { kind: 'event', time: args[0] };
    }
    if (name === 'state_discontinuity') {
      // NEURON's state_discontinuity(x, value) is x = value in the fixed-step method (CVODE re-initialises)
      const [state, value] = args;
      if (args.length !== 2 || state.kind !== 'name') throw new NmodlError(this.file, pos, 'state_discontinuity takes a STATE and a value');
      return { kind: 'assign', target: state.name, expr: value };
    }
    const symbol = this.symbols.get(name);
    if (symbol?.kind === 'function') return { kind: 'assign', target: '_discard', expr: { kind: 'call', callee: name, args, column: pos.column } };
    if (symbol?.kind !== 'procedure') throw new NmodlError(this.file, pos, `'${name}' is not a PROCEDURE of this file`);
    if (args.length !== symbol.args) throw new NmodlError(this.file, pos, `${name} takes ${symbol.args} argument(s), given ${args.length}`);
    return { kind: 'call', name, args };
  }

  /**
   * VERBATIM: the C idioms of real mod files are understood: nothing (comments), `hoc_execerror("...", 0);`
   * (the run stops), `cai = _ion_cai;` for an ion variable read from the segment (what nocmodl
   * already did), output only (printf, a FILE opened, written with fprintf and closed: not
   * written here), the CVODE guard of NEURON's vclmp.mod (a fixed-step run passes it). `return 0;` ending a FUNCTION or PROCEDURE is handled by its caller. The rest is refused.
   */
  private verbatim(text: string, pos: Pos, rules: BlockRules): Stmt[] {
    const code = verbatimCode(text);
    if (code === '') return [];
    const error = /^hoc_execerror\s*\(\s*"([^"\\]*)"\s*,[^;]*\)\s*;$/.exec(code);
    if (error) return [{ kind: 'abort', message: error[1] }];
    if (isOutputOnly(code)) return [];
    // NEURON's vclmp.mod refuses CVODE: spikegpu runs the fixed step only (compile refuses cvode_active)
    if (/^\{?externintcvode_active_;if\(cvode_active_\)\{hoc_execerror\("[^"]*","[^"]*"\);\}\}?$/.test(code.replace(/\s+/g, ''))) return [];
    const copy = /^([A-Za-z]\w*)\s*=\s*_ion_\1\s*;$/.exec(code);
    const symbol = copy ? this.symbols.get(copy[1]) : undefined;
    if (symbol?.kind === 'ion' && !symbol.write) return [];
    throw new NmodlUnsupported(this.file, pos, `VERBATIM C code in ${rules.where}`, code.split('\n')[0].trim().slice(0, 60));
  }

  private target(name: string, scope: Map<string, string>, pos: Pos, rules: BlockRules): string {
    const renamed = scope.get(name) ?? rules.args?.get(name);
    if (renamed) return renamed;
    if (name === rules.result) return name;
    const symbol = this.symbols.get(name);
    if (!symbol) throw new NmodlError(this.file, pos, `'${name}' is not declared (PARAMETER, ASSIGNED, STATE or LOCAL)`);
    if (symbol.kind === 'constant') throw new NmodlError(this.file, pos, `'${name}' is a constant`);
    if (symbol.kind === 'function' || symbol.kind === 'procedure') throw new NmodlError(this.file, pos, `'${name}' is a ${symbol.kind.toUpperCase()}`);
    if (symbol.kind === 'neuron' && name !== 'v') throw new NmodlError(this.file, pos, `'${name}' is NEURON's; a mechanism cannot assign it`);
    if (symbol.kind === 'ion' && !symbol.write) throw new NmodlError(this.file, pos, `'${name}' is read (USEION ${symbol.ion} READ), not written`);
    return name;
  }

  expr(e: Expr, scope: Map<string, string>, pos: Pos, rules: BlockRules): Expr {
    const r = (x: Expr) => this.expr(x, scope, pos, rules);
    switch (e.kind) {
      case 'num':
        return e;
      case 'name': {
        const renamed = scope.get(e.name) ?? rules.args?.get(e.name);
        if (renamed) return { ...e, name: renamed };
        const symbol = this.symbols.get(e.name);
        if (e.name === rules.result) return e;
        if (!symbol) throw new NmodlError(this.file, { line: pos.line, column: e.column }, `'${e.name}' is not declared`);
        if (symbol.kind === 'constant') return { kind: 'num', value: symbol.value, column: e.column };
        if (symbol.kind === 'parameter' && symbol.decl.size !== null)
          throw new NmodlError(this.file, { line: pos.line, column: e.column }, `${e.name} is an array of ${symbol.decl.size}: give an element, ${e.name}[i]`);
        if (symbol.kind === 'function' || symbol.kind === 'procedure')
          throw new NmodlError(this.file, pos, `'${e.name}' is a ${symbol.kind.toUpperCase()}, not a value`);
        return e;
      }
      case 'unary':
      case 'not':
      case 'binary':
      case 'bool':
      case 'compare':
      case 'ifexp':
        return mapChildren(e, r);
      case 'call': {
        if (e.callee.endsWith(ARRAY_ELEMENT)) return this.element(e, r, pos);
        const args = e.args.map(r);
        const arity = MOD_MATH.get(e.callee)?.arity;
        const symbol = this.symbols.get(e.callee);
        if (symbol?.kind === 'function') {
          if (args.length !== symbol.args) throw new NmodlError(this.file, pos, `${e.callee} takes ${symbol.args} argument(s), given ${args.length}`);
          return { ...e, args };
        }
        if (arity === undefined) {
          if (symbol?.kind === 'procedure') throw new NmodlError(this.file, pos, `PROCEDURE ${e.callee} has no value; call it as a statement`);
          throw new NmodlUnsupported(this.file, { line: pos.line, column: e.column }, `the function ${e.callee}()`);
        }
        if (args.length !== arity) throw new NmodlError(this.file, pos, `${e.callee} takes ${arity} argument(s), given ${args.length}`);
        return { ...e, args };
      }
    }
  }
}

/** Most iterations of a FROM loop that is unrolled. */
const MAX_UNROLLED = 4096;

function isBreak(s: NStmt): boolean {
  return s.kind === 'verbatim' && verbatimCode(s.text) === 'break;';
}

function containsBreak(stmts: NStmt[]): boolean {
  return stmts.some((s) => isBreak(s) || (s.kind === 'if' && (containsBreak(s.then) || containsBreak(s.otherwise))));
}

/** Whether an array element is indexed by an expression reading `index`. */
function indexesArrays(stmts: NStmt[], index: string): boolean {
  let found = false;
  mapStmts(stmts, (e) => {
    walk(e, (n) => {
      if (n.kind === 'call' && n.callee.endsWith(ARRAY_ELEMENT)) walk(n.args[0], (m) => (found ||= m.kind === 'name' && m.name === index));
    });
    return e;
  });
  return found;
}

/** The value of an expression of numbers alone (a FROM bound, an index once the loop is unrolled), or null. */
export function constantValue(e: Expr): number | null {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'unary') {
    const x = constantValue(e.operand);
    return x === null ? null : e.op === '-' ? -x : x;
  }
  if (e.kind !== 'binary') return null;
  const a = constantValue(e.left);
  const b = constantValue(e.right);
  if (a === null || b === null) return null;
  return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : null;
}

/** A VERBATIM block's C without comments and surrounding space. */
export function verbatimCode(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .trim();
}

/** C statements that only print: printf, fprintf to a FILE opened and closed here (and #include <stdio.h>). */
function isOutputOnly(code: string): boolean {
  const withoutStrings = code.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/^\s*#\s*include\s*<stdio\.h>\s*$/gm, '');
  const statements = withoutStrings
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const output = [/^FILE\s*\*\s*\w+$/, /^\w+\s*=\s*fopen\s*\([^()]*\)$/, /^f?printf\s*\(.*\)$/s, /^fclose\s*\(\s*\w+\s*\)$/];
  return statements.length > 0 && statements.every((s) => output.some((re) => re.test(s)));
}
