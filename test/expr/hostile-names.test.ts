import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/expr/functions.ts';
import { cellParamContext, compileExpression, connContext, type ExprContext, ExprError, type RandomSource } from '../../src/expr/index.ts';
import { runtime } from '../../src/expr/runtime.ts';

// Names in string functions are data. Every expression that uses a hostile name as a function
// or variable is refused with one ExprError line, or evaluates to the right value; the generated
// JavaScript and WGSL are made of spikegpu's own identifiers and numbers only.

const HOSTILE = [
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  '__proto__',
  'constructor',
  'prototype',
  'process',
  'globalThis',
  'window',
  'eval',
  'Function',
  'require',
  'import',
  'module',
  'exports',
  'this',
  'arguments',
  'undefined',
  'NaN',
  'Infinity',
  'Math',
  'rt',
  'env',
  'rand',
  't0',
  'return',
  'new',
  'fn',
  'let',
  'var',
  'select',
  'PY_INF',
  'py_mod',
  'rng_uniform',
  'rng',
  'f32',
  '$',
  'a$b',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder as a name, on purpose
  '${x}',
  'é',
  'π',
  '\u202e',
  'a\\b',
  "a'b",
  'a"b',
  'a`b',
  '</script>',
  'x'.repeat(10_000),
];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['and', 'or', 'not', 'if', 'else', 'True', 'False', 'in', 'is', 'lambda', 'None']);

const forms = (n: string) => [n, `${n}(1)`, `${n}()`, `2 * ${n} + 1`, `exp(${n})`, `${n}(1, 2)`, `uniform(${n}, 1)`, `1 if ${n} else 2`];

/** Identifiers the renderers may emit: their own, the runtime's, the callees in FUNCTIONS, the test's variable names. */
const JS_IDENTIFIERS = new Set(['function', 'env', 'rand', 'return', 'let', 'rt', 'Math', 'NaN', 'Infinity', ...Object.keys(runtime)]);
const WGSL_IDENTIFIERS = new Set(['select', 'py_and', 'py_or', 'py_mod', 'py_floordiv', 'py_pow', 'py_round', 'round', 'PY_INF', 'rng']);
for (const fn of FUNCTIONS.values()) {
  for (const part of fn.js.split('.')) if (part) JS_IDENTIFIERS.add(part);
  if (fn.wgsl) WGSL_IDENTIFIERS.add(fn.wgsl);
}

/** uniform(a, b) = 10 a + b, so a test can tell its arguments apart. */
const FAKE_RANDOM = { uniform: (low: number, high: number) => low * 10 + high } as unknown as RandomSource;

function identifiers(code: string): string[] {
  return code.match(/[A-Za-z_$][A-Za-z0-9_$]*/g)?.filter((id) => !/^e\d/.test(id)) ?? [];
}

/** Asserts the generated code is spikegpu's identifiers, numbers and operators only. */
function expectOwnCode(code: string, allowed: Set<string>, extra: RegExp): void {
  expect(code).not.toMatch(/['"`\\$\u0080-\uffff]/);
  for (const id of identifiers(code)) if (!allowed.has(id) && !extra.test(id)) expect.unreachable(`generated code has identifier ${id}: ${code.slice(0, 200)}`);
}

/** Compiles `source`; a refusal must be one ExprError line naming the name (or its first bad character). */
function compileOrRefuse(source: string, name: string, context: ExprContext) {
  try {
    return compileExpression(source, context);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprError);
    const reason = (e as ExprError).reason;
    expect(reason).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(reason.length).toBeLessThan(250);
    if (IDENTIFIER.test(name) && !KEYWORDS.has(name)) expect(reason).toContain(name.slice(0, 40));
    return null;
  }
}

function checkAt(context: ExprContext, values: ReadonlyMap<string, number>) {
  for (const name of HOSTILE) {
    for (const source of forms(name)) {
      const compiled = compileOrRefuse(source, name, context);
      if (!compiled) continue;
      const env = new Float64Array(context.variables.length);
      context.variables.forEach((v, i) => (env[i] = values.get(v) ?? 0));
      const value = values.get(name);
      expect(value, `${source.slice(0, 60)} compiled though ${name.slice(0, 40)} is not defined here`).toBeDefined();
      const expected = new Map<string, number>([
        [name, value!],
        [`2 * ${name} + 1`, 2 * value! + 1],
        [`exp(${name})`, runtime.glibcExp(value!)],
        [`1 if ${name} else 2`, value! !== 0 ? 1 : 2],
        [`uniform(${name}, 1)`, value! * 10 + 1],
      ]).get(source);
      expect(expected, `${source.slice(0, 60)} compiled`).toBeDefined();
      expect(compiled.evaluate(env, FAKE_RANDOM)).toBe(expected);
      expectOwnCode(compiled.evaluate.toString(), JS_IDENTIFIERS, /^t\d+$/);
      expectOwnCode(compiled.toWgsl({ variable: (slot) => `v${slot}`, rng: 'rng' }), WGSL_IDENTIFIERS, /^v\d+$/);
    }
  }
}

describe('hostile names', () => {
  it('are unknown names and functions at a site that does not define them', () => {
    checkAt(connContext('weight', 'pair', {}), new Map());
  });

  it('are ordinary constants when netParams defines them', () => {
    const constants = Object.fromEntries(HOSTILE.map((n, i) => [n, i + 0.5]));
    expect(Object.hasOwn(constants, '__proto__')).toBe(true);
    checkAt(connContext('weight', 'pair', constants), new Map(HOSTILE.map((n, i) => [n, i + 0.5])));
  });

  it('are ordinary variables when a cell rule defines them as vars', () => {
    const names = HOSTILE.filter((n) => IDENTIFIER.test(n) && !KEYWORDS.has(n));
    checkAt(cellParamContext(names, {}), new Map(names.map((n, i) => [n, i + 0.25])));
  });
});
