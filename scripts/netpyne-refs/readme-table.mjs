// The README's table of NetPyNE's own models, from test/data/netpyne/models.json and the
// references beside it: node scripts/netpyne-refs/readme-table.mjs
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const data = fileURLToPath(new URL('../../test/data/netpyne/', import.meta.url));
const { models } = JSON.parse(readFileSync(`${data}models.json`, 'utf8'));
const STATUS = { exact: 'runs as written; spikes identical to NetPyNE', refused: 'refused up front', 'not run': 'not run' };

console.log('| model | NetPyNE source | cells | NetPyNE spikes | status |');
console.log('| --- | --- | ---: | ---: | --- |');
for (const m of models) {
  const ref = existsSync(`${data}${m.name}.ref.json`) ? JSON.parse(readFileSync(`${data}${m.name}.ref.json`, 'utf8')) : null;
  const cells = ref ? String(ref.numCells) : '';
  const spikes = ref && m.status === 'exact' ? `${ref.spkt.length} in ${ref.duration} ms` : '';
  const base = m.mods ? `${STATUS[m.status]}, with its own mod files (--mod ${m.mods})` : STATUS[m.status];
  const status = m.because ? `${base}: ${m.because}` : base;
  console.log(`| ${m.name} | ${m.source} | ${cells} | ${spikes} | ${status} |`);
}
