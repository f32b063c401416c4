import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { create } from '../../src/index.ts';
import { runCli } from '../helpers/cli.ts';
import { fixturesDir, readFixture } from '../helpers/fixtures.ts';

// `spikegpu create` must reproduce NetPyNE 1.1's instantiated tutorial networks exactly:
// gids, tags and positions (<= 1e-12 relative), every connection in order with identical
// weights and delays, the stims, and the realised section / mechanism / synMech values.

const out = mkdtempSync(join(tmpdir(), 'spikegpu-create-'));

describe.each(['tut2', 'tut3', 'tut4'])('%s', (tut) => {
  const specPath = join(fixturesDir, `netpyne/${tut}.spec.json`);
  const outPath = join(out, `${tut}.json`);
  const result = runCli(['create', specPath, '--out', outPath, '--quiet']);
  const fixture = readFixture(`netpyne/${tut}.net.json`);

  it('runs spikegpu create', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  const saved = JSON.parse(readFileSync(outPath, 'utf8'));
  const cells = saved.net.cells as any[];

  it('has the same cells, gids, tags and positions', () => {
    expect(cells.map((c) => c.gid)).toEqual(fixture.cells.map((c: any) => c.gid));
    fixture.cells.forEach((want: any, i: number) => {
      const got = cells[i].tags;
      expect(got.pop).toBe(want.pop);
      expect(got.cellType).toBe(want.cellType);
      for (const k of ['x', 'y', 'z', 'xnorm', 'ynorm', 'znorm']) {
        expect(Math.abs(got[k] - want[k]), `gid ${want.gid} ${k}`).toBeLessThanOrEqual(1e-12 * Math.abs(want[k]));
      }
    });
  });

  it('has the same connections in the same order, with identical weights and delays', () => {
    const key = (c: any) => [c.preGid, c.sec, c.loc, c.synMech, c.weight, c.delay, c.label ?? null, c.preLabel ?? null];
    fixture.cells.forEach((want: any, i: number) => {
      expect(cells[i].conns.map(key), `gid ${want.gid}`).toEqual(want.conns.map(key));
    });
    const total = cells.reduce((n, c) => n + c.conns.filter((k: any) => k.preGid !== 'NetStim').length, 0);
    expect(total).toBe(readFixture(`netpyne/${tut}.summary.json`).numConnsTotal);
  });

  it('has the same stims', () => {
    fixture.cells.forEach((want: any, i: number) => expect(cells[i].stims, `gid ${want.gid}`).toEqual(want.stims));
  });

  it('realises the same section, mechanism, point-process and synMech values', () => {
    const net = create(JSON.parse(readFileSync(specPath, 'utf8')));
    for (const [gid, sections] of Object.entries(fixture.realisedCellParams as Record<string, any>)) {
      const c = net.indexOfGid(Number(gid));
      const realised = net.realisedSections(c);
      const secs = cells[c].secs;
      for (const [name, want] of Object.entries(sections as Record<string, any>)) {
        if (name === 'stims_live') continue;
        const got = realised[name];
        for (const [key, value] of Object.entries(want as Record<string, any>)) {
          if (key === 'synMechs_first3') {
            const first3 = secs[name].synMechs.slice(0, 3).map((s: any) => ({ label: s.label, loc: s.loc, tau1: s.tau1, tau2: s.tau2, e: s.e }));
            expect(first3, `gid ${gid} ${name} synMechs`).toEqual(value);
          } else if (key.includes('.')) {
            const [owner, param] = key.split('.');
            const v = got.mechs[owner]?.[param]?.[0] ?? got.pointps[owner]?.[param];
            expect(relErr(v, value), `gid ${gid} ${name}.${key}`).toBeLessThanOrEqual(1e-12);
          } else {
            expect(relErr((got as any)[key], value), `gid ${gid} ${name}.${key}`).toBeLessThanOrEqual(1e-12);
          }
        }
      }
      const live = (sections as any).stims_live as any[];
      const stims = cells[c].stims;
      expect(stims.length).toBe(live.length);
      live.forEach((s, k) => {
        expect(1000 / stims[k].rate).toBe(s.interval);
        expect([stims[k].number, stims[k].start, stims[k].noise]).toEqual([s.number, s.start, s.noise]);
      });
    }
  });
});

function relErr(got: number, want: number): number {
  return want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
}
