// Bundles the browser page's script (examples/web/app.ts -> examples/web/app.js) with esbuild.

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  entryPoints: [`${root}examples/web/app.ts`],
  outfile: `${root}examples/web/app.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
});
