import { describe, expect, it } from 'vitest';
import { loadSpec, parseOrderedJson, SpecError } from '../../src/spec/index.ts';
import { MAX_JSON_DEPTH } from '../../src/spec/json.ts';

// Issue 12: nesting is bounded before anything walks it, so no input overflows the stack.

describe('JSON nesting', () => {
  it(`reads ${MAX_JSON_DEPTH} levels and refuses one more with the position`, () => {
    expect(parseOrderedJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBeInstanceOf(Array);
    expect(() => parseOrderedJson(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`, 'f.json')).toThrow(
      new SyntaxError(`f.json:1:${MAX_JSON_DEPTH + 1}: nested deeper than ${MAX_JSON_DEPTH} objects and arrays`),
    );
  });

  it('refuses 100 000 levels of text without a stack overflow', () => {
    expect(() => parseOrderedJson('{"a":'.repeat(100_000))).toThrow(`nested deeper than ${MAX_JSON_DEPTH} objects and arrays`);
  });

  it('refuses deep and self-holding objects given to loadSpec', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const cyclic: Record<string, unknown> = { netParams: {}, simConfig: {} };
    (cyclic.netParams as Record<string, unknown>).self = cyclic;
    for (const input of [{ netParams: { x: deep }, simConfig: {} }, cyclic]) {
      expect(() => loadSpec(input)).toThrow(SpecError);
      expect(() => loadSpec(input)).toThrow(`spec: nested deeper than ${MAX_JSON_DEPTH} objects and arrays (or holding itself)`);
    }
  });
});
