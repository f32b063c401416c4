import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

// spikegpu nmodl: per mod file, ok or the first unsupported construct with file:line:column;
// INCLUDEd files beside the mod file; --json prints {file, ok, mechanism, error} objects.

const dir = mkdtempSync(join(tmpdir(), 'spikegpu-nmodl-'));
const mod = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('spikegpu nmodl', () => {
  const hh = resolve(__dirname, '../../mod/hh.mod');
  const pas = resolve(__dirname, '../../mod/pas.mod');
  writeFileSync(join(dir, 'leak.inc'), 'PARAMETER { g = 0.001 }\n');
  const leak = mod('leak.mod', 'NEURON { SUFFIX leak NONSPECIFIC_CURRENT i RANGE g }\nINCLUDE "leak.inc"\nASSIGNED { i v }\nBREAKPOINT { i = g*v }\n');
  const kinetic = mod('k.mod', 'NEURON { SUFFIX kin }\nSTATE { a b }\nBREAKPOINT { SOLVE states METHOD sparse }\nKINETIC states { ~ a <-> b (1, 1) }\n');

  const cad = mod(
    'cad.mod',
    "NEURON { SUFFIX cad USEION ca READ ica WRITE cai }\nASSIGNED { ica }\nSTATE { cai }\nBREAKPOINT { SOLVE s METHOD cnexp }\nDERIVATIVE s { cai' = -ica - cai }\n",
  );

  it('reports ok or the first unsupported construct, and exits 1 when a file fails', () => {
    const r = runCli(['nmodl', pas, hh, cad, leak, kinetic]);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${pas}: ok (pas)`,
      // hh only reads ena, ek and writes ina, ik: copies of e on every backend; cad keeps ca per segment (on WebGPU too)
      `${hh}: ok (hh)`,
      `${cad}: ok (cad)`,
      `${leak}: ok (leak)`,
      `${kinetic}:4:1: KINETIC states is not supported`,
    ]);
    expect(r.status).toBe(1);
    expect(runCli(['nmodl', hh]).status).toBe(0);
  });

  it('--json: an array of {file, ok, mechanism, error}, unreadable files included', () => {
    const r = runCli(['nmodl', '--json', leak, join(dir, 'missing.mod')]);
    expect(JSON.parse(r.stdout)).toEqual([
      { file: leak, ok: true, mechanism: 'leak', error: null, webgpu: null },
      { file: join(dir, 'missing.mod'), ok: false, mechanism: null, error: expect.stringMatching(/missing\.mod: no such file/), webgpu: null },
    ]);
  });
});
