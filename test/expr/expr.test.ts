import { describe, expect, it } from 'vitest';
import {
  cellParamContext,
  compileExpression,
  connContext,
  type ExprContext,
  ExprError,
  ExprRuntimeError,
  parse,
  stimContext,
  synMechContext,
} from '../../src/expr/index.ts';
import { NeuronRandom } from '../../src/rng/neuron-random.ts';

const constants = { propVelocity: 500, probLengthConst: 150, scale: 1 };
const pair = connContext('probability', 'pair', constants);

/** Evaluates with the named variables set. */
function run(source: string, vars: Record<string, number> = {}, context: ExprContext = pair, rand: NeuronRandom | null = null): number {
  const compiled = compileExpression(source, context);
  const env = new Float64Array(context.variables.length);
  for (const [k, v] of Object.entries(vars)) env[context.variables.indexOf(k)] = v;
  return compiled.evaluate(env, rand);
}

describe('Python semantics', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['2 ** 3 ** 2', 512],
    ['-2 ** 2', -4],
    ['2 ** -1', 0.5],
    ['(-2) ** 2', 4],
    ['7 // 2', 3],
    ['-7 // 2', -4],
    ['7 % -3', -2],
    ['-7 % 3', 2],
    ['7.5 % 2', 1.5],
    ['1 / 4', 0.25],
    ['3 > 2 > 1', 1],
    ['1 < 3 > 2', 1],
    ['1 < 2 < 2', 0],
    ['0 and 5', 0],
    ['2 and 5', 5],
    ['0 or 7', 7],
    ['3 or 7', 3],
    ['not 0', 1],
    ['not 2', 0],
    ['1 if 0 else 2', 2],
    ['1 if 3 else 2', 1],
    ['5 if 1 > 2 else 6 if 2 > 1 else 7', 6],
    ['True + True', 2],
    ['round(2.5)', 2],
    ['round(3.5)', 4],
    ['round(-2.5)', -2],
    ['round(2.675, 2)', 2.67],
    ['round(0.125, 2)', 0.12],
    ['int(-3.7)', -3],
    ['abs(-3)', 3],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['pow(2, 10)', 1024],
    ['remainder(-7, 3)', 2],
    ['floor(-1.5) + ceil(1.2)', 0],
    ['arctan2(1, 1) * 4', Math.PI],
    ['log10(1000)', 3],
    ['1_000 + 1e3 + .5 + 1.', 2001.5],
    ['pi', Math.PI],
    ['propVelocity * 2', 1000],
  ])('%s = %d', (source, expected) => {
    expect(run(source)).toBeCloseTo(expected as number, 14);
  });

  it('evaluates short-circuit and chained operands left to right, once', () => {
    const r1 = new NeuronRandom(1, 2, 3);
    const r2 = new NeuronRandom(1, 2, 3);
    // uniform in the skipped branch must not be drawn
    expect(run('0 and uniform(0, 1)', {}, pair, r1)).toBe(0);
    expect(run('uniform(0, 1)', {}, pair, r1)).toBe(r2.uniform(0, 1));
    // the middle operand of a chain is drawn once
    const r3 = new NeuronRandom(4, 5, 6);
    const r4 = new NeuronRandom(4, 5, 6);
    const u = r4.uniform(0, 1);
    expect(run('0 < uniform(0, 1) < 1', {}, pair, r3)).toBe(1);
    expect(r3.stream.index).toBe(r4.stream.index);
    expect(u).toBeGreaterThan(0);
  });

  it('raises like Python on division by zero', () => {
    expect(() => run('1 / 0')).toThrow(ExprRuntimeError);
    expect(() => run('1 // 0')).toThrow(ExprRuntimeError);
    expect(() => run('1 % 0')).toThrow(ExprRuntimeError);
    expect(() => run('0 ** -1')).toThrow(ExprRuntimeError);
    expect(run('remainder(1, 0)')).toBeNaN();
    expect(run('(-8) ** (1/3)')).toBeNaN();
  });

  it('reads variables from their slots', () => {
    expect(run('0.4*exp(-dist_3D/200)', { dist_3D: 200 })).toBeCloseTo(0.4 * Math.exp(-1), 15);
    expect(run('post_ynorm * 2 + pre_x', { post_ynorm: 0.25, pre_x: 10 })).toBe(10.5);
    const c = compileExpression('dist_3D/propVelocity + dist_x', pair);
    expect(c.variables).toEqual(['dist_x', 'dist_3D']);
    expect(c.usesRandom).toBe(false);
  });

  it('draws from the stream like NetPyNE string functions (fresh distribution per call)', () => {
    const r = new NeuronRandom(1428063344, 0, 1);
    const ref = new NeuronRandom(1428063344, 0, 1);
    const value = run('0.2 + normal(13.0, 1.4)', {}, pair, r);
    expect(value).toBe(0.2 + ref.normal(13.0, 1.4));
    expect(compileExpression('uniform(1, 15)', pair).usesRandom).toBe(true);
  });
});

