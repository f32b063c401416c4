import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFixture } from '../helpers/fixtures.ts';

// The browser page (examples/web) in Debian's Chromium with --enable-unsafe-webgpu (SwiftShader
// where there is no GPU), served from localhost: it runs tutorial 2 on WebGPU, and its spikes
// are checked against NetPyNE's like the Node WebGPU test (per-population counts within 2%,
// >= 95% of the fixture's spikes matched by the same gid within 0.1 ms).

const root = resolve(__dirname, '../..');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json' };
let server: Server;

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building examples/web failed:\n${built.stderr}`);
  server = createServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname));
    if (!path.startsWith(root) || !existsSync(path)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
    res.end(readFileSync(path));
  }).listen(0);
});
afterAll(() => server?.close());

it('runs tutorial 2 in the page on WebGPU', async () => {
  if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium} (Debian: apt-get install chromium)`);
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--enable-unsafe-webgpu'] });
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
    (result.spkid as number[]).forEach((g, i) => { if (!byGid.has(g)) byGid.set(g, []); byGid.get(g)!.push(result.spkt[i]); });
    const matched = want.spkid.filter((g: number, i: number) => (byGid.get(g) ?? []).some((t) => Math.abs(t - want.spkt[i]) <= 0.1)).length;
    expect(matched / want.spkid.length).toBeGreaterThanOrEqual(0.95);
  } finally {
    await browser.close();
  }
}, 900_000);
