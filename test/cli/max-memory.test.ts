import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { fixturesDir } from '../helpers/fixtures.ts';

// --max-memory on validate, create and run: the estimate is printed by validate, and a model
// over the limit is refused in one line before anything is built.

const tut2 = join(fixturesDir, 'netpyne/tut2.spec.json');
const dir = mkdtempSync(join(tmpdir(), 'spikegpu-max-memory-'));

describe('--max-memory', () => {
  it('validate prints the estimate, and refuses beyond the limit', () => {
    const ok = runCli(['validate', tut2]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(
      /^estimate: 40 cells, 120 compartments, 280 connections, 40,000 steps, 10,001 recorded samples; about \d+ KiB to create and simulate$/m,
    );
    const over = runCli(['validate', tut2, '--max-memory', '100K']);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(
      /^error: simConfig\.duration: the model needs about \d+ KiB to create and simulate \(steps: 40,000 .* more than the memory limit of 100 KiB/m,
    );
  });

  it('create and run refuse before building, with one line', () => {
    const out = join(dir, 'net.json');
    for (const args of [
      ['create', tut2, '-o', out, '--max-memory', '1000'],
      ['run', tut2, '--backend', 'cpu', '--max-memory', '0.0001M'],
    ]) {
      const r = runCli(args);
      expect(r.status, args[0]).toBe(1);
      expect(r.stderr.trim().split('\n'), args[0]).toEqual([
        expect.stringMatching(/^error: .*: the model needs about \d+ KiB to create.*more than the memory limit of/),
      ]);
      expect(r.stdout, args[0]).not.toContain('network:');
    }
  });

  it('refuses a size it cannot read, and a hostile count whatever the limit', () => {
    const bad = runCli(['validate', tut2, '--max-memory', 'lots']);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'error: --max-memory = "lots": expected a size such as 512M, 8G or a number of bytes']);
    const path = join(dir, 'huge.json');
    writeFileSync(path, JSON.stringify({ netParams: { popParams: { S: { cellModel: 'NetStim', numCells: 1e12 } } }, simConfig: {} }));
    const r = runCli(['create', path, '-o', join(dir, 'huge-net.json'), '--max-memory', '1T']);
    expect([r.status, r.stderr.trim()]).toEqual([1, 'error: netParams.popParams.S: numCells 1.0e12: more than the limit of 7.2e8 cells per population']);
  });
});
