import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { create, simulate } from '../../src/index.ts';
import { FileError, OutputDir, readSavedData, readTextFile, writeSavedData } from '../../src/node.ts';
import { outputPathProblem } from '../../src/spec/index.ts';
import { cliArgs, runCli } from '../helpers/cli.ts';

// Issue 12: every file a model names lands under the output folder, everything read through a
// saved file stays beside it, and writes are atomic with one-line errors.

const base = mkdtempSync(join(tmpdir(), 'spikegpu-confine-'));
const tut2 = () => JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/tut2.json'), 'utf8'));

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('output paths a model names', () => {
  it.each([
    ['out/x.json', null],
    ['a/../b.png', null],
    ['./x', null],
    ['/etc/passwd', 'is an absolute path'],
    ['\\\\server\\share', 'is an absolute path'],
    ['C:x', 'is an absolute path'],
    ['../x', "climbs out of the output folder with '..'"],
    ['a/../../x', "climbs out of the output folder with '..'"],
    ['a\\..\\..\\x', "climbs out of the output folder with '..'"],
    ['x\0y', 'contains a NUL character'],
    ['', 'is empty'],
  ])('%j: %s', (path, problem) => {
    expect(outputPathProblem(path)).toBe(problem);
  });

  it('are refused by validate and run before anything is created, and nothing is written', () => {
    const cwd = mkdtempSync(join(base, 'run-'));
    const outside = join(base, 'outside');
    const spec = tut2();
    Object.assign(spec.simConfig, { saveFolder: outside, saveJson: true, saveDat: true, duration: 20 });
    spec.simConfig.recordTraces = { '../../v': { sec: 'soma', loc: 0.5, var: 'v' } };
    spec.simConfig.recordCells = [0];
    spec.simConfig.analysis = { plotRaster: { saveFig: '../raster.png', saveData: '/tmp/raster' } };
    writeFileSync(join(cwd, 'evil.json'), JSON.stringify(spec));
    for (const command of ['validate', 'run']) {
      const r = runCli([command, 'evil.json'], cwd);
      expect(r.status).toBe(1);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
      expect(errors).toEqual([
        `error: simConfig.saveFolder = ${JSON.stringify(outside)}: is an absolute path: a model writes only inside the output folder (--out-dir; --allow-outside-paths lifts this) (and 1 more: simConfig.analysis.plotRaster.saveData)`,
        `error: simConfig.analysis.plotRaster.saveFig = "../raster.png": climbs out of the output folder with '..': a model writes only inside the output folder (--out-dir; --allow-outside-paths lifts this)`,
        `error: simConfig.recordTraces["../../v"] = "../../v": the file '../../v_cell.dat' climbs out of the output folder with '..': a model writes only inside the output folder (--out-dir; --allow-outside-paths lifts this)`,
      ]);
      expect(r.stdout).not.toContain('network:');
    }
    expect(filesUnder(cwd)).toEqual(['evil.json']);
    expect(existsSync(outside)).toBe(false);
  });

  it('go under --out-dir, and outside it only with --allow-outside-paths', () => {
    const cwd = mkdtempSync(join(base, 'run-'));
    const spec = tut2();
    Object.assign(spec.simConfig, { saveFolder: 'data', saveJson: true, duration: 20 });
    spec.simConfig.analysis = { plotRaster: { saveFig: 'figs/raster.png', saveData: true } };
    writeFileSync(join(cwd, 'ok.json'), JSON.stringify(spec));
    const r = runCli(['run', 'ok.json', '--out-dir', 'results', '--backend', 'cpu'], cwd);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error'))).toEqual([]);
    expect(r.status).toBe(0);
    expect(filesUnder(cwd)).toEqual(['ok.json', 'results/data/tut2_data.json', 'results/figs/raster.png', 'results/figs/raster_data.json']);

    const outside = join(base, 'allowed');
    Object.assign(spec.simConfig, { saveFolder: outside, analysis: {} });
    writeFileSync(join(cwd, 'outside.json'), JSON.stringify(spec));
    expect(runCli(['run', 'outside.json', '--backend', 'cpu'], cwd).status).toBe(1);
    expect(runCli(['run', 'outside.json', '--allow-outside-paths', '--backend', 'cpu'], cwd).status).toBe(0);
    expect(filesUnder(outside)).toEqual(['tut2_data.json']);
  });
});