describe('errors point at the column', () => {
  it.each([
    ['1 +', 4, 'unexpected end'],
    ['(1 + 2', 7, "expected ')'"],
    ['2 ^ 3', 3, 'bitwise'],
    ['np.exp(1)', 3, 'attribute access'],
    ['x[0]', 2, 'indexing'],
    ["'a'", 1, 'string literals'],
    ['1 $ 2', 3, "unexpected character '$'"],
    ['exp(1, 2)', 1, 'exp() takes 1 argument'],
    ['uniform(1)', 1, 'uniform(low, high) takes 2 arguments'],
    ['foo(1)', 1, "unknown function 'foo'"],
    ['dist3D * 2', 1, "did you mean 'dist_3D'"],
    ['2 * post_ynrm', 5, "did you mean 'post_ynorm'"],
    ['exp * 2', 1, "'exp' is a function"],
    ['rand * 2', 1, "'rand' is not a value"],
    ['f(x=1)', 3, 'keyword arguments'],
    ['1 if 2', 7, "expected 'else'"],
    ['x in y', 3, "'in' is not supported"],
    ['', 1, 'empty expression'],
    ['3 = 4', 3, 'assignment'],
  ])('%s -> column %i', (source, column, reason) => {
    try {
      compileExpression(source, pair);
      expect.unreachable(`${source} was accepted`);
    } catch (e) {
      expect(e).toBeInstanceOf(ExprError);
      expect((e as ExprError).column).toBe(column);
      expect((e as ExprError).message).toContain(reason);
    }
  });

  it('knows which variables exist at each site', () => {
    expect(() => compileExpression('pre_x', connContext('convergence', 'post', {}))).toThrow(/once per postsynaptic cell/);
    expect(() => compileExpression('post_x', connContext('divergence', 'pre', {}))).toThrow(/once per presynaptic cell/);
    expect(() => compileExpression('dist_3D', stimContext('weight', {}))).toThrow(/post cell/);
    expect(() => compileExpression('ynorm', synMechContext({}))).toThrow(/post_ynorm/);
    expect(() => compileExpression('post_y', cellParamContext([], {}))).toThrow(/use x, y, z/);
    expect(compileExpression('dist_path * k', cellParamContext(['k'], {})).variables).toEqual(['dist_path', 'k']);
  });
});

describe('parser', () => {
  it('builds the Python tree for precedence edge cases', () => {
    expect(parse('not a == b')).toMatchObject({ kind: 'not', operand: { kind: 'compare' } });
    expect(parse('-x ** 2')).toMatchObject({ kind: 'unary', operand: { kind: 'binary', op: '**' } });
    expect(parse('a or b and c')).toMatchObject({ kind: 'bool', op: 'or', right: { kind: 'bool', op: 'and' } });
  });
});
