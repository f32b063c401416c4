import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { fixturesDir } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'spikegpu-cli-'));

describe('spikegpu validate', () => {
  it('exits 0 for a valid spec and reports warnings', () => {
    expect(runCli(['validate', join(fixturesDir, 'netpyne/tut3.spec.json')]).stdout).toContain('0 errors, 0 warnings');
    const spec = JSON.parse(readFileSync(join(fixturesDir, 'netpyne/tut3.spec.json'), 'utf8'));
    spec.simConfig.use_fast_imem = true;
    const path = join(dir, 'imem.json');
    writeFileSync(path, JSON.stringify(spec));
    const r = runCli(['validate', path]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 errors, 1 warning');
    expect(r.stderr).toContain('warning: simConfig.use_fast_imem = true: has no effect');
  });

  it('exits 1 and prints every error with path, value and expectation', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        netParams: {
          popParams: { S: { cellType: 'PYR', numCells: -3 } },
          cellParams: { PYR: { secs: { soma: {} } } },
          connParams: { c: { preConds: { pop: 'S' }, postConds: { pop: 'S' }, delay: '1 +' } },
        },
      }),
    );
    const r = runCli(['validate', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: netParams.popParams.S.numCells = -3: expected a non-negative integer');
    expect(r.stderr).toContain('error: netParams.connParams.c.delay = "1 +": unexpected end of expression (column 4)');
    expect(r.stderr).toContain('error: netParams.connParams.c.synMech: no synMech given and synMechParams is empty');
    expect(r.stdout).toContain('3 errors');
  });

  it('reports unreadable files and bad JSON as errors', () => {
    expect(runCli(['validate', join(dir, 'missing.json')]).stderr).toMatch(/missing\.json: cannot read/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"netParams": {');
    const r = runCli(['create', broken, '--out', join(dir, 'x.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON: .*broken\.json:1:16/);
  });
});

describe('spikegpu run', () => {
  const tut2 = join(fixturesDir, 'netpyne/tut2.spec.json');

  it('rejects bad options with a message and exit code 2', () => {
    const r = runCli(['run', tut2, '--backend', 'gpu', '--out', join(dir, 'r.json')]);
    expect(r.status).toBe(2);
    expect(runCli(['run', tut2, '--fig-format', 'jpg']).stderr).toContain("--fig-format must be png or svg (got 'jpg')");
    expect(r.stderr).toContain("error: --backend must be one of auto, cpu, webgpu (got 'gpu')");
    expect(runCli(['run', tut2, '--duration', '-5', '--out', join(dir, 'r.json')]).stderr).toContain("--duration must be a positive number of ms (got '-5')");
    for (const bad of ['0', '1.5', 'all', '5000'])
      expect(runCli(['run', tut2, '--threads', bad, '--out', join(dir, 'r.json')]).stderr).toContain(
        `--threads must be a whole number from 1 to 1024 (got '${bad}')`,
      );
  });

  it('says why it runs a small model on one thread when --threads asks for more', () => {
    const r = runCli(['run', tut2, '--backend', 'cpu', '--threads', '2', '--duration', '50', '--out', join(dir, 'threads.json'), '--no-figures']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^CPU backend on one thread: the model is small for 2 threads: 1 M node- and instance-steps, and a thread pays for its start-up from 100 M$/m,
    );
    expect(r.stdout).toMatch(/^backend cpu \(f64\): /m);
  });

  it('names what it cannot simulate', () => {
    const spec = join(dir, 'into-vecstim.json');
    writeFileSync(
      spec,
      JSON.stringify({
        netParams: {
          popParams: {
            A: { cellModel: 'NetStim', numCells: 1, interval: 5, number: 3, start: 1, noise: 0 },
            B: { cellModel: 'VecStim', numCells: 1, spkTimes: [2, 4] },
          },
          connParams: { 'A->B': { preConds: { pop: 'A' }, postConds: { pop: 'B' }, weight: 1, delay: 1 } },
        },
        simConfig: { duration: 10 },
      }),
    );
    const r = runCli(['run', spec, '--out', join(dir, 'v.json'), '-q', '--no-figures']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('connections into NetStim/VecStim populations are not supported by the simulator');
  });

  it('runs on WebGPU and names the adapter', () => {
    const out = join(dir, 'gpu.json');
    const r = runCli(['run', tut2, '--backend', 'webgpu', '--duration', '50', '--out', out, '--no-figures']);
    if (/no WebGPU adapter/.test(r.stderr)) {
      console.log(`WebGPU CLI test skipped: ${r.stderr.trim()}`);
      return;
    }
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/backend webgpu \(f32, .+\)/);
    expect(JSON.parse(readFileSync(out, 'utf8')).simData.t.length).toBe(501);
  });

  it('runs a shorter duration in f32', () => {
    const out = join(dir, 'short.json');
    const r = runCli(['run', tut2, '--duration', '100', '--precision', 'f32', '--out', out, '-q', '--no-figures']);
    expect(r.status, r.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8'));
    expect(saved.simConfig.duration).toBe(100);
    expect(saved.simData.t.length).toBe(1001);
    expect(saved.simData.spkt.every((t: number) => t <= 100)).toBe(true);
  });

  // The README's command: tut2's figures (simConfig.analysis: plotRaster and plotTraces with
  // saveFig) under NetPyNE's names, and the rate table.
  it("writes the figures of simConfig.analysis under NetPyNE's names", () => {
    const figs = join(dir, 'figs');
    const r = runCli(['run', tut2, '--backend', 'cpu', '--duration', '200', '--fig-dir', figs, '--out', join(dir, 'figs.json')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^S +20 +\d+\.\d\d$/m);
    expect(r.stdout).toMatch(/^M +20 +\d+\.\d\d$/m);
    for (const name of ['tut2_raster.png', 'tut2_traces.png']) {
      expect(r.stdout).toContain(`wrote ${join(figs, name)}`);
      const png = readFileSync(join(figs, name));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1000, 800]);
    }
    const svg = runCli(['run', tut2, '--backend', 'cpu', '--duration', '50', '--fig-dir', figs, '--fig-format', 'svg', '-q', '--out', join(dir, 'svg.json')]);
    expect(svg.status, svg.stderr).toBe(0);
    expect(readFileSync(join(figs, 'tut2_raster.svg'), 'utf8')).toContain('Time (ms)');
  });
});

describe('spikegpu run: outputs', () => {
  it("keeps the simulation's results when a figure cannot be written, and says so in one line", () => {
    const spec = JSON.parse(readFileSync(join(fixturesDir, 'netpyne/tut2.spec.json'), 'utf8'));
    const path = join(dir, 'tut2-figs.json');
    writeFileSync(path, JSON.stringify(spec));
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the figure folder should be');
    const out = join(dir, 'kept.json');
    const r = runCli(['run', path, '--backend', 'cpu', '--duration', '50', '--out', out, '--fig-dir', blocker]);
    expect(r.status).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).simData.spkt.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/^error: could not draw the plotRaster figure: /m);
    expect(r.stderr).toContain(`(the simulation's results are in ${out})`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('stops before building anything on a bad analysis option', () => {
    const spec = JSON.parse(readFileSync(join(fixturesDir, 'netpyne/tut2.spec.json'), 'utf8'));
    spec.simConfig.analysis.plotRaster = { timeRange: 'all' };
    const path = join(dir, 'tut2-bad-analysis.json');
    writeFileSync(path, JSON.stringify(spec));
    const r = runCli(['run', path, '--backend', 'cpu']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: simConfig.analysis.plotRaster.timeRange = "all": "all" is not [t0, t1] in ms with t0 < t1');
    expect(r.stdout).not.toContain('network:');
  });
});
