import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/ast.ts';
import { ExpressionParser } from '../../src/nmodl/expressions.ts';
import { compileMod } from '../../src/nmodl/index.ts';
import { Lexer } from '../../src/nmodl/lexer.ts';

// Known answers: NEURON 8.2.2's nocmodl on this DERIVATIVE block wrote these state updates
// (c.c, nrn_state). C's expression syntax here is NMODL's, so each is parsed back into a tree
// and compared with the tree spikegpu builds: the same operations on the same operands.
const MOD = `NEURON { SUFFIX c RANGE a, b, tau, inf, q }
PARAMETER { a = 1 b = 2 tau = 3 inf = 0.5 q = 2 }
STATE { m h n x y z w }
BREAKPOINT { SOLVE states METHOD cnexp }
DERIVATIVE states {
  m' = (inf - m)/tau
  h' = a*(1-h) - b*h
  n' = -n/tau
  x' = (1-x)*a - x*b
  y' = q*(inf - y)/tau
  z' = exp(a)*(inf - z) + b
  w' = a
}`;

const NOCMODL: Record<string, string> = {
  m: 'm + (1. - exp(dt*(( ( ( - 1.0 ) ) ) / tau)))*(- ( ( ( inf ) ) / tau ) / ( ( ( ( - 1.0 ) ) ) / tau ) - m)',
  h: 'h + (1. - exp(dt*(( a )*( ( ( - 1.0 ) ) ) - ( b )*( 1.0 ))))*(- ( ( a )*( ( 1.0 ) ) ) / ( ( a )*( ( ( - 1.0 ) ) ) - ( b )*( 1.0 ) ) - h)',
  n: 'n + (1. - exp(dt*(( - 1.0 ) / tau)))*(- ( 0.0 ) / ( ( - 1.0 ) / tau ) - n)',
  x: 'x + (1. - exp(dt*(( ( ( - 1.0 ) ) )*( a ) - ( 1.0 )*( b ))))*(- ( ( ( 1.0 ) )*( a ) ) / ( ( ( ( - 1.0 ) ) )*( a ) - ( 1.0 )*( b ) ) - x)',
  y: 'y + (1. - exp(dt*(( ( q )*( ( ( - 1.0 ) ) ) ) / tau)))*(- ( ( ( q )*( ( inf ) ) ) / tau ) / ( ( ( q )*( ( ( - 1.0 ) ) ) ) / tau ) - y)',
  z: 'z + (1. - exp(dt*(( exp ( a ) )*( ( ( - 1.0 ) ) ))))*(- ( ( exp ( a ) )*( ( inf ) ) + b ) / ( ( exp ( a ) )*( ( ( - 1.0 ) ) ) ) - z)',
  w: 'w - dt*(- ( a ) )',
};

/** The tree without source columns. */
function shape(e: Expr): unknown {
  return JSON.parse(JSON.stringify(e, (key, value) => (key === 'column' ? undefined : value)));
}

function parseC(text: string): Expr {
  return new ExpressionParser(new Lexer('nocmodl', text)).expression();
}

describe('cnexp', () => {
  const { def } = compileMod('c.mod', MOD);
  const updates = new Map((def.state as Array<{ kind: string; target: string; expr: Expr }>).map((s) => [s.target, s.expr]));

  it.each(Object.keys(NOCMODL))("%s' is updated with nocmodl's operations", (state) => {
    expect(shape(updates.get(state)!)).toEqual(shape(parseC(NOCMODL[state])));
  });

  it('refuses a right-hand side that is not linear in its state, naming it', () => {
    const mod = MOD.replace("m' = (inf - m)/tau", "m' = -m*m/tau");
    expect(() => compileMod('c.mod', mod)).toThrow(/^c\.mod:6:3: cnexp for m' that is not linear in m is not supported \(m times m; use derivimplicit\)$/);
  });
});
