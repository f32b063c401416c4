import { describe, expect, it } from 'vitest';
import { create, NeuronRandom } from '../../src/index.ts';

// Population features beyond the tutorial fixtures, checked against independent recomputation
// from NetPyNE's formulas (network/pop.py) and the same Random123 streams.

const soma = { secs: { soma: { geom: { diam: 10, L: 10 }, mechs: { pas: {} } } } };

function net(popParams: Record<string, unknown>, extra: Record<string, unknown> = {}, simConfig: Record<string, unknown> = {}) {
  return create({ netParams: { cellParams: { C: soma }, popParams, ...extra }, simConfig: { duration: 100, ...simConfig } });
}

describe('populations', () => {
  it('keeps insertion order of JSON keys, integer-like labels included (gids follow popParams order)', () => {
    const json =
      '{"netParams": {"cellParams": {"C": {"secs": {"soma": {}}}}, "popParams": {"2": {"cellType": "C", "numCells": 3}, "1": {"cellType": "C", "numCells": 2}}}}';
    const n = create(json);
    expect(Object.keys(n.pops)).toEqual(['2', '1']);
    expect(n.pops['2'].cellGids).toEqual([0, 1, 2]);
    expect(n.pops['1'].cellGids).toEqual([3, 4]);
  });

  it('places numCells cells with draws 1.. of Random123(numCells, lastGid, seeds.loc), rescaled to the ranges', () => {
    const n = net({ A: { cellType: 'C', numCells: 4 }, B: { cellType: 'C', numCells: 3, yRange: [20, 60], xnormRange: [0.5, 1] } }, { sizeY: 200 });
    const r = new NeuronRandom(3, 4, 1);
    r.uniform(0, 1);
    const u = r.setrand(9);
    for (let i = 0; i < 3; i++) {
      const t = n.cells[4 + i].tags as Record<string, number>;
      expect(t.xnorm).toBe(u[3 * i] * (1 - 0.5) + 0.5);
      expect(t.ynorm).toBe(u[3 * i + 1] * (60 / 200 - 20 / 200) + 20 / 200);
      expect(t.y).toBe(200 * t.ynorm);
      expect(t.znorm).toBe(u[3 * i + 2]);
    }
    expect(n.pops.B.tags.ynormRange).toEqual([0.1, 0.3]);
  });

  it('scales numCells by netParams.scale but advances gids by the unscaled count (NetPyNE)', () => {
    const n = net({ A: { cellType: 'C', numCells: 10 }, B: { cellType: 'C', numCells: 4 } }, { scale: 0.5 });
    expect(n.pops.A.cellGids).toEqual([0, 1, 2, 3, 4]);
    expect(n.pops.B.cellGids).toEqual([10, 11]);
  });

  it('lays out gridSpacing pops over np.arange(0, size + 1, spacing), x outermost', () => {
    const n = net({ G: { cellType: 'C', gridSpacing: 50 } });
    expect(n.cellCount).toBe(27);
    expect(n.cells.slice(0, 4).map((c) => [c.tags.x, c.tags.y, c.tags.z])).toEqual([
      [0, 0, 0],
      [0, 0, 50],
      [0, 0, 100],
      [0, 50, 0],
    ]);
    expect(n.cells[26].tags.xnorm).toBe(1);
  });

  it('takes cellsList positions (absolute or normalised, missing = 0) and keeps extra tags for conds', () => {
    const n = net({
      L: {
        cellType: 'C',
        cellsList: [
          { x: 10, ynorm: 0.5, cellLabel: 'a' },
          { xnorm: 0.25, z: 30, cellLabel: 'b' },
        ],
      },
    });
    expect(n.cells[0].tags).toMatchObject({ x: 10, xnorm: 0.1, y: 50, ynorm: 0.5, z: 0, znorm: 0, cellLabel: 'a' });
    expect(n.cells[1].tags).toMatchObject({ x: 25, xnorm: 0.25, z: 30, znorm: 0.3, cellLabel: 'b' });
  });

  it('derives numCells from a numeric density over the (ranged) volume', () => {
    const n = net({ D: { cellType: 'C', density: 80000, ynormRange: [0, 0.5] } }, { sizeX: 200, sizeY: 300, sizeZ: 100 });
    expect(n.cellCount).toBe(Math.trunc(80000 * (((((300 / 1e3) * 200) / 1e3) * 100) / 1e3) * 0.5));
  });

  it('samples a density function of one coordinate within its range, reproducibly', () => {
    const spec = { D: { cellType: 'C', density: '2e5*ynorm', ynormRange: [0.2, 0.8] } };
    const a = net(spec);
    const b = net(spec);
    expect(a.cellCount).toBeGreaterThan(30);
    expect(a.cells.map((c) => c.tags.ynorm)).toEqual(b.cells.map((c) => c.tags.ynorm));
    for (const c of a.cells) expect(c.tags.ynorm).toBeGreaterThanOrEqual(0.2);
    // denser at high ynorm, as the function asks
    const high = a.cells.filter((c) => (c.tags.ynorm as number) > 0.5).length;
    expect(high).toBeGreaterThan(a.cellCount - high);
  });

  it.each(['cylinder', 'ellipsoid'])('keeps %s pops inside the shape', (shape) => {
    const n = net({ A: { cellType: 'C', numCells: 200 } }, { shape });
    for (const c of n.cells) {
      const t = c.tags as Record<string, number>;
      const r2 = (t.xnorm - 0.5) ** 2 + (t.znorm - 0.5) ** 2 + (shape === 'ellipsoid' ? (t.ynorm - 0.5) ** 2 : 0);
      expect(r2).toBeLessThanOrEqual(0.25 + 1e-12);
    }
  });

  it('applies every matching cell rule in order: label rules and conds rules', () => {
    const n = create({
      netParams: {
        cellParams: {
          C: { secs: { soma: { geom: { L: 10, diam: 10 }, mechs: { hh: {} } } } },
          deep: { conds: { cellType: 'C', ynorm: [0.5, 1.0] }, secs: { soma: { mechs: { hh: { gnabar: 0.2 } } } } },
        },
        popParams: { A: { cellType: 'C', numCells: 30 } },
      },
    });
    let deep = 0;
    for (let i = 0; i < n.cellCount; i++) {
      const isDeep = (n.cells[i].tags.ynorm as number) >= 0.5;
      deep += Number(isDeep);
      expect(n.cells[i].tags.label).toEqual(isDeep ? ['C', 'deep'] : ['C']);
      expect(n.realisedSections(i).soma.mechs.hh.gnabar[0]).toBe(isDeep ? 0.2 : 0.12);
    }
    expect(deep).toBeGreaterThan(0);
  });

  it('evaluates per-segment mechanism functions with dist_path along the tree', () => {
    const n = create({
      netParams: {
        cellParams: {
          C: {
            secs: {
              soma: { geom: { L: 20, diam: 20 } },
              dend: { geom: { L: 100, diam: 2, nseg: 4 }, topol: { parentSec: 'soma', parentX: 1, childX: 0 }, mechs: { pas: { g: '1e-4 * dist_path' } } },
            },
          },
        },
        popParams: { A: { cellType: 'C', numCells: 1 } },
      },
    });
    // soma(0.5) -> soma(1): 10 um, then (i + 0.5)/4 of the 100 um dendrite
    expect(n.realisedSections(0).dend.mechs.pas.g).toEqual([22.5, 47.5, 72.5, 97.5].map((d) => 1e-4 * d));
  });
});

