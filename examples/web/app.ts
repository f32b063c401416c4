// The browser page of examples/web: load a spec (tut2 preloaded, or a picked/dropped file) and
// the model's mod files (picked or dropped with it; INCLUDEd files too), compile them, run the
// model with spikegpu on navigator.gpu, draw spikegpu's raster and trace figures on canvases.
// Bundled to app.js by scripts/build-web.mjs. With ?autorun the page runs at once and leaves
// its result in window.spikegpuResult (the puppeteer test reads it).
import { create, FIGURES, type Figure, type ModSource, simulate, withModFiles } from '../../src/index.ts';
import { drawFigure } from './draw.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let spec: unknown = null;
/** The model's mod files, and the other files dropped with them by name (what they INCLUDE). */
let mods: ModSource[] = [];
let includes = new Map<string, string>();

async function loadDefault(): Promise<void> {
  spec = await (await fetch(new URL('../tut2.json', import.meta.url))).json();
}

/** A spec (.json) and mod files (.mod, with the files they INCLUDE): each kind given replaces the one loaded. */
async function loadFiles(files: File[]): Promise<void> {
  const json = files.find((f) => f.name.endsWith('.json'));
  if (json) {
    spec = JSON.parse(await json.text());
    $('spec').textContent = json.name;
  }
  const others = files.filter((f) => f !== json);
  if (others.some((f) => f.name.endsWith('.mod'))) {
    mods = await Promise.all(others.filter((f) => f.name.endsWith('.mod')).map(async (f) => ({ file: f.name, text: await f.text() })));
    includes = new Map(await Promise.all(others.filter((f) => !f.name.endsWith('.mod')).map(async (f) => [f.name, await f.text()] as [string, string])));
    $('mods').textContent = `${mods.length} mod file${mods.length === 1 ? '' : 's'}`;
  }
}

async function run(): Promise<void> {
  const status = $('status');
  const progress = $<HTMLProgressElement>('progress');
  try {
    status.textContent = mods.length > 0 ? 'compiling the mod files…' : 'building the network…';
    const loaded = mods.length > 0 ? withModFiles(mods, (_, name) => includes.get(name) ?? null) : null;
    $('notices').textContent = loaded?.notices.join('\n') ?? '';
    status.textContent = 'building the network…';
    const net = create(spec as never, { mechanisms: loaded?.mechanisms });
    status.textContent = 'simulating…';
    const result = await simulate(net, {
      backend: 'webgpu',
      onProgress: (f) => {
        progress.value = f;
      },
    });
    progress.value = 1;
    const data = result.simData;
    status.textContent = `${data.spkt.length} spikes from ${net.cellCount} cells in ${result.timings.run.toFixed(2)} s on ${result.adapter}`;
    const input = { net, simData: data };
    drawFigure($<HTMLCanvasElement>('raster'), FIGURES.plotRaster(input, { figSize: [9, 4.5] }) as Figure);
    const traced = firstTracedCell(data);
    if (traced !== null) drawFigure($<HTMLCanvasElement>('trace'), (FIGURES.plotTraces(input, { include: [traced], figSize: [9, 3] }) as Figure[])[0]);
    (window as unknown as Record<string, unknown>).spikegpuResult = {
      spkt: data.spkt,
      spkid: data.spkid,
      adapter: result.adapter,
      notices: loaded?.notices ?? [],
      pops: Object.fromEntries(Object.entries(net.pops).map(([k, p]) => [k, p.cellGids])),
    };
  } catch (e) {
    status.textContent = `error: ${(e as Error).message}`;
    (window as unknown as Record<string, unknown>).spikegpuResult = { error: (e as Error).message };
  }
}

/** The gid of the first cell with a recorded trace (e.g. V_soma of cell_1), or null. */
function firstTracedCell(data: Record<string, unknown>): number | null {
  for (const [name, value] of Object.entries(data)) {
    if (['spkt', 'spkid', 't', 'avgRate', 'popRates', 'stims'].includes(name) || typeof value !== 'object' || value === null) continue;
    const cell = Object.keys(value)[0];
    if (cell?.startsWith('cell_')) return Number(cell.slice(5));
  }
  return null;
}

$('file').addEventListener('change', (e) => {
  void loadFiles(Array.from((e.target as HTMLInputElement).files ?? []));
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  void loadFiles(Array.from(e.dataTransfer?.files ?? []));
});
$('run').addEventListener('click', () => void run());

await loadDefault();
if (!('gpu' in navigator)) $('status').textContent = 'this browser has no WebGPU (navigator.gpu)';
if (new URLSearchParams(location.search).has('autorun')) await run();
