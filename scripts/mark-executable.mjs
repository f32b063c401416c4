// Makes the built CLI executable (npm links it as the `spikegpu` bin).
import { chmodSync } from 'node:fs';

chmodSync(new URL('../dist/src/cli/main.js', import.meta.url), 0o755);
