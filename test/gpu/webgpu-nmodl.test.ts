import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsupportedOnGpu } from '../../src/backend/webgpu/layout.ts';
import { createSimulate, withModFiles } from '../../src/index.ts';
import { testDevice } from '../helpers/gpu.ts';
import { corpusModFile } from '../helpers/mods.ts';

// The compiled mod files of the NEURON differential test (test/nmodl/neuron-diff.test.ts) on the
// WebGPU backend (f32), in the same one-cell protocols: v within DESIGN's 0.05 mV RMS of NEURON,
// the spikes in the same steps, and the recorded ion variables (segment ions, concentrations
// written by cad-like mechanisms) within the bound given below. A file WebGPU cannot run yet must say why with one of the reasons listed here, and the
// number that run is fixed, so coverage cannot shrink silently.

const DATA = resolve(__dirname, '../data/nmodl');
const index: Array<{ file: string; name: string; mechanism: string; status: string }> = JSON.parse(readFileSync(join(DATA, 'index.json'), 'utf8'));

/** What WebGPU does not run yet (the CPU backend does; `auto` picks it and says why). */
const GPU_LIMITS = [
  /a point process writing an ion current/, // instances on one node would add into the segment's current at once
  /a NET_RECEIVE that is not linear in its weights/,
  /state kept per NetCon/,
];
/**
 * Files whose protocol f32 cannot compute, with the reason: WebGPU runs them, and their v must be
 * non-finite (so that the exception hides nothing else); the CPU backend's f64 is NEURON's.
 */
const F32_BREAKDOWN: Record<string, string> = {
  // vpeer = 0 > vth: sinf = tanh(10) is 1 - 4e-9 in f64 but 1 in f32, and s' divides by 1 - sinf
  GradedSyn: '1 - tanh(10) is 0 in f32',
};
/** Files that run on WebGPU (of the 143 compiled ones NEURON runs). */
const ON_GPU = 130;

const load = corpusModFile;

const compiled = index.filter((e) => e.status === 'ok' && load(e.file).mechanisms.refusal(e.mechanism) === undefined && !e.name.startsWith('VecStim__'));
const ran = new Set<string>();

describe('compiled mod files on WebGPU against NEURON', () => {
  it.each(compiled.map((e) => [e.name, e.file, e.mechanism]))('%s (%s)', async (name, file) => {
    const d = await testDevice();
    if (!d) return;
    const spec = JSON.parse(readFileSync(join(DATA, `${name}.spec.json`), 'utf8'));
    const ref = JSON.parse(readFileSync(join(DATA, `${name}.ref.json`), 'utf8'));
    let simData: Awaited<ReturnType<typeof createSimulate>>['simData'];
    try {
      ({ simData } = await createSimulate(spec, { mechanisms: load(file).mechanisms, backend: 'webgpu', device: d }));
    } catch (e) {
      expect(e).toBeInstanceOf(UnsupportedOnGpu);
      expect(
        GPU_LIMITS.some((re) => re.test((e as Error).message)),
        (e as Error).message,
      ).toBe(true);
      return;
    }
    if (name in F32_BREAKDOWN) {
      const v = (simData as unknown as Record<string, Record<string, number[]>>).v_soma.cell_0;
      expect(
        v.some((x) => !Number.isFinite(x)),
        F32_BREAKDOWN[name],
      ).toBe(true);
      return;
    }
    ran.add(name);
    const step = (t: number) => Math.round(t / ref.dt);
    expect(simData.spkt.map(step)).toEqual(ref.spkt.map(step));
    const got = (simData as unknown as Record<string, Record<string, number[]>>).v_soma.cell_0;
    const want: number[] = ref.traces.v_soma.cell_0;
    expect(got.length).toBe(want.length);
    const rms = Math.sqrt(want.reduce((s, w, k) => s + (got[k] - w) ** 2, 0) / want.length);
    expect(rms).toBeLessThanOrEqual(0.05);
    for (const [trace, cells] of Object.entries<Record<string, number[]>>(ref.traces)) {
      if (!trace.startsWith('ion_')) continue;
      const g = (simData as unknown as Record<string, Record<string, number[]>>)[trace]?.cell_0 ?? [];
      const w = cells.cell_0;
      const scale = Math.max(...w.map(Math.abs));
      expect(g.length, trace).toBe(w.length);
      // ion variables (e, i, concentrations) have no DESIGN bound: RMS within 1e-3 of the trace's
      // largest magnitude (f32 over 2 000 steps, and v's own error through the currents; the largest
      // measured on llvmpipe is 3e-4, hh3's ina)
      expect(Math.sqrt(w.reduce((s, x, k) => s + (g[k] - x) ** 2, 0) / w.length), trace).toBeLessThanOrEqual(1e-3 * (scale || 1));
    }
  });

  it(`runs ${ON_GPU} of the ${compiled.length} on WebGPU`, async () => {
    if (!(await testDevice())) return;
    expect(ran.size).toBe(ON_GPU);
  });
});

describe('a point process writing an ion current on WebGPU', () => {
  it('is refused when two instances share a node (their ica would be added at once)', async () => {
    const d = await testDevice();
    if (!d) return;
    const name = 'MyExp2SynNMDABB__M1detailed';
    const spec = JSON.parse(readFileSync(join(DATA, `${name}.spec.json`), 'utf8'));
    const conns = spec.netParams.connParams;
    conns['stim->cell 2'] = { ...conns['stim->cell'] };
    const mechanisms = load('examples/M1detailed/mod/MyExp2SynNMDABB.mod').mechanisms;
    await expect(createSimulate(spec, { mechanisms, backend: 'webgpu', device: d })).rejects.toThrow(
      /MyExp2SynNMDABB \(a point process writing an ion current, two of them on one node/,
    );
  });
});

describe('C math in mod files on WebGPU', () => {
  it('tanh is -1, 0.154 and 1 where the CPU says so, large arguments included', async () => {
    const d = await testDevice();
    if (!d) return;
    const text = 'NEURON { SUFFIX th RANGE a, b, c }\nASSIGNED { a b c v }\nBREAKPOINT { a = tanh(v*10)\n b = tanh(0.155 + 0*v)\n c = tanh(-v*1000) }\n';
    const { mechanisms } = withModFiles([{ file: 'th.mod', text }]);
    const trace = (v: string) => ({ sec: 'soma', loc: 0.5, mech: 'th', var: v });
    const spec = {
      netParams: { popParams: { P: { cellType: 'C', numCells: 1 } }, cellParams: { C: { secs: { soma: { geom: { diam: 10, L: 10 }, mechs: { th: {} } } } } } },
      simConfig: { duration: 1, dt: 0.025, recordCells: [0], recordTraces: { a: trace('a'), b: trace('b'), c: trace('c') } },
    };
    const { simData } = await createSimulate(spec, { mechanisms, backend: 'webgpu', device: d });
    const got = simData as unknown as Record<string, Record<string, number[]>>;
    const at = (name: string) => new Set(got[name].cell_0.slice(1));
    expect(at('a')).toEqual(new Set([-1]));
    // WGSL's tanh is not correctly rounded (its accuracy is inherited from sinh/cosh): a few f32 ulps
    for (const b of at('b')) expect(Math.abs(b - Math.tanh(0.155))).toBeLessThanOrEqual(4 * 2 ** -23 * Math.tanh(0.155));
    expect(at('c')).toEqual(new Set([1]));
  });
});
