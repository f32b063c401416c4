// The Python expression subset NetPyNE users write, as a plain tree.
// Every node carries the 1-based column where it starts, for error messages.
// Left-associative operator chains (a - b + c, a or b or c) are left-deep trees and conditional
// chains (x if c else y if d else z) right-deep ones, as Python builds them; a chain can be as
// long as the source allows, so code that descends the tree goes along a chain with a loop
// (binaryChain, boolChain, ifChain, walk) and recurses only into nesting the parser bounds.

export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

export type Expr =
  | { kind: 'num'; value: number; column: number }
  | { kind: 'name'; name: string; column: number }
  | { kind: 'unary'; op: '-' | '+'; operand: Expr; column: number }
  | { kind: 'not'; operand: Expr; column: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; column: number }
  /** Chained comparison: a < b <= c means (a < b) and (b <= c), b evaluated once. */
  | { kind: 'compare'; operands: Expr[]; ops: CompareOp[]; column: number }
  /** Python `and`/`or`: returns an operand, not a boolean. */
  | { kind: 'bool'; op: 'and' | 'or'; left: Expr; right: Expr; column: number }
  | { kind: 'ifexp'; test: Expr; then: Expr; otherwise: Expr; column: number }
  | { kind: 'call'; callee: string; args: Expr[]; column: number };

export type BinaryExpr = Extract<Expr, { kind: 'binary' }>;
export type BoolExpr = Extract<Expr, { kind: 'bool' }>;
export type IfExpr = Extract<Expr, { kind: 'ifexp' }>;

/** Precedence level of the left-associative operators; `**` (right-associative) has none. */
const LEFT_LEVEL: Partial<Record<BinaryOp, number>> = { '+': 1, '-': 1, '*': 2, '/': 2, '//': 2, '%': 2 };

export interface ChainLink {
  op: BinaryOp;
  right: Expr;
  /** Column of the link's node (where the chain up to this operator starts). */
  column: number;
}

/** `a - b + c` as first `a` and links [- b], [+ c], in evaluation order; `a ** b` is one link. */
export function binaryChain(node: BinaryExpr): { first: Expr; links: ChainLink[] } {
  const level = LEFT_LEVEL[node.op];
  const links: ChainLink[] = [];
  let at: Expr = node;
  while (at.kind === 'binary' && (at === node || (level !== undefined && LEFT_LEVEL[at.op] === level))) {
    links.push({ op: at.op, right: at.right, column: at.column });
    at = at.left;
  }
  return { first: at, links: links.reverse() };
}

/** `a or b or c` as first `a` and the right operands [b, c], in evaluation order. */
export function boolChain(node: BoolExpr): { first: Expr; rights: Expr[] } {
  const rights: Expr[] = [];
  let at: Expr = node;
  while (at.kind === 'bool' && at.op === node.op) {
    rights.push(at.right);
    at = at.left;
  }
  return { first: at, rights: rights.reverse() };
}

/** `x if c else y if d else z` as arms [(c, x), (d, y)] and otherwise `z`. */
export function ifChain(node: IfExpr): { arms: IfExpr[]; otherwise: Expr } {
  const arms: IfExpr[] = [];
  let at: Expr = node;
  while (at.kind === 'ifexp') {
    arms.push(at);
    at = at.otherwise;
  }
  return { arms, otherwise: at };
}

/** Visits every node, parents before children, left to right (iteratively: any depth). */
export function walk(root: Expr, visit: (node: Expr) => void): void {
  const pending: Expr[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    visit(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
}

/** A copy of the node with each child replaced by f(child) (a leaf is returned as it is). */
export function mapChildren(node: Expr, f: (child: Expr) => Expr): Expr {
  switch (node.kind) {
    case 'num':
    case 'name':
      return node;
    case 'unary':
    case 'not':
      return { ...node, operand: f(node.operand) };
    case 'binary':
    case 'bool':
      return { ...node, left: f(node.left), right: f(node.right) };
    case 'compare':
      return { ...node, operands: node.operands.map(f) };
    case 'ifexp':
      return { ...node, test: f(node.test), then: f(node.then), otherwise: f(node.otherwise) };
    case 'call':
      return { ...node, args: node.args.map(f) };
  }
}

function childrenOf(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case 'unary':
    case 'not':
      return [node.operand];
    case 'binary':
    case 'bool':
      return [node.left, node.right];
    case 'compare':
      return node.operands;
    case 'ifexp':
      return [node.test, node.then, node.otherwise];
    case 'call':
      return node.args;
    default:
      return [];
  }
}
