import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { generate } from '../../scripts/embed-mods.mjs';

it('src/mech/builtin-mods.gen.ts is up to date with mod/ (run node scripts/embed-mods.mjs)', () => {
  expect(readFileSync(new URL('../../src/mech/builtin-mods.gen.ts', import.meta.url), 'utf8')).toBe(generate());
});
