// The Python expression subset NetPyNE users write, as a plain tree.
// Every node carries the 1-based column where it starts, for error messages.

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

/** Visits every node, parents before children. */
export function walk(node: Expr, visit: (node: Expr) => void): void {
  visit(node);
  switch (node.kind) {
    case 'unary':
    case 'not':
      walk(node.operand, visit);
      break;
    case 'binary':
    case 'bool':
      walk(node.left, visit);
      walk(node.right, visit);
      break;
    case 'compare':
      node.operands.forEach((o) => walk(o, visit));
      break;
    case 'ifexp':
      walk(node.test, visit);
      walk(node.then, visit);
      walk(node.otherwise, visit);
      break;
    case 'call':
      node.args.forEach((a) => walk(a, visit));
      break;
    default:
      break;
  }
}
