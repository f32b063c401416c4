import { type Expr, walk } from '../expr/ast.ts';

// SOLVE ... METHOD cnexp as nocmodl writes it (NEURON 8.2 deriv.c / cvodeobj.c): for
// x' = f(x), linear in x, f = A*x + B with A the symbolic derivative of f by x and B the
// expression with x replaced by 0, both simplified as nocmodl simplifies them (a zero term
// is dropped, a factor 1 is kept: d(b*h)/dh is `b*1.0`), and the update
//     x = x + (1. - exp(dt*A))*(- (B) / (A) - x)
// or, when A is zero, x = x - dt*(- (B)). The operations are nocmodl's, so the arithmetic is.

const num = (value: number, column: number): Expr => ({ kind: 'num', value, column });
const neg = (operand: Expr): Expr => ({ kind: 'unary', op: '-', operand, column: operand.column });
const bin = (op: '+' | '-' | '*' | '/', left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, column: left.column });

/** f is not of the form A*x + B; the message says why. */
export class NonLinearError extends Error {}

/** d f / d x, or null when it is identically zero; throws NonLinearError where f is not linear in x. */
export function derivative(f: Expr, x: string): Expr | null {
  switch (f.kind) {
    case 'num':
      return null;
    case 'name':
      return f.name === x ? num(1, f.column) : null;
    case 'unary': {
      const d = derivative(f.operand, x);
      return d && f.op === '-' ? neg(d) : d;
    }
    case 'binary': {
      const dl = derivative(f.left, x);
      const dr = derivative(f.right, x);
      if (f.op === '+' || f.op === '-') {
        if (!dr) return dl;
        if (!dl) return f.op === '-' ? neg(dr) : dr;
        return bin(f.op, dl, dr);
      }
      if (f.op === '*') {
        if (dl && dr) throw new NonLinearError(`${x} times ${x}`);
        if (dl) return bin('*', dl, f.right);
        return dr ? bin('*', f.left, dr) : null;
      }
      if (f.op === '/') {
        if (dr) throw new NonLinearError(`a division by an expression of ${x}`);
        return dl ? bin('/', dl, f.right) : null;
      }
      if (dl || dr) throw new NonLinearError(`${x} in a power`);
      return null;
    }
    case 'call':
      if (f.args.some((a) => mentions(a, x))) throw new NonLinearError(`${x} in a call of ${f.callee}`);
      return null;
    default:
      if (mentions(f, x)) throw new NonLinearError(`${x} in a comparison or condition`);
      return null;
  }
}

/** f with x replaced by 0, simplified; null when that is zero. */
export function withoutState(f: Expr, x: string): Expr | null {
  switch (f.kind) {
    case 'name':
      return f.name === x ? null : f;
    case 'unary': {
      const s = withoutState(f.operand, x);
      return s && f.op === '-' ? neg(s) : s;
    }
    case 'binary': {
      if (!mentions(f, x)) return f;
      const l = withoutState(f.left, x);
      const r = withoutState(f.right, x);
      if (f.op === '+' || f.op === '-') {
        if (!r) return l;
        if (!l) return f.op === '-' ? neg(r) : r;
        return bin(f.op, l, r);
      }
      if (f.op === '*') return l && r ? bin('*', l, r) : null;
      if (f.op === '/') return l ? bin('/', l, f.right) : null;
      return f;
    }
    default:
      return f;
  }
}

/** The cnexp update statement's right-hand side for state x with x' = f; throws NonLinearError. */
export function cnexpUpdate(x: string, f: Expr): Expr {
  const at = f.column;
  const a = derivative(f, x);
  const b = withoutState(f, x) ?? num(0, at);
  const state: Expr = { kind: 'name', name: x, column: at };
  const dt: Expr = { kind: 'name', name: 'dt', column: at };
  if (!a) return bin('-', state, bin('*', dt, neg(b)));
  const exp: Expr = { kind: 'call', callee: 'exp', args: [bin('*', dt, a)], column: at };
  return bin('+', state, bin('*', bin('-', num(1, at), exp), bin('-', bin('/', neg(b), a), state)));
}

function mentions(e: Expr, x: string): boolean {
  let found = false;
  walk(e, (n) => {
    if (n.kind === 'name' && n.name === x) found = true;
  });
  return found;
}