describe('artificial cells', () => {
  it('builds NetStim pops with NetPyNE defaults: interval from rate, number 1e9, start left at 50 ms', () => {
    const n = net({ N: { cellModel: 'NetStim', numCells: 2, rate: 20, noise: 0.3 } });
    expect(n.data.pointCells.mechParams[0]).toEqual({ interval: 50, number: 1e9, start: 50, noise: 0.3 });
    expect(n.cells[0].params).toMatchObject({ rate: 20, interval: 50, noise: 0.3, seed: 1 });
    expect(n.cells[0].tags).toMatchObject({ pop: 'N', cellModel: 'NetStim' });
  });

  it('draws a rate range per cell from Random123(hashStr("point_rate"), gid, seeds.stim)', () => {
    const n = net({ N: { cellModel: 'NetStim', numCells: 3, rate: [5, 15] } });
    const ref = new NeuronRandom(2900934879, 2, 1).uniform(5, 15);
    expect(n.cells[2].params!.rate).toBe(ref);
    expect(n.data.pointCells.mechParams[2].interval).toBe(1000 / ref);
  });

  it('replays VecStim spkTimes (one list or one per cell), sorted and cut at the duration', () => {
    const n = net({ V: { cellModel: 'VecStim', numCells: 2, spkTimes: [[30, 10, 150], [5]] } });
    const { spikeStart, spikeTimes } = n.data.pointCells;
    expect(Array.from(spikeTimes.subarray(spikeStart[0], spikeStart[1]))).toEqual([10, 30]);
    expect(Array.from(spikeTimes.subarray(spikeStart[1], spikeStart[2]))).toEqual([5]);
  });

  it('builds VecStim rate trains: fixed (1-noise) intervals plus negexp(noise*interval) draws', () => {
    const n = net({ V: { cellModel: 'VecStim', numCells: 1, rate: 50, noise: 0.5, start: 10 } });
    const r = new NeuronRandom(766627038, 0, 1);
    r.negexp(0.5 * 20);
    const count = Math.trunc(((1 + 1.5 * 0.5) * 100) / 20);
    const expected: number[] = [];
    let t = 0;
    for (let i = 0; i < count; i++) expected.push((t += 0.5 * 20 + r.repick()) + (10 - 20 * 0.5));
    const { spikeTimes } = n.data.pointCells;
    expect(Array.from(spikeTimes)).toEqual(expected.filter((s) => s <= 100).sort((a, b) => a - b));
  });

  it('adds VecStim pulses, clipped to each pulse window', () => {
    const n = net({ V: { cellModel: 'VecStim', numCells: 1, spkTimes: [1], pulses: [{ start: 20, end: 40, rate: 100 }] } });
    expect(Array.from(n.data.pointCells.spikeTimes)).toEqual([1, 20, 30]); // cumsum([10, 10]) + (start - interval)
  });

  it('sets IntFire parameters on top of NEURON defaults', () => {
    const n = net({ I: { cellModel: 'IntFire2', numCells: 1, taum: 15 } });
    expect(n.data.pointCells.mechParams[0]).toEqual({ taum: 15, taus: 20, ib: 0 });
  });

  it('reproduces the pop-level string parameter quirk, with a warning and a switch', () => {
    const spec = (quirk: boolean) => ({
      netParams: {
        cellParams: { S: { cellModel: 'NetStim', params: {} } },
        popParams: { P: { cellType: 'S', numCells: 2, start: 'uniform(1, 3)', rate: 10 } },
      },
      simConfig: { netpyneQuirks: { ignorePopStringParams: quirk } },
    });
    const warnings: string[] = [];
    const quirky = create(spec(true), { onWarning: (w) => warnings.push(w) });
    expect(quirky.data.pointCells.mechParams[0].start).toBe(50);
    expect(warnings.join('\n')).toContain('ignorePopStringParams');
    const fixed = create(spec(false));
    expect(fixed.data.pointCells.mechParams[0].start).toBe(new NeuronRandom(391219005, 0, 1).uniform(1, 3));
  });
});
