// A mechanism is defined once, as data plus code blocks in a small NMODL-like statement
// language (below); the NMODL front end produces it from mod files, and renderers turn the
// blocks into JavaScript (CPU backend, f64 or f32) and WGSL (GPU backend). The blocks follow the C that NEURON 8.2.2's nocmodl generates, statement
// by statement, so the arithmetic is NEURON's (cnexp updates are written as nocmodl's literal
// expression, not as a simplified formula).

import type { Expr } from '../expr/ast.ts';

// The statement language of mechanism code blocks, a tree (expressions are src/expr trees):
// assignments, PROCEDURE calls (inlined by lowering; `solve(name)` is the SOLVE of the
// definition's DERIVATIVE or LINEAR block), if/else, while, the events of NET_RECEIVE and
// INITIAL, and the solver and table statements lowering inserts.

export type Stmt =
  | { kind: 'assign'; target: string; expr: Expr }
  | { kind: 'if'; test: Expr; then: Stmt[]; otherwise: Stmt[] }
  | { kind: 'while'; test: Expr; body: Stmt[] }
  | { kind: 'call'; name: string; args: Expr[] }
  /** net_send(delay, flag): a self-event at t + delay [ms]; it becomes the instance's movable event. */
  | { kind: 'send'; delay: Expr; flag: Expr }
  /** net_move(time): moves the instance's movable self-event to `time` [ms]. */
  | { kind: 'move'; time: Expr }
  /** net_event(time): the cell fires (spike recorded, NetCon events sent). */
  | { kind: 'event'; time: Expr }
  /** SOLVE of a DERIVATIVE block by derivimplicit: Newton on D<state> = (state - saved)/dt. */
  | { kind: 'newton'; name: string; states: string[]; variables: string[]; body: Stmt[] }
  /** SOLVE of a LINEAR block: simeq on the augmented matrix (rows: coefficients then right-hand side). */
  | { kind: 'simeq'; name: string; unknowns: string[]; body: Stmt[]; matrix: Expr[][] }
  /** NEURON's hoc_execerror(message): the run stops with the mechanism's message. */
  | { kind: 'abort'; message: string }
  /** A TABLE lookup of procedure `name` at `arg` (inserted by lowering when tables are used). */
  | { kind: 'table'; name: string; arg: Expr };

export type MechKind = 'density' | 'point' | 'artificial';

/** How the BREAKPOINT's current enters the cable equation. */
export type CurrentKind =
  /** ionic or NONSPECIFIC_CURRENT: outward positive, `rhs -= i`, `d += di/dv` */
  | 'membrane'
  /** ELECTRODE_CURRENT: positive depolarises, `rhs += i`, `d -= di/dv` */
  | 'electrode';

export interface FunctionDef {
  args: string[];
  /** Assigns the function's own name to return a value. */
  body: Stmt[];
  /** NMODL LOCALs: they (and the arguments) shadow fields of the same name. */
  locals?: string[];
  /** TABLE in a FUNCTION of one argument: its value tabulated (`outputs` is empty: the function's value is). */
  table?: TableDef;
}

export interface TableDef {
  /** Variables the procedure sets that are tabulated. */
  outputs: string[];
  /** Range of the (single) argument and number of intervals (NMODL `FROM a TO b WITH n`). */
  from: number;
  to: number;
  with: number;
  /** NEURON's switch, e.g. 'usetable_hh' (1 = use the table). */
  switchName: string;
}

export interface ProcedureDef {
  args: string[];
  body: Stmt[];
  table?: TableDef;
}

export interface WatchDef {
  /** Flag the self-event carries. */
  flag: number;
  /** Condition `a > b` (rising edge fires). */
  condition: Expr;
  /** Whether this WATCH is armed at all (evaluated once by the flag-1 handler); default always. */
  armedIf?: Expr;
  /** NET_RECEIVE body for this flag. */
  handler: Stmt[];
}

/** A DERIVATIVE block solved by derivimplicit: `body` assigns D<state> for each state. */
export interface DerivativeDef {
  /** States in nocmodl's _slist1 order (saved states and Newton function values). */
  states: string[];
  /** Newton variables in nocmodl's _slist2 order (Jacobian columns), if it differs. */
  variables?: string[];
  body: Stmt[];
}

