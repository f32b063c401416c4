import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, type ExampleResult, runExample } from '../../examples/tutorials/run.ts';
import { readFixture } from '../helpers/fixtures.ts';

// The NetPyNE tutorial ports in examples/tutorials: each runs for 100 ms on the CPU backend
// and writes the figures its simConfig.analysis asks for, as PNG files.

const dir = mkdtempSync(join(tmpdir(), 'spikegpu-tutorials-'));
const cache = new Map<string, Promise<ExampleResult>>();
/** Each example runs once (on first use), shared by the tests below. */
function run(name: string): Promise<ExampleResult> {
  if (!cache.has(name)) cache.set(name, runExample(name, { duration: 100, out: join(dir, name), backend: 'cpu' }));
  return cache.get(name)!;
}

const FILES: Record<string, string[]> = {
  tut1: ['tut1_raster.png', 'tut1_traces.png', 'tut1_plot_2Dnet.png'],
  tut2: ['tut2_raster.png', 'tut2_traces.png', 'tut2_plot_2Dnet.png', 'tut2_data.json'],
  tut3: ['tut3_raster.png', 'tut3_traces.png', 'tut3_plot_2Dnet.png'],
  tut4: ['tut4_raster.png', 'tut4_traces.png', 'tut4_plot_2Dnet.png'],
  tut5: [
    'tut5_raster.png',
    'tut5_traces__gid_0_.png',
    'tut5_traces__gid_100_.png',
    'tut5_traces__gid_205_.png',
    'tut5_plot_2Dnet.png',
    'tut5_plot_conn_pop_strength_matrix.png',
  ],
  tut6: ['tut6_raster.png', 'tut6_traces__gid_0_.png', 'tut6_traces__gid_20_.png'],
  tut7: [
    'tut7_raster.png',
    'tut7_traces.png',
    'tut7_plot_2Dnet.png',
    'tut7_weight0.5_raster.png',
    'tut7_weight0.5_traces.png',
    'tut7_weight0.5_plot_2Dnet.png',
    'tut7_L160_raster.png',
    'tut7_L160_traces.png',
  ],
  artificial: ['artificial_raster.png'],
};

describe.each(EXAMPLES)('examples/tutorials/%s', (name) => {
  it('simulates: the cells spike', async () => {
    const { spikes, rates } = await run(name);
    expect(spikes).toBeGreaterThan(0);
    expect(Object.values(rates).some((r) => r > 0)).toBe(true);
  });

  it('writes every figure of its simConfig.analysis as a PNG file', async () => {
    const { files } = await run(name);
    expect(files.map((f) => basename(f))).toEqual(FILES[name]);
    for (const file of files) {
      expect(existsSync(file), file).toBe(true);
      const bytes = readFileSync(file);
      if (file.endsWith('.png')) expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      else expect(() => JSON.parse(bytes.toString('utf8')), file).not.toThrow();
    }
  });
});

describe('the ports reproduce NetPyNE', () => {
  it.each(['tut2', 'tut3', 'tut4'])('%s: the spikes of NetPyNE 1.1 on NEURON in the first 100 ms', async (name) => {
    const want = readFixture<{ spkt: number[] }>(`netpyne/${name}.spikes.json`).spkt.filter((t) => t <= 100).length;
    const { spikes } = await run(name);
    expect(spikes).toBe(want);
  });

  it('tut7: the inhibitory weights of 0.5, then the longer soma, lower the rate', async () => {
    const { runs } = await run('tut7');
    expect(runs.map((r) => r.label)).toEqual(['', 'weight0.5', 'L160']);
    expect(runs[1].spikes).toBeLessThan(runs[0].spikes);
    expect(runs[2].spikes).toBeLessThan(runs[1].spikes);
  });
});
