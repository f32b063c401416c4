import { type Expr, walk } from '../expr/ast.ts';
import { assignedNames, readNames } from '../nmodl/stmt-names.ts';
import type { LoweredBlock, LoweredMechanism } from './lower.ts';
import type { Stmt } from './types.ts';

// Which per-instance fields a mechanism's per-step WGSL keeps in registers, loads and stores
// (wgsl-module.ts): a flow analysis over the statement trees (which names every path assigns
// before reading them), the fields some other block or the host reads (live), and the fields
// no block ever assigns (parameters, which a group with one value everywhere turns into
// constants).

export interface FieldsInLocals {
  /** Fields held in locals `field_<name>`. */
  names: Set<string>;
  /** Declarations loading them, and stores of those assigned. */
  load: string;
  store: string;
}

/**
 * The fields that statements touch (and `also`, read after them), to hold in locals for the
 * block: loaded once (unless every path assigns them before reading them), stored once at its
 * end if assigned and `live` (a field no block reads before assigning it, that nothing outside
 * reads, keeps only values nobody sees). The values are those of reading and writing `fields`
 * at each use (an instance's fields are its own), except where memory is read behind the
 * block's back: a Newton solve (newton.wgsl) or a FUNCTION that uses fields; then none are held.
 */
export function fieldsInLocals(
  mech: LoweredMechanism,
  fieldIndex: Map<string, number>,
  blocks: Stmt[][],
  live: ReadonlySet<string>,
  also: string[] = [],
  constants: ReadonlyMap<string, number> = new Map(),
): FieldsInLocals {
  const none = { names: new Set<string>(), load: '', store: '' };
  const functionFields = mech.functions.some((f) => [...readNames(f.body), ...assignedNames(f.body)].some((x) => fieldIndex.has(x)));
  const flow = { newton: false, readFirst: new Set<string>(), assigned: new Set<string>() };
  let defined = new Set<string>();
  for (const stmts of blocks) defined = definedAfter(mech, stmts, defined, flow);
  if (flow.newton || functionFields) return none;
  for (const x of also) if (!defined.has(x)) flow.readFirst.add(x);
  const held = [...new Set([...flow.readFirst, ...flow.assigned, ...also])]
    .filter((x) => fieldIndex.has(x) && !constants.has(x))
    .sort((a, b) => fieldIndex.get(a)! - fieldIndex.get(b)!);
  // a field assigned on some paths only keeps its value on the others
  const load = held.filter((x) => flow.readFirst.has(x) || !defined.has(x));
  const at = (x: string) => `fields[${fieldIndex.get(x)}u * group.count + k]`;
  return {
    names: new Set(held),
    load: held.map((x) => (load.includes(x) ? `  var field_${x} = ${at(x)};` : `  var field_${x}: f32;`)).join('\n'),
    store: held
      .filter((x) => flow.assigned.has(x) && live.has(x))
      .map((x) => `  ${at(x)} = field_${x};`)
      .join('\n'),
  };
}

/**
 * Names assigned on every path through `stmts` (starting from `defined`); names read before
 * such an assignment go to flow.readFirst, every assigned name to flow.assigned.
 */
function definedAfter(
  mech: LoweredMechanism,
  stmts: Stmt[],
  defined: Set<string>,
  flow: { newton: boolean; readFirst: Set<string>; assigned: Set<string> },
): Set<string> {
  let d = new Set(defined);
  const reads = (names: Set<string>) =>
    names.forEach((x) => {
      if (!d.has(x)) flow.readFirst.add(x);
    });
  const exprReads = (exprs: Expr[]) => reads(exprNames(exprs));
  const assign = (x: string) => {
    d.add(x);
    flow.assigned.add(x);
  };
  for (const s of stmts) {
    switch (s.kind) {
      case 'assign':
        exprReads([s.expr]);
        assign(s.target);
        break;
      case 'if': {
        exprReads([s.test]);
        const a = definedAfter(mech, s.then, d, flow);
        const b = definedAfter(mech, s.otherwise, d, flow);
        d = new Set([...a].filter((x) => b.has(x)));
        break;
      }
      case 'while':
        exprReads([s.test]);
        definedAfter(mech, s.body, d, flow);
        break;
      case 'table':
        exprReads([s.arg]);
        mech.tables.find((t) => t.name === s.name)!.outputs.forEach(assign);
        break;
      case 'simeq':
        d = definedAfter(mech, s.body, d, flow);
        exprReads(s.matrix.flat());
        s.unknowns.forEach(assign);
        break;
      case 'newton':
        flow.newton = true;
        break;
      default:
        reads(readNames([s]));
    }
  }
  return d;
}

/**
 * Fields whose values some block may read before assigning them (so their values carry from
 * one step, or one block, to the next), fields FUNCTIONs, tables, WATCH conditions and Newton
 * solves read, and `observed` (fields recorded or published by the host's kernels).
 */
export function liveFields(mech: LoweredMechanism, observed: ReadonlySet<string>): Set<string> {
  const live = new Set(observed);
  for (const b of allBlocks(mech)) {
    const flow = { newton: false, readFirst: new Set<string>(), assigned: new Set<string>() };
    definedAfter(mech, b.stmts, new Set(), flow);
    flow.readFirst.forEach((x) => live.add(x));
    if (flow.newton) readNames(b.stmts, live);
  }
  for (const f of mech.functions) readNames(f.body, live);
  for (const t of mech.tables) readNames(t.body, live);
  exprNames(
    mech.watches.flatMap((w) => [w.left, w.right, ...(w.armedIf ? [w.armedIf] : [])]),
    live,
  );
  return live;
}

/** Names some block of the mechanism assigns (the rest of its fields are parameters). */
export function assignedFields(mech: LoweredMechanism): Set<string> {
  const out = new Set<string>();
  for (const b of allBlocks(mech)) assignedNames(b.stmts, out);
  for (const f of mech.functions) assignedNames(f.body, out);
  for (const t of mech.tables) t.outputs.forEach((o) => out.add(o));
  return out;
}

/** Every block of statements the mechanism runs. */
function allBlocks(mech: LoweredMechanism): LoweredBlock[] {
  return [mech.initial, mech.breakpoint, mech.state, mech.receive, mech.initEvent, ...mech.watches.map((w) => w.handler)];
}

/** Names the expressions read (added to `out`). */
function exprNames(exprs: Expr[], out = new Set<string>()): Set<string> {
  for (const e of exprs)
    walk(e, (n) => {
      if (n.kind === 'name') out.add(n.name);
    });
  return out;
}