/**
 * A LINEAR block: `body` computes locals, then row i of the system is
 * matrix[i][0..n-1] . unknowns = matrix[i][n], each entry written as nocmodl accumulates it.
 */
export interface LinearDef {
  unknowns: string[];
  body: Stmt[];
  matrix: Expr[][];
}

/** What a mod file's ion variable is: `cai` is {ion: 'ca', role: 'in'}. */
export interface IonVar {
  ion: string;
  role: 'e' | 'i' | 'in' | 'out';
  write: boolean;
  /** USEION ... VALENCE, when given. */
  valence: number | null;
}

export interface MechanismDef {
  name: string;
  kind: MechKind;
  /** The mod file the mechanism was compiled from (a built-in's is under mod/). */
  modFile: string;
  /** STATE variables. */
  states: string[];
  /** RANGE ASSIGNED variables (recordable, per instance). */
  assigned: string[];
  /**
   * GLOBAL ASSIGNED variables (hh's minf, mtau ...): a block's local where every block assigns
   * one before reading it (the value never passes from one block or step to another, so one
   * shared variable and a local per block compute the same), otherwise a per-instance field.
   */
  globals?: string[];
  /**
   * Ion variables that live on the segment (NEURON's ion mechanisms), shared by the mechanisms
   * there: read ones are read from the segment; written ones (currents, concentrations) are
   * fields, a current added into the segment's total after nrn_cur, a concentration copied in
   * before and out after INITIAL and the SOLVE (as nocmodl does).
   */
  ionVars?: Record<string, IonVar>;
  /** Ion reversal potentials read as per-instance copies of the section's e (compile/ions.ts ionsAsCopies): variable -> ion ('ena' -> 'na'). */
  ions?: Record<string, string>;
  /** Currents summed for the cable equation, in the order nocmodl sums them. */
  currents?: { names: string[]; kind: CurrentKind };
  functions?: Record<string, FunctionDef>;
  procedures?: Record<string, ProcedureDef>;
  initial?: Stmt[];
  /** BREAKPOINT body without SOLVE; with currents it runs twice per step in nrn_cur (v+0.001, then v). */
  breakpoint?: Stmt[];
  /** DERIVATIVE blocks solved by `solve(name)` (derivimplicit). */
  derivatives?: Record<string, DerivativeDef>;
  /** LINEAR blocks solved by `solve(name)` (simeq). */
  linear?: Record<string, LinearDef>;
  /** SOLVE block (cnexp written as nocmodl's update), run in nrn_state after the voltage solve. */
  state?: Stmt[];
  /** NET_RECEIVE (flag 0: NetCon events, else self-events); the weight is `w`, the event time `t`. */
  receive?: Stmt[];
  /**
   * NET_RECEIVE arguments when a NetCon carries a weight vector (Izhi2007a: one per receptor):
   * a connection sets the one at its weight index (NetPyNE's synList) and the others are 0.
   */
  receiveArgs?: string[];
  /**
   * NET_RECEIVE arguments after the weight that the block assigns: state each NetCon keeps (its
   * weight vector's other elements, 0 when the NetCon is made), read and written by that
   * NetCon's events and the self-events they send.
   */
  netconState?: string[];
  /** NET_RECEIVE's INITIAL block: run for each NetCon at finitialize, on its state. */
  netconInitial?: Stmt[];
  /** NET_RECEIVE flag-1 handler of the `net_send(0, 1)` in INITIAL, delivered inside finitialize. */
  initEvent?: Stmt[];
  watches?: WatchDef[];
  /**
   * Instances on the same node with identical parameters may share one state: events add
   * their weights into states that evolve independently of v, and the current is linear in
   * them (ExpSyn, Exp2Syn). Exact up to the order of floating-point additions.
   */
  mergeable?: boolean;
  /**
   * NET_RECEIVE only adds each weight argument into states (flag 0, no use of t): the GPU runs
   * it once per boundary with the weights that reached the instance summed.
   */
  linearReceive?: boolean;
}
