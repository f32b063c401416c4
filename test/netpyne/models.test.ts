import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MECHANISMS, checkAnalysis, create, loadSpec, simulate, validateModel } from '../../src/index.ts';
import { sectionLength } from '../../src/network/cell-geometry.ts';
import { modFolder } from '../helpers/mods.ts';

// NetPyNE's own tutorial files and examples/ models, dumped to JSON exactly as NetPyNE holds
// them (scripts/netpyne-refs), run as written for the reference's duration on the CPU f64
// backend: every spike equals NetPyNE 1.1 + NEURON 8.2.2's (gid, and time to the last bit), every
// cell got NetPyNE's cell rules and section sizes, every cell NetPyNE's number of connections
// with the same summed weights and delays. Models that need what spikegpu lacks are refused by
// validation with the reason in test/data/netpyne/models.json (the README's table). A model that
// ships mod files runs with them (its `mods` folder), as NetPyNE users run it.

const DATA = resolve(__dirname, '../data/netpyne');
const read = (file: string) => JSON.parse(readFileSync(resolve(DATA, file), 'utf8'));
const { models } = read('models.json') as { models: Array<{ name: string; status: string; error?: string; mods?: string }> };

describe.each(models.filter((m) => m.status === 'exact'))('$name', ({ name, mods }) => {
  it("runs as written and reproduces NetPyNE's network and spikes exactly", async () => {
    const ref = read(`${name}.ref.json`);
    const spec = loadSpec(readFileSync(resolve(DATA, `${name}.spec.json`), 'utf8'), name);
    spec.simConfig.duration = ref.duration;
    const mechanisms = mods ? modFolder(mods) : undefined;
    const checked = validateModel(spec, mechanisms ?? BUILTIN_MECHANISMS, 'all');
    checkAnalysis(checked.netParams, checked.simConfig, checked.diagnostics);
    expect(checked.diagnostics.errors).toEqual([]);
    const net = create(spec, { mechanisms });
    expect([net.cellCount, net.connCount]).toEqual([ref.numCells, ref.numConns]);
    const d = net.data;
    for (const [gid, pop, rules, secs] of ref.cells as Array<[number, string, string[], Record<string, [number, number]>]>) {
      const c = net.indexOfGid(gid);
      const cell = net.cell(c) as unknown as { tags: { pop: string; label?: string[] }; secs: Record<string, { geom: { diam: number } }> };
      expect([cell.tags.pop, cell.tags.label ?? []], `gid ${gid}`).toEqual([pop, rules]);
      const template = d.templates[d.cells.template[c]];
      for (const [sec, [diam, L]] of Object.entries(secs)) {
        const s = template.sectionIndex.get(sec)!;
        expect(sectionLength(template, d.cells, c, s, d.simConfig), `L of gid ${gid} ${sec}`).toBe(L);
        // a section of 3-D points has NEURON's averaged diameter (its geom keeps the rule's, as NetPyNE saves it)
        if (!template.sections[s].pt3d) expect(cell.secs[sec].geom.diam, `diam of gid ${gid} ${sec}`).toBe(diam);
      }
    }
    for (const [gid, count, weights, delays] of ref.conns as number[][]) {
      const conns = net.cell(net.indexOfGid(gid)).conns as Array<{ weight: number; delay: number }>;
      expect(conns.length, `conns of gid ${gid}`).toBe(count);
      expect(conns.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(weights, 12);
      expect(conns.reduce((s, c) => s + c.delay, 0)).toBeCloseTo(delays, 9);
    }
    const { simData } = await simulate(net, { backend: 'cpu' });
    expect(simData.spkid).toEqual(ref.spkid);
    expect(simData.spkt).toEqual(ref.spkt);
  }, 120_000);
});

describe.each(models.filter((m) => m.status === 'refused'))('$name', ({ name, error }) => {
  it('is refused up front, saying what it needs', () => {
    const { diagnostics } = validateModel(loadSpec(readFileSync(resolve(DATA, `${name}.spec.json`), 'utf8'), name), BUILTIN_MECHANISMS);
    expect(diagnostics.errors.length).toBeGreaterThan(0);
    expect(diagnostics.errors.map((d) => d.message).join('\n')).toContain(error);
  });
});
