import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { generate } from '../../scripts/embed-shaders.mjs';

it('src/shaders.gen.ts is up to date with shaders/ (run node scripts/embed-shaders.mjs)', () => {
  expect(readFileSync(new URL('../../src/shaders.gen.ts', import.meta.url), 'utf8')).toBe(generate());
});
