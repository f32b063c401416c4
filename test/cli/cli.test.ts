import { mkdtempSync, writeFileSync } from 'node:fs';
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