describe('a saved-data file', () => {
  async function savedFile(dir: string, binary: boolean): Promise<string> {
    const spec = tut2();
    Object.assign(spec.simConfig, { duration: 20, saveDataInclude: ['netParams', 'netCells', 'simConfig', 'simData'] });
    const net = create(spec);
    const { simData } = await simulate(net, { backend: 'cpu' });
    await writeSavedData(new OutputDir(dir), 'saved.json', net, simData, { binary });
    return join(dir, 'saved.json');
  }

  it('brings a simConfig whose output paths are checked like a spec', async () => {
    const cwd = mkdtempSync(join(base, 'saved-'));
    const path = await savedFile(cwd, false);
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    Object.assign(raw.simConfig, { saveFolder: '/tmp/spikegpu-never', saveJson: true });
    writeFileSync(path, JSON.stringify(raw));
    const r = runCli(['run', 'saved.json'], cwd);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: 1 error in the specification:\nerror: simConfig.saveFolder = "/tmp/spikegpu-never": is an absolute path');
    expect(existsSync('/tmp/spikegpu-never')).toBe(false);
  });

  it('reads its binary file only from beside it, and only of the declared size', async () => {
    const dir = mkdtempSync(join(base, 'bin-'));
    const path = await savedFile(dir, true);
    expect((readSavedData(path).simData as { spkt: number[] }).spkt.length).toBeGreaterThan(0);
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    const withBinary = (name: unknown) => {
      writeFileSync(path, JSON.stringify({ ...raw, simData: { ...raw.simData, $binaryFile: name } }));
      return () => readSavedData(path);
    };
    expect(withBinary('../saved.bin')).toThrow(
      `${path}: simData.$binaryFile = '../saved.bin' climbs out of the output folder with '..': a saved file's binary data is read only from beside it`,
    );
    for (const command of ['validate', 'run'])
      expect(runCli([command, 'saved.json'], dir).stderr).toBe(
        "error: saved.json: simData.$binaryFile = '../saved.bin' climbs out of the output folder with '..': a saved file's binary data is read only from beside it\n",
      );
    expect(withBinary('/dev/zero')).toThrow("simData.$binaryFile = '/dev/zero' is an absolute path");
    expect(withBinary(7)).toThrow('simData.$binaryFile: expected the name of the binary file beside it');
    writeFileSync(join(dir, 'short.bin'), new Uint8Array(8));
    expect(withBinary('short.bin')).toThrow(/short\.bin: 8 bytes, but its saved data declares \d+/);
    mkdirSync(join(dir, 'folder.bin'));
    expect(withBinary('folder.bin')).toThrow('folder.bin: not a regular file');
    writeFileSync(path, JSON.stringify({ ...raw, simData: { ...raw.simData, spkt: { $binary: [-8, 1e12, 'f64'] } } }));
    expect(() => readSavedData(path)).toThrow(`${path}: simData.spkt: [-8,1000000000000,"f64"] is not [offset (a multiple of 8), count, 'f64' or 'i32']`);
    writeFileSync(path, JSON.stringify({ ...raw, simData: { ...raw.simData, spkt: { $binary: [0, 2e8, 'f64'] } } }));
    expect(() => readSavedData(path)).toThrow(`${path}: simData.spkt: 200000000 values, more than the 100000000 of one array spikegpu reads back`);
  });
});

