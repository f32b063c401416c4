import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { create, LoadError, loadNetwork, loadSimulate, packSimData, simulate, unpackSimData } from '../../src/index.ts';
import { OutputDir, readSavedData, writeSavedData } from '../../src/node.ts';
import { fixturesDir } from '../helpers/fixtures.ts';

// Saved data: NetPyNE's own saved network (net.cells) simulates to NetPyNE's spikes, a network
// saved by spikegpu (changed with modifyConns) loads as saved, in JSON and in the binary form,
// and a file whose net.cells do not match its netParams is refused with the place named.

const netpyneFile = join(fixturesDir, 'netpyne/tut2.netpyne_output_data.json');
const dir = mkdtempSync(join(tmpdir(), 'spikegpu-io-'));

it("simulates NetPyNE's saved tut2 network to NetPyNE's spikes (loadSimulate)", async () => {
  const text = readFileSync(netpyneFile, 'utf8');
  const saved = JSON.parse(text).simData;
  const run = await loadSimulate(text, { backend: 'cpu' });
  expect(run.net.pops.S.cellGids[0]).toBe(0);
  expect(run.simData.spkid).toEqual(saved.spkid.map(Number));
  run.simData.spkt.forEach((t, i) => expect(Math.abs(t - saved.spkt[i])).toBeLessThanOrEqual(1e-9));
});

describe('save, load, simulate again', () => {
  const spec = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/tut7.json'), 'utf8'));
  spec.simConfig.duration = 300;

  it.each([false, true])('gives the same spikes (binary %s)', async (binary) => {
    const net = create(spec);
    net.modifyConns({ conds: { label: 'hop->hop' }, weight: 0.5 });
    const first = await simulate(net, { backend: 'cpu' });
    const path = join(dir, `tut7-${binary}.json`);
    const files = await writeSavedData(new OutputDir(dir), `tut7-${binary}.json`, net, first.simData, { binary });
    expect(files).toEqual(binary ? [path, join(dir, `tut7-${binary}.bin`)] : [path]);
    const raw = readSavedData(path);
    expect(raw.simData).toEqual(JSON.parse(JSON.stringify(first.simData)));
    const again = await simulate(loadNetwork(raw), { backend: 'cpu' });
    expect(again.simData.spkt).toEqual(first.simData.spkt);
    expect(again.simData.spkid).toEqual(first.simData.spkid);
    // the modified weights come from the file: re-creating from netParams alone differs
    const fresh = await simulate(create(spec), { backend: 'cpu' });
    expect(fresh.simData.spkt.length).not.toBe(first.simData.spkt.length);
  });
});

it('packs simData into typed arrays and back exactly', () => {
  const simData = {
    spkt: [0.1, 2.5, 1e-10 + 3],
    spkid: [3, 0, 7],
    t: [0, 0.1, 0.2],
    avgRate: 12.5,
    V_soma: { cell_0: [-65, -64.999999999, 20.25] },
    popRates: { S: 1 },
  };
  const { json, bytes } = packSimData(simData);
  expect(json.spkid).toEqual({ $binary: [24, 3, 'i32'] });
  expect(bytes.byteLength).toBe(24 + 16 + 24 + 24);
  expect(unpackSimData(json, bytes)).toEqual(simData);
  expect(() => unpackSimData({ spkt: { $binary: [0, 99, 'f64'] } }, bytes)).toThrow('simData.spkt: [0,99,"f64"] lies outside the 88-byte binary file');
});

describe('refuses files whose net.cells differ from their netParams', () => {
  const original = () => JSON.parse(readFileSync(netpyneFile, 'utf8'));
  it('names the connection', () => {
    const raw = original();
    raw.net.cells[25].conns[1].preGid = 7;
    expect(() => loadNetwork(raw)).toThrow(/saved data: net.cells\[25\].conns\[1\].preGid = 7, but its netParams give \d+/);
  });
  it('names the section value', () => {
    const raw = original();
    raw.net.cells[3].secs.soma.geom.L = 20;
    expect(() => loadNetwork(raw)).toThrow('saved data: net.cells[3].secs.soma.geom.L = 20, but its netParams give 18.8');
  });
  it('says that compactConnFormat files are not loaded', () => {
    const raw = original();
    raw.net.cells[0].conns = [[0, 'soma', 0.5, 'exc', 0.01, 5]];
    expect(() => loadNetwork(raw)).toThrow('compactConnFormat, which spikegpu does not load');
  });
  it('needs net.params and net.cells', () => {
    const raw = original();
    delete raw.net.params;
    expect(() => loadNetwork(raw)).toThrow(LoadError);
    expect(() => loadNetwork({ simConfig: {} })).toThrow("saved data: no net.cells (save with simConfig.saveDataInclude containing 'netCells')");
  });
});
