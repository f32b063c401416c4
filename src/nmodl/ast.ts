import type { Expr } from '../expr/ast.ts';
import type { Pos } from './errors.ts';

// The tree of one mod file as NMODL writes it, before any meaning is given to names.
// Expressions are src/expr trees (C operators mapped: ^ to **, && and || to and/or, ! to not);
// their `column` is the column in the line of the statement holding them.

export type NStmt =
  | { kind: 'assign'; target: string; expr: Expr; pos: Pos }
  /** x' = expr (DERIVATIVE). */
  | { kind: 'derivative'; state: string; expr: Expr; pos: Pos }
  | { kind: 'if'; test: Expr; then: NStmt[]; otherwise: NStmt[]; pos: Pos }
  | { kind: 'while'; test: Expr; body: NStmt[]; pos: Pos }
  /** FROM i = a TO b BY c { } */
  | { kind: 'from'; index: string; first: Expr; last: Expr; step: Expr | null; body: NStmt[]; pos: Pos }
  | { kind: 'local'; names: string[]; pos: Pos }
  | { kind: 'call'; name: string; args: Expr[]; pos: Pos }
  /** printf("...", args): output only. */
  | { kind: 'print'; pos: Pos }
  | { kind: 'solve'; name: string; method: string | null; pos: Pos }
  | { kind: 'table'; outputs: string[]; depend: string[]; from: Expr; to: Expr; with: Expr; pos: Pos }
  /** ~ reactants <-> products (kf, kb), ~ x << (flux), ~ a -> b (k) (KINETIC). */
  | { kind: 'reaction'; op: '<->' | '<<' | '->'; left: Term[]; right: Term[]; rates: Expr[]; pos: Pos }
  /** ~ lhs = rhs (LINEAR, NONLINEAR). */
  | { kind: 'equation'; left: Expr; right: Expr; pos: Pos }
  | { kind: 'conserve'; left: Expr; right: Expr; pos: Pos }
  | { kind: 'compartment'; index: string | null; volume: Expr; states: string[]; pos: Pos }
  | { kind: 'watch'; condition: Expr; flag: Expr; pos: Pos }
  | { kind: 'fornetcons'; args: string[]; body: NStmt[]; pos: Pos }
  /** INITIAL { } inside NET_RECEIVE. */
  | { kind: 'initial'; body: NStmt[]; pos: Pos }
  | { kind: 'verbatim'; text: string; pos: Pos }
  /** A statement word NMODL has but this front end does not compile (LAG, MATCH, SENS ...). */
  | { kind: 'other'; word: string; pos: Pos };

/** A reaction term: `2A` is {state: 'A', count: 2}; `ca[i]` is refused. */
export interface Term {
  state: string;
  count: number;
}

/** A declaration in PARAMETER, ASSIGNED, STATE or CONSTANT. */
export interface Decl {
  name: string;
  /** Array length for name[n]. */
  size: number | null;
  value: number | null;
  units: string | null;
  /** PARAMETER range <lo, hi>. */
  range: [number, number] | null;
  pos: Pos;
}

export interface Callable {
  name: string;
  args: Array<{ name: string; units: string | null }>;
  body: NStmt[];
  pos: Pos;
}

export interface UseIon {
  ion: string;
  read: string[];
  write: string[];
  valence: number | null;
  pos: Pos;
}

export interface NeuronBlock {
  kind: 'SUFFIX' | 'POINT_PROCESS' | 'ARTIFICIAL_CELL' | null;
  name: string;
  ions: UseIon[];
  nonspecific: string[];
  electrode: string[];
  /** Currents (USEION WRITE i<ion>, NONSPECIFIC_CURRENT, ELECTRODE_CURRENT) in declaration order: nocmodl sums them so. */
  currents: string[];
  range: string[];
  global: string[];
  pointer: string[];
  threadsafe: boolean;
  pos: Pos;
}

/** UNITS block: `(mA) = (milliamp)` or a named constant `FARADAY = (faraday) (coulomb)`. */
export interface UnitDef {
  name: string;
  /** For a named constant: its value from the units database or the number written. */
  value: number | null;
  pos: Pos;
}

export interface Program {
  file: string;
  title: string;
  neuron: NeuronBlock | null;
  units: UnitDef[];
  parameters: Decl[];
  constants: Decl[];
  assigned: Decl[];
  states: Decl[];
  /** LOCALs at file scope (nocmodl makes them static globals). */
  locals: string[];
  initial: NStmt[] | null;
  breakpoint: NStmt[] | null;
  derivatives: Callable[];
  kinetics: Callable[];
  linears: Callable[];
  nonlinears: Callable[];
  functions: Callable[];
  procedures: Callable[];
  netReceive: Callable | null;
  /** Top-level VERBATIM, CONSTRUCTOR, DESTRUCTOR, BEFORE/AFTER and other blocks, by keyword. */
  others: Array<{ word: string; body: NStmt[] | null; pos: Pos }>;
  /** Each name's rank in the order the file (with its INCLUDEs) first mentions it. */
  nameOrder: Map<string, number>;
}

/** Every expression of the statements mapped by f (one exhaustive walk of NMODL statements). */
export function mapStmts(stmts: NStmt[], f: (e: Expr) => Expr): NStmt[] {
  return stmts.map((s): NStmt => {
    switch (s.kind) {
      case 'assign':
        return { ...s, expr: f(s.expr) };
      case 'derivative':
        return { ...s, expr: f(s.expr) };
      case 'if':
        return { ...s, test: f(s.test), then: mapStmts(s.then, f), otherwise: mapStmts(s.otherwise, f) };
      case 'while':
        return { ...s, test: f(s.test), body: mapStmts(s.body, f) };
      case 'from':
        return { ...s, first: f(s.first), last: f(s.last), step: s.step ? f(s.step) : null, body: mapStmts(s.body, f) };
      case 'call':
        return { ...s, args: s.args.map(f) };
      case 'table':
        return { ...s, from: f(s.from), to: f(s.to), with: f(s.with) };
      case 'reaction':
        return { ...s, rates: s.rates.map(f) };
      case 'equation':
      case 'conserve':
        return { ...s, left: f(s.left), right: f(s.right) };
      case 'compartment':
        return { ...s, volume: f(s.volume) };
      case 'watch':
        return { ...s, condition: f(s.condition), flag: f(s.flag) };
      case 'fornetcons':
      case 'initial':
        return { ...s, body: mapStmts(s.body, f) };
      case 'local':
      case 'print':
      case 'solve':
      case 'verbatim':
      case 'other':
        return s;
    }
  });
}
