import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertGpuFixture } from '../helpers/assert-gpu-fixture.ts';
import { fixturesDir, readFixture } from '../helpers/fixtures.ts';
import type { GpuFixtureResult } from '../helpers/gpu-fixture-check.ts';

// The browser page (examples/web) in Debian's Chromium with --enable-unsafe-webgpu (SwiftShader
// where there is no GPU), served from localhost: it runs tutorial 2 on WebGPU, and its spikes
// are checked against NetPyNE's like the Node WebGPU test (per-population counts within 2%,
// >= 95% of the fixture's spikes matched by the same gid within 0.1 ms). A test page runs every
// NEURON fixture there too (bounds of assertGpuFixture); the fixtures are served at /fixtures/.

const root = resolve(__dirname, '../..');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json' };
let server: Server;

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building examples/web failed:\n${built.stderr}`);
  await build({
    entryPoints: [join(root, 'test/runtimes/web/fixtures-runner.ts')],
    outfile: join(root, 'test/runtimes/web/fixtures-runner.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
  server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (url === '/fixtures/neuron/') {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify(
          readdirSync(join(fixturesDir, 'neuron'))
            .filter((f) => f.endsWith('.json'))
            .map((f) => f.slice(0, -5))
            .sort(),
        ),
      );
      return;
    }
    const [base, path] = url.startsWith('/fixtures/') ? [fixturesDir, join(fixturesDir, url.slice('/fixtures/'.length))] : [root, join(root, url)];
    if (!path.startsWith(base) || !existsSync(path)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
    res.end(readFileSync(path));
  }).listen(0);
});
afterAll(() => server?.close());

function launch(): Promise<Browser> {
  if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium} (Debian: apt-get install chromium)`);
  return puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--enable-unsafe-webgpu'] });
}

it('meets the NEURON fixture bounds in Chromium', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/test/runtimes/web/fixtures.html`);
    await page.waitForFunction(
      () => {
        const w = window as unknown as Record<string, unknown>;
        return w.fixtureResults !== undefined || w.fixtureError !== undefined;
      },
      { timeout: 900_000, polling: 1000 },
    );
    const { results, error } = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { results: w.fixtureResults as GpuFixtureResult[] | undefined, error: w.fixtureError as string | undefined };
    });
    expect(error).toBeUndefined();
    expect(results!.length).toBeGreaterThan(5);
    results!.forEach(assertGpuFixture);
  } finally {
    await browser.close();
  }
}, 900_000);

it('runs tutorial 2 in the page on WebGPU', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const port = (server.address() as AddressInfo).port;
    await page.goto(`http://localhost:${port}/examples/web/index.html?autorun`);
    await page.waitForFunction(() => (window as unknown as { spikegpuResult?: unknown }).spikegpuResult !== undefined, { timeout: 600_000, polling: 1000 });
    const result = await page.evaluate(() => (window as unknown as { spikegpuResult: any }).spikegpuResult);
    expect(result.error).toBeUndefined();
    expect(result.adapter).toMatch(/navigator\.gpu/);
    const want = readFixture('netpyne/tut2.spikes.json');
    for (const [pop, gids] of Object.entries(result.pops as Record<string, number[]>)) {
      const count = (ids: number[]) => ids.filter((g) => gids.includes(g)).length;
      expect(Math.abs(count(result.spkid) - count(want.spkid)), pop).toBeLessThanOrEqual(0.02 * count(want.spkid));
    }
    const byGid = new Map<number, number[]>();
    (result.spkid as number[]).forEach((g, i) => {
      if (!byGid.has(g)) byGid.set(g, []);
      byGid.get(g)!.push(result.spkt[i]);
    });
    const matched = want.spkid.filter((g: number, i: number) => (byGid.get(g) ?? []).some((t) => Math.abs(t - want.spkt[i]) <= 0.1)).length;
    expect(matched / want.spkid.length).toBeGreaterThanOrEqual(0.95);
  } finally {
    await browser.close();
  }
}, 900_000);

it("runs a model with its own mod files picked in the page: the Traub cell's twelve", async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/examples/web/index.html`);
    const data = join(root, 'test/data/nmodl');
    const modDir = join(data, 'mod/modeldb/20756');
    const input = await page.$('#file');
    const files = [join(data, 'traub-cell.spec.json'), ...readdirSync(modDir).map((f) => join(modDir, f))];
    await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(...files);
    await page.waitForFunction(() => document.getElementById('mods')?.textContent === '12 mod files', { timeout: 60_000 });
    await page.click('#run');
    await page.waitForFunction(() => (window as unknown as { spikegpuResult?: unknown }).spikegpuResult !== undefined, { timeout: 600_000, polling: 1000 });
    const result = await page.evaluate(() => (window as unknown as { spikegpuResult: any }).spikegpuResult);
    expect(result.error).toBeUndefined();
    // the bounds of test/gpu/webgpu-traub-cell.test.ts (f32 puts the third burst's spikes a step late)
    const ref = JSON.parse(readFileSync(join(data, 'traub-cell.ref.json'), 'utf8'));
    const step = (t: number) => Math.round(t / ref.dt);
    expect(result.spkt.length).toBe(ref.spkt.length);
    (result.spkt as number[]).forEach((t, i) => expect(Math.abs(step(t) - step(ref.spkt[i])), `spike ${i}`).toBeLessThanOrEqual(1));
  } finally {
    await browser.close();
  }
}, 900_000);
