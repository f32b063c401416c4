import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { fixturesDir } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'spikegpu-cli-'));

describe('spikegpu validate', () => {
  it('exits 0 for a valid spec and reports warnings', () => {
    const r = runCli(['validate', join(fixturesDir, 'netpyne/tut3.spec.json')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 errors, 3 warnings');
    expect(r.stderr).toContain('warning: simConfig.analysis.plotRaster');
  });

  it('exits 1 and prints every error with path, value and expectation', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({
      netParams: { popParams: { S: { cellType: 'PYR', numCells: -3 } }, cellParams: { PYR: { secs: { soma: {} } } }, connParams: { c: { preConds: { pop: 'S' }, postConds: { pop: 'S' }, delay: '1 +' } } },
    }));
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
    expect(r.stderr).toContain("error: --backend must be cpu, webgpu or auto (got 'gpu')");
    expect(runCli(['run', tut2, '--duration', '-5', '--out', join(dir, 'r.json')]).stderr).toContain("--duration must be a positive number of ms (got '-5')");
  });

  it('names what it cannot simulate', () => {
    const spec = join(dir, 'into-vecstim.json');
    writeFileSync(spec, JSON.stringify({
      netParams: {
        popParams: { A: { cellModel: 'NetStim', numCells: 1, interval: 5, number: 3, start: 1, noise: 0 }, B: { cellModel: 'VecStim', numCells: 1, spkTimes: [2, 4] } },
        connParams: { 'A->B': { preConds: { pop: 'A' }, postConds: { pop: 'B' }, weight: 1, delay: 1 } },
      },
      simConfig: { duration: 10 },
    }));
    const r = runCli(['run', spec, '--out', join(dir, 'v.json'), '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('connections into NetStim/VecStim populations are not supported by the simulator');
  });

  it('runs on WebGPU and names the adapter', () => {
    const out = join(dir, 'gpu.json');
    const r = runCli(['run', tut2, '--backend', 'webgpu', '--duration', '50', '--out', out]);
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
    const r = runCli(['run', tut2, '--duration', '100', '--precision', 'f32', '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8'));
    expect(saved.simConfig.duration).toBe(100);
    expect(saved.simData.t.length).toBe(1001);
    expect(saved.simData.spkt.every((t: number) => t <= 100)).toBe(true);
  });
});
