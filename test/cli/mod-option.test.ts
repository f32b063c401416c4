import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

// --mod on run and validate: a model's mod folder compiled on the fly. A file the front end
// cannot compile is a notice while the model does not use its mechanism, and the model's
// error, naming the construct, when it does. Without --mod the mechanism is unknown.

const DATA = resolve(__dirname, '../data/nmodl');
const dir = mkdtempSync(join(tmpdir(), 'spikegpu-mod-option-'));
const mods = join(dir, 'mod');
mkdirSync(mods);
copyFileSync(join(DATA, 'mod/examples/CA3model_3pops/mod/nafbwb.mod'), join(mods, 'nafbwb.mod'));
copyFileSync(join(DATA, 'mod/examples/CA3model_3pops/mod/aux_fun.inc'), join(mods, 'aux_fun.inc'));
writeFileSync(join(mods, 'kin.mod'), 'NEURON { SUFFIX kin }\nSTATE { a b }\nBREAKPOINT { SOLVE states METHOD sparse }\nKINETIC states { ~ a <-> b (1, 1) }\n');
const spec = join(DATA, 'Nafbwb.spec.json');

describe('--mod', () => {
  it('run compiles the folder and simulates the model with its mechanism; the unused refused file is a notice', () => {
    const r = runCli(['run', spec, '--mod', mods, '--backend', 'cpu', '--no-figures', '--out-dir', dir]);
    expect(r.stderr).toMatch(/^notice: .*kin\.mod:4:1: KINETIC states is not supported \(a model using kin is refused\)$/m);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^network: 1 cells/m);
  });

  it('validate without --mod names the unknown mechanism; with a folder whose file it uses refused, the construct', () => {
    const unknown = runCli(['validate', spec]);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout + unknown.stderr).toMatch(/mechs\.Nafbwb/);
    const used = JSON.parse(readFileSync(spec, 'utf8'));
    used.netParams.cellParams.cell.secs.soma.mechs = { kin: {}, pas: { g: 5e-5, e: -65 } };
    used.simConfig.recordTraces = {};
    writeFileSync(join(dir, 'kin.json'), JSON.stringify(used));
    const refused = runCli(['validate', join(dir, 'kin.json'), '--mod', mods]);
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/"kin": its mod file cannot be compiled: .*kin\.mod:4:1: KINETIC states is not supported/);
  });

  it('a missing folder or one without mod files is one line', () => {
    expect(runCli(['validate', spec, '--mod', join(dir, 'nothing')]).stderr).toMatch(/^error: --mod: .*no such file/m);
    mkdirSync(join(dir, 'empty'));
    expect(runCli(['validate', spec, '--mod', join(dir, 'empty')]).stderr).toMatch(/^error: --mod .*empty: no \.mod files in this folder$/m);
  });
});
