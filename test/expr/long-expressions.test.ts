import { describe, expect, it } from 'vitest';
import { compileExpression, connContext, ExprError, MAX_NESTING, MAX_SOURCE_LENGTH, type RandomSource } from '../../src/expr/index.ts';

// Chains are as long as the source allows and evaluate exactly as Python's left fold; nesting
// beyond MAX_NESTING and sources beyond MAX_SOURCE_LENGTH are refused with one ExprError line.

const context = connContext('weight', 'pair', {});
const env = new Float64Array(context.variables.length);
const wgslNames = { variable: (slot: number) => `v${slot}`, rng: 'rng' };

/** Compiles, renders to WGSL too, and evaluates. */
function evaluate(source: string, rand: RandomSource | null = null): number {
  const compiled = compileExpression(source, context);
  expect(compiled.toWgsl(wgslNames).length).toBeGreaterThan(0);
  return compiled.evaluate(env, rand);
}

function refusal(source: string): ExprError {
  try {
    compileExpression(source, context);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprError);
    return e as ExprError;
  }
  throw new Error(`${source.slice(0, 40)}... was accepted`);
}

/** A random source that counts its draws (each returns 0.5). */
function countingRandom(): RandomSource & { draws: number } {
  const draw = () => {
    counter.draws++;
    return 0.5;
  };
  const counter = {
    draws: 0,
    uniform: draw,
    discunif: draw,
    normal: draw,
    lognormal: draw,
    negexp: draw,
    erlang: draw,
    geometric: draw,
    hypergeo: draw,
    poisson: draw,
    binomial: draw,
    weibull: draw,
  };
  return counter;
}

const cycle = (values: readonly string[], n: number) => Array.from({ length: n }, (_, i) => values[i % values.length]);

describe('long flat chains', () => {
  it.each([2_000, 20_000])('a %i-term sum is the left fold', (n) => {
    const terms = cycle(['.1', '.2', '.3', '.7', '.9'], n);
    expect(evaluate(terms.join('+'))).toBe(terms.map(Number).reduce((a, b) => a + b));
  });

  it("the issue's 2 000-term weight (16 KB)", () => {
    const source = Array(2_000).fill('0.001').join('+');
    expect(source.length).toBeGreaterThan(11_000);
    expect(evaluate(source)).toBe(
      Array(2_000)
        .fill(0.001)
        .reduce((a, b) => a + b),
    );
  });

  it.each([2_000, 20_000])('a %i-factor product is the left fold', (n) => {
    const factors = cycle(['.9', 'e', '.4'], n);
    expect(evaluate(factors.join('*'))).toBe(factors.map((f) => (f === 'e' ? Math.E : Number(f))).reduce((a, b) => a * b));
  });

  it('a 5 000-term difference and a mixed chain with / // % are left folds', () => {
    const terms = cycle(['.1', '.3', '.05'], 5_000);
    expect(evaluate(['100', ...terms].join('-'))).toBe(terms.map(Number).reduce((a, b) => a - b, 100));
    const ops = cycle(['*', '/', '+', '-', '%', '//'], 3_000);
    const values = cycle(['1.5', '2.25', '.75', '3'], 3_000);
    const source = ['7', ...ops.flatMap((op, i) => [op, values[i]])].join(' ');
    // Python's precedence: * / % // bind tighter than + -, each level left to right.
    let sum = 0;
    let sign = 1;
    let product = 7;
    ops.forEach((op, i) => {
      const v = Number(values[i]);
      if (op === '+' || op === '-') {
        sum += sign * product;
        sign = op === '+' ? 1 : -1;
        product = v;
      } else if (op === '*') product *= v;
      else if (op === '/') product /= v;
      else if (op === '%') product = ((product % v) + v) % v;
      else product = Math.floor(product / v);
    });
    // sum += sign * product, but as Python computes it: a - b, not a + (-1 * b)
    const expected = sign === 1 ? sum + product : sum - product;
    expect(evaluate(source)).toBe(expected);
  });

  it('a 2 000-arm conditional chain picks its arm and evaluates only the tests before it', () => {
    const arms = Array.from({ length: 2_000 }, (_, i) => `${i} if uniform(0, 1) > ${i === 1_234 ? 0 : 1}`);
    const rand = countingRandom();
    const compiled = compileExpression(`${arms.join(' else ')} else -1`, context);
    expect(compiled.evaluate(env, rand)).toBe(1_234);
    expect(rand.draws).toBe(1_235);
    expect(compileExpression(`${Array.from({ length: 2_000 }, (_, i) => `${i} if 0 else`).join(' ')} 7.5`, context).evaluate(env, null)).toBe(7.5);
  });

  it('2 000-operand and/or chains short-circuit like Python', () => {
    const rand = countingRandom();
    const ors = compileExpression(`${Array(2_000).fill('0').join(' or ')} or 7 or uniform(0, 1)`, context);
    expect(ors.evaluate(env, rand)).toBe(7);
    const ands = compileExpression(`${Array(2_000).fill('uniform(0, 1)').join(' and ')} and 0 and uniform(0, 1)`, context);
    expect(ands.evaluate(env, rand)).toBe(0);
    expect(rand.draws).toBe(2_000);
    expect(evaluate(Array(2_000).fill('3').join(' and '))).toBe(3);
  });

  it('a 2 000-operand chained comparison stops at the first false one', () => {
    const rising = Array.from({ length: 2_000 }, (_, i) => String(i));
    expect(evaluate(rising.join(' < '))).toBe(1);
    const rand = countingRandom();
    const broken = compileExpression(`${rising.slice(0, 10).join(' < ')} < 3 < ${Array(1_000).fill('uniform(0, 1)').join(' < ')}`, context);
    expect(broken.evaluate(env, rand)).toBe(0);
    expect(rand.draws).toBe(0);
  });
});

