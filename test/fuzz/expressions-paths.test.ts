import { isAbsolute, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_NAMES } from '../../scripts/safety-campaign/cases.ts';
import { compileExpression, connContext, ExprError, ExprRuntimeError } from '../../src/expr/index.ts';
import { NeuronRandom } from '../../src/rng/neuron-random.ts';
import { outputPathProblem, parseOrderedJson } from '../../src/spec/index.ts';

// Issue 12, property tests (fast-check, seeded so CI runs are reproducible): random string
// functions, output paths and JSON texts never fail with anything but spikegpu's own errors.

const SEED = 20261201;
const pair = connContext('weight', 'pair', { propVelocity: 500, probLengthConst: 150, scale: 1 });

const HOSTILE = [...HOSTILE_NAMES, 'this', 'rt', 'env'];
const token = fc.oneof(
  fc.constantFrom(
    '+',
    '-',
    '*',
    '/',
    '**',
    '//',
    '%',
    '(',
    ')',
    ',',
    '<',
    '>=',
    '==',
    'and',
    'or',
    'not',
    'if',
    'else',
    ' ',
    '.',
    '[',
    ']',
    '"',
    "'",
    '\\',
    '`',
    '$',
    '{',
    '}',
    ';',
  ),
  fc.constantFrom('uniform', 'normal', 'exp', 'log', 'sqrt', 'abs', 'min', 'max', 'pow', 'round', 'int', 'pi', 'e', 'dist_3D', 'pre_x', 'post_ynorm'),
  fc.constantFrom(...HOSTILE),
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
  fc.string({ maxLength: 4 }),
);
const expression = fc.array(token, { maxLength: 30 }).map((t) => t.join(''));

describe('string functions', () => {
  it('compile or fail with ExprError; compiled ones evaluate to a number or an ExprRuntimeError; their JS never holds user names', () => {
    fc.assert(
      fc.property(expression, (source) => {
        let compiled: ReturnType<typeof compileExpression>;
        try {
          compiled = compileExpression(source, pair);
        } catch (e) {
          if (!(e instanceof ExprError)) throw e;
          expect(e.message.split('\n')[0].length).toBeGreaterThan(0);
          return;
        }
        const env = new Float64Array(pair.variables.length).fill(0.5);
        try {
          expect(typeof compiled.evaluate(env, new NeuronRandom(1, 2, 3))).toBe('number');
        } catch (e) {
          if (!(e instanceof ExprRuntimeError)) throw e;
        }
        const js = String(compiled.evaluate);
        for (const name of HOSTILE) if (!['rt', 'env'].includes(name)) expect(js).not.toContain(name);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('output paths', () => {
  it('that pass the check resolve inside the output folder', () => {
    const root = '/out/dir';
    const segment = fc.oneof(fc.constantFrom('..', '.', '', 'a', 'b', '...', '..a', 'a..'), fc.string({ maxLength: 3 }));
    const path = fc
      .tuple(fc.constantFrom('', '/', '\\', 'C:'), fc.array(segment, { maxLength: 8 }), fc.constantFrom('/', '\\'))
      .map(([start, parts, sep]) => start + parts.join(sep));
    fc.assert(
      fc.property(path, (p) => {
        if (outputPathProblem(p) !== null) return;
        const inside = relative(root, resolve(root, p));
        expect(inside === '..' || inside.startsWith('../') || isAbsolute(inside)).toBe(false);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});

describe('JSON', () => {
  it('valid texts read as JSON.parse reads them; any other text is a SyntaxError with a position', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), (text) => {
        expect(JSON.parse(JSON.stringify(parseOrderedJson(text)))).toEqual(JSON.parse(text));
      }),
      { seed: SEED, numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 3 }), (text, at, junk) => {
        const broken = text.slice(0, at % (text.length + 1)) + junk + text.slice(at % (text.length + 1));
        try {
          parseOrderedJson(broken, 'f.json');
        } catch (e) {
          expect(e).toBeInstanceOf(SyntaxError);
          expect((e as Error).message).toMatch(/^f\.json:\d+:\d+: /);
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
