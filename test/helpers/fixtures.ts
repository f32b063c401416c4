import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Fixtures live beside the repository in ../shared/fixtures (SPIKEGPU_FIXTURES overrides). */
export const fixturesDir = process.env.SPIKEGPU_FIXTURES ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');

export function readFixture<T = any>(relativePath: string): T {
  return JSON.parse(readFileSync(resolve(fixturesDir, relativePath), 'utf8')) as T;
}