describe('nesting and length limits', () => {
  const deep = (n: number) => ({
    parentheses: `${'('.repeat(n)}1${')'.repeat(n)}`,
    'unary minus': `${'-'.repeat(n)}1`,
    'unary minus with spaces': `${'- '.repeat(n)}1`,
    not: `${'not '.repeat(n)}1`,
    calls: `${'abs('.repeat(n)}1${')'.repeat(n)}`,
    powers: `${'1 ** '.repeat(n)}1`,
  });

  it.each(Object.entries(deep(10_000)))('10 000 levels of %s are refused before recursing', (_, source) => {
    const e = refusal(source);
    expect(e.reason).toBe(`nested more than ${MAX_NESTING} deep (parentheses, calls, unary operators, 'not' and '**' each open a level)`);
    expect(e.message.split('\n')[0]).toBe(`${e.reason} (column ${e.column})`);
  });

  it.each(Object.entries(deep(MAX_NESTING)))(`${MAX_NESTING} levels of %s work`, (name, source) => {
    const expected = { parentheses: 1, 'unary minus': 1, 'unary minus with spaces': 1, not: 1, calls: 1, powers: 1 }[name];
    expect(compileExpression(source, context).evaluate(env, null)).toBe(expected);
    expect(refusal(Object.entries(deep(MAX_NESTING + 1)).find(([n]) => n === name)![1]).reason).toContain(`nested more than ${MAX_NESTING} deep`);
  });

  it(`refuses sources over ${MAX_SOURCE_LENGTH} characters, with a short message`, () => {
    const e = refusal(`1${'+1'.repeat(MAX_SOURCE_LENGTH / 2)}`);
    expect(e.reason).toBe(`expression is ${MAX_SOURCE_LENGTH + 1} characters long; the limit is ${MAX_SOURCE_LENGTH}`);
    expect(e.message.length).toBeLessThan(300);
    expect(evaluate(`1${'+1'.repeat(MAX_SOURCE_LENGTH / 2 - 1)}`)).toBe(MAX_SOURCE_LENGTH / 2);
  });

  it('an error deep inside a long source quotes only an excerpt around the column', () => {
    const source = `${Array(5_000).fill('1').join(' + ')} + foo + 1`;
    const e = refusal(source);
    expect(e.reason).toBe("unknown name 'foo' in connParams weight");
    const [, excerpt, caret] = e.message.split('\n');
    expect(excerpt.length).toBeLessThan(100);
    expect(excerpt.slice(caret.indexOf('^'), caret.indexOf('^') + 3)).toBe('foo');
  });
});

describe('WGSL of long chains', () => {
  it('renders long sums and products pairwise and refuses what WGSL compilers cannot take', () => {
    const parenDepth = (text: string) =>
      [...text].reduce((d, c) => ({ max: Math.max(d.max, d.at + (c === '(' ? 1 : 0)), at: d.at + (c === '(' ? 1 : c === ')' ? -1 : 0) }), { max: 0, at: 0 })
        .max;
    const sum = compileExpression(['dist_3D', ...Array(20_000).fill('pi')].join('-'), context).toWgsl(wgslNames);
    expect(parenDepth(sum)).toBeLessThan(20);
    expect(sum.startsWith('((((')).toBe(true);
    expect(parenDepth(compileExpression(Array(20_000).fill('e').join('*'), context).toWgsl(wgslNames))).toBeLessThan(20);
    const deepIf = compileExpression(`${Array(2_000).fill('1 if dist_3D > 1 else').join(' ')} 0`, context);
    expect(() => deepIf.toWgsl(wgslNames)).toThrow(/too deeply nested for WGSL/);
    expect(() => compileExpression(Array(2_000).fill('dist_3D').join(' / '), context).toWgsl(wgslNames)).toThrow(/too deeply nested for WGSL/);
  });
});