describe('files', () => {
  it('are read only when regular and bounded', () => {
    expect(() => readTextFile('/dev/zero')).toThrow(new FileError('cannot read /dev/zero: not a regular file'));
    expect(() => readTextFile(join(base, 'none.json'))).toThrow(`cannot read ${join(base, 'none.json')}: no such file or folder (ENOENT)`);
    const big = join(base, 'big.json');
    writeFileSync(big, '[1, 2, 3]');
    expect(() => readTextFile(big, 4)).toThrow(`cannot read ${big}: 9 bytes, more than the 4 spikegpu reads`);
    expect(runCli(['run', '/dev/zero']).stderr).toBe('error: /dev/zero: cannot read: not a regular file\n');
  });

  it('are written atomically: a failed write leaves the old file and no partial one', async () => {
    const dir = mkdtempSync(join(base, 'atomic-'));
    const out = new OutputDir(dir);
    await out.write('x.json', 'test', '{"old": true}');
    function* failing() {
      yield '{"new": ';
      throw new Error('the disk went away');
    }
    await expect(out.write('x.json', 'test', failing())).rejects.toThrow(`cannot write ${join(dir, 'x.json')}: the disk went away`);
    expect(readdirSync(dir)).toEqual(['x.json']);
    expect(readFileSync(join(dir, 'x.json'), 'utf8')).toBe('{"old": true}');
    writeFileSync(join(dir, 'file'), '');
    await expect(out.write('file/y.json', 'test', '')).rejects.toThrow(`cannot create the folder ${join(dir, 'file')}: a file of that name exists (EEXIST)`);
  });

  // a real full disk: a 64 KiB tmpfs (needs mount rights, as root in CI's container; skipped elsewhere)
  const full = mkdtempSync(join(base, 'full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full]).status === 0;
  it.runIf(mounted)('on a full disk fail in one line and leave no partial file', async () => {
    try {
      await expect(new OutputDir(full).write('x.json', 'test', 'x'.repeat(2 ** 20))).rejects.toThrow(
        new FileError(`cannot write ${join(full, 'x.json')}: no space left on the device (ENOSPC)`),
      );
      expect(readdirSync(full)).toEqual([]);
    } finally {
      spawnSync('umount', [full]);
    }
  });

  it('never land outside the folder through a symbolic link', async () => {
    const dir = mkdtempSync(join(base, 'link-'));
    const elsewhere = mkdtempSync(join(base, 'elsewhere-'));
    symlinkSync(elsewhere, join(dir, 'link'));
    await expect(new OutputDir(dir).write('link/x.json', 'simConfig.saveFolder', '{}')).rejects.toThrow(
      `simConfig.saveFolder: 'link/x.json' leads out of ${dir} through a symbolic link (--allow-outside-paths lifts this)`,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    await new OutputDir(dir, { allowOutside: true }).write('link/x.json', 'test', '{}');
    expect(readdirSync(elsewhere)).toEqual(['x.json']);
  });

  it('are removed when the write is interrupted (SIGINT)', async () => {
    const dir = mkdtempSync(join(base, 'sigint-'));
    const spec = tut2();
    // ~1.2 M synapses: some seconds of writing, time to interrupt it
    spec.netParams.popParams = { S: { cellType: 'PYR', numCells: 3000 }, M: { cellType: 'PYR', numCells: 3000 } };
    spec.netParams.connParams = { 'S->M': { preConds: { pop: 'S' }, postConds: { pop: 'M' }, probability: 0.07, weight: 0.01, delay: 5, synMech: 'exc' } };
    spec.netParams.stimTargetParams = {};
    writeFileSync(join(dir, 'big.json'), JSON.stringify(spec));
    const child = spawn(process.execPath, cliArgs(['create', 'big.json', '-o', 'net.json']), { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const partial = `.net.json.${child.pid}.partial`;
    for (let i = 0; i < 3000 && !existsSync(join(dir, partial)); i++) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(join(dir, partial))).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted (SIGINT): the file being written was removed');
    expect(readdirSync(dir)).toEqual(['big.json']);
  }, 60_000);
});
