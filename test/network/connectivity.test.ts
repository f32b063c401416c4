import { describe, expect, it } from 'vitest';
import { create, hashList, hashStr, NeuronRandom, Random123Stream } from '../../src/index.ts';

// Connectivity, synapse placement, stimulation and subcellular redistribution, checked against
// independent recomputation from NetPyNE's formulas and streams (network/conn.py, stim.py,
// subconn.py, cell/compartCell.py).

const cell = {
  secs: {
    soma: { geom: { L: 20, diam: 20 }, mechs: { hh: {} } },
    dend: { geom: { L: 200, diam: 2, nseg: 5 }, topol: { parentSec: 'soma', parentX: 1, childX: 0 }, mechs: { pas: {} } },
    apic: { geom: { L: 100, diam: 2 }, topol: { parentSec: 'soma', parentX: 0, childX: 0 }, mechs: { pas: {} } },
  },
  secLists: { dends: ['dend', 'apic'] },
};

function spec(connParams: Record<string, unknown>, extra: Record<string, unknown> = {}, simConfig: Record<string, unknown> = {}): any {
  return {
    netParams: {
      cellParams: { C: cell },
      popParams: { A: { cellType: 'C', numCells: 12 }, B: { cellType: 'C', numCells: 10 } },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 }, inh: { mod: 'ExpSyn', tau: 10, e: -80 } },
      connParams,
      ...extra,
    },
    simConfig: { duration: 100, ...simConfig },
  };
}

const A2B = { preConds: { pop: 'A' }, postConds: { pop: 'B' } };

/** All conns as [pre gid, post gid, sec, loc, synMech, weight, delay], in per-cell order. */
function conns(n: ReturnType<typeof create>): any[] {
  return n.cells.flatMap((c) => c.conns.map((k) => ({ ...k, post: c.gid })));
}

describe('connectivity functions', () => {
  it('probConn: connects exactly the pairs whose draw 1 + ipre*nPost + ipost is <= the probability', () => {
    const n = create(spec({ r: { ...A2B, probability: '0.9*exp(-dist_3D/60)', weight: 0.01 } }));
    const pre = n.pops.A.cellGids;
    const post = n.pops.B.cellGids;
    const stream = new Random123Stream(hashList(pre), hashList(post), 1);
    const expected = new Set<string>();
    pre.forEach((g, i) =>
      post.forEach((h, j) => {
        const a = n.cells[n.indexOfGid(g)].tags as Record<string, number>;
        const b = n.cells[n.indexOfGid(h)].tags as Record<string, number>;
        const p = 0.9 * Math.exp(-Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2 + (a.z - b.z) ** 2) / 60);
        const u = (stream.uint32At(1 + i * post.length + j) + 1) / 4294967297;
        if (Math.abs(p - u) > 1e-12 && p >= u) expected.add(`${g}-${h}`);
      }),
    );
    const got = new Set(conns(n).map((c) => `${c.preGid}-${c.post}`));
    for (const e of expected) expect(got.has(e), e).toBe(true);
    expect(got.size).toBeGreaterThan(10);
    expect(Math.abs(got.size - expected.size)).toBeLessThanOrEqual(1);
  });

  it('convConn: every post cell receives round(conv) distinct pre cells, visited in ascending gid', () => {
    const n = create(spec({ r: { preConds: { pop: ['A', 'B'] }, postConds: { pop: 'B' }, convergence: 6.5 } }));
    for (const gid of n.pops.B.cellGids) {
      const pres = n.cells[n.indexOfGid(gid)].conns.map((c) => c.preGid as number);
      expect(pres.length).toBeLessThanOrEqual(6); // round(6.5) = 6 (half to even); a self draw is replaced
      expect(pres.length).toBeGreaterThanOrEqual(5);
      expect(new Set(pres).size).toBe(pres.length);
      expect([...pres].sort((a, b) => a - b)).toEqual(pres);
      expect(pres).not.toContain(gid);
    }
  });

  it('convConn: draws come from Random123(hashList(pre), postGid, seeds.conn) via randUniqueInt', () => {
    const n = create(spec({ r: { ...A2B, convergence: 3 } }));
    const pre = n.pops.A.cellGids;
    const post = n.pops.B.cellGids[4];
    const r = new NeuronRandom(hashList(pre), post, 1);
    r.discunif(0, pre.length - 1);
    const picks: number[] = [];
    while (picks.length < 4) {
      const x = Math.trunc(r.repick());
      if (!picks.includes(x)) picks.push(x);
    }
    const expected = picks
      .slice(0, 3)
      .map((i) => pre[i])
      .sort((a, b) => a - b);
    expect(n.cells[n.indexOfGid(post)].conns.map((c) => c.preGid)).toEqual(expected);
  });

  it('divConn: every pre cell projects to round(div) distinct post cells', () => {
    const n = create(spec({ r: { ...A2B, divergence: 4 } }));
    const perPre = new Map<number, number>();
    for (const c of conns(n)) perPre.set(c.preGid as number, (perPre.get(c.preGid as number) ?? 0) + 1);
    expect([...perPre.values()]).toEqual(Array(12).fill(4));
  });

  it('fullConn connects all pairs but self-connections; allowSelfConns keeps them', () => {
    expect(conns(create(spec({ r: { preConds: { pop: 'B' }, postConds: { pop: 'B' } } }))).length).toBe(90);
    expect(conns(create(spec({ r: { preConds: { pop: 'B' }, postConds: { pop: 'B' } } }, {}, { allowSelfConns: true }))).length).toBe(100);
  });

  it('fromListConn indexes the sorted gid lists and takes per-connection weights', () => {
    const n = create(
      spec({
        r: {
          ...A2B,
          connList: [
            [0, 1],
            [11, 9],
            [3, 1],
          ],
          weight: [0.1, 0.2, 0.3],
          delay: 2,
        },
      }),
    );
    expect(conns(n).map((c) => [c.preGid, c.post, c.weight, c.delay])).toEqual([
      [0, 13, 0.1, 2],
      [3, 13, 0.3, 2],
      [11, 21, 0.2, 2],
    ]);
  });
});

describe('connection parameters', () => {
  it('draws weight functions from Random123(preGid, postGid, seeds.conn), reseeded per connection', () => {
    const n = create(spec({ r: { ...A2B, convergence: 2, weight: 'uniform(0.01, 0.02)', delay: '1 + dist_3D/propVelocity' } }));
    for (const c of conns(n)) {
      expect(c.weight).toBe(new NeuronRandom(c.preGid as number, c.post, 1).uniform(0.01, 0.02));
    }
  });

  it('scales weights by scaleConnWeight and per-synMech factors, one conn per synMech', () => {
    const n = create(
      spec({ r: { ...A2B, convergence: 1, synMech: ['exc', 'inh'], weight: 2, synMechWeightFactor: [0.5, 0.25], delay: [1, 3] } }, { scaleConnWeight: 0.1 }),
    );
    const all = conns(n);
    expect(all.length).toBe(20);
    for (let i = 0; i < all.length; i += 2) {
      expect([all[i].synMech, all[i].weight, all[i].delay]).toEqual(['exc', 0.1 * (2 * 0.5), 1]);
      expect([all[i + 1].synMech, all[i + 1].weight, all[i + 1].delay, all[i + 1].preGid]).toEqual(['inh', 0.1 * (2 * 0.25), 3, all[i].preGid]);
    }
  });

  it('spreads synsPerConn synapses over one section at (i + 0.5)/n', () => {
    const n = create(spec({ r: { ...A2B, connList: [[0, 0]], synsPerConn: 4, sec: 'dend' } }));
    expect(conns(n).map((c) => [c.sec, c.loc])).toEqual([0, 1, 2, 3].map((i) => ['dend', i / 4 + 1 / 4 / 2]));
  });

  it('distributes synsPerConn uniformly along a section list, locs measured from each far end', () => {
    const n = create(spec({ r: { ...A2B, connList: [[0, 0]], synsPerConn: 3, sec: 'dends' } }));
    // dend (200 um) then apic (100 um): positions 50, 150, 250 um
    expect(conns(n).map((c) => [c.sec, c.loc])).toEqual([
      ['dend', (200 - 50) / 200],
      ['dend', (200 - 150) / 200],
      ['apic', (300 - 250) / 100],
    ]);
  });

  it('picks one section of a list with Random123(hashStr("connSynMechsSecs"), postGid, preGid)', () => {
    const n = create(spec({ r: { ...A2B, convergence: 3, sec: ['dend', 'apic'], loc: [0.3, 0.7] } }));
    for (const c of conns(n)) {
      const pos = Math.trunc(new NeuronRandom(hashStr('connSynMechsSecs'), c.post, c.preGid as number).discunif(0, 1));
      expect([c.sec, c.loc]).toEqual([['dend', 'apic'][pos], [0.3, 0.7][pos]]);
    }
  });

  it('multiplies weights by the section weightNorm at int(round(loc*nseg)) - 1', () => {
    const withNorm = { ...cell, secs: { ...cell.secs, dend: { ...cell.secs.dend, weightNorm: [1, 2, 3, 4, 5] } } };
    const n = create({
      ...spec({ r: { ...A2B, connList: [[0, 0]], sec: 'dend', loc: 0.7, weight: 0.5 } }),
      netParams: { ...spec({}).netParams, cellParams: { C: withNorm }, connParams: { r: { ...A2B, connList: [[0, 0]], sec: 'dend', loc: 0.7, weight: 0.5 } } },
    });
    expect(conns(n)[0].weight).toBe(0.5 * 4); // round(3.5) = 4 (half to even) -> index 3
  });

  it('evaluates synMech string parameters per synapse from the post cell stream', () => {
    const s = spec({
      r: {
        ...A2B,
        connList: [
          [0, 0],
          [1, 0],
        ],
      },
    });
    s.netParams.synMechParams.exc.tau2 = 'uniform(4, 6)' as unknown as number;
    const n = create(s);
    const post = n.cells[n.indexOfGid(12)];
    const r = new NeuronRandom(hashStr('cellParams'), 12, 1);
    const syns = post.secs.soma.synMechs as Array<Record<string, number>>;
    expect(syns.map((x) => x.tau2)).toEqual([r.uniform(4, 6), r.uniform(4, 6)]);
  });
});

describe('stimulation', () => {
  it('evaluates IClamp string parameters over target cells in ascending gid from Random123(hashStr("stim_IClamp"), hashList(gids), seeds.stim)', () => {
    const n = create(
      spec(
        {},
        {
          stimSourceParams: { ic: { type: 'IClamp', del: 5, dur: 50, amp: 'uniform(0.1, 0.2)' } },
          stimTargetParams: { t: { source: 'ic', conds: { pop: 'B', cellList: [1, 3] }, sec: 'soma', loc: 0.5 } },
        },
      ),
    );
    const targets = [n.pops.B.cellGids[1], n.pops.B.cellGids[3]];
    const r = new NeuronRandom(hashStr('stim_IClamp'), hashList(targets), 1);
    const amps = targets.map(() => r.uniform(0.1, 0.2));
    targets.forEach((gid, i) => {
      expect(n.cells[n.indexOfGid(gid)].stims).toEqual([{ label: 't', source: 'ic', sec: 'soma', loc: 0.5, type: 'IClamp', del: 5, dur: 50, amp: amps[i] }]);
    });
    expect(n.data.stims.count).toBe(2);
  });

  it('gives every NetStim on a cell the same stream (NetPyNE quirk) unless switched off', () => {
    const stims = {
      stimSourceParams: { bkg: { type: 'NetStim', rate: 10, noise: 0.5 } },
      stimTargetParams: { t: { source: 'bkg', conds: { pop: 'B' }, synsPerConn: 2, sec: 'dend', weight: 0.01, delay: 5 } },
    };
    const warnings: string[] = [];
    const quirky = create(spec({}, stims), { onWarning: (w) => warnings.push(w) });
    const ids = quirky.data.stims.streamIds;
    expect([ids[0], ids[1], ids[2]]).toEqual([hashStr('NetStim'), 12, 1]);
    expect([ids[3], ids[4], ids[5]]).toEqual([ids[0], ids[1], ids[2]]);
    expect(warnings.join('\n')).toContain('sharedNetStimStream');
    const fixed = create(spec({}, stims, { netpyneQuirks: { sharedNetStimStream: false } }));
    expect(fixed.data.stims.streamIds[0]).not.toBe(fixed.data.stims.streamIds[3]);
    expect(quirky.cells[12].conns.map((c) => [c.preGid, c.preLabel, c.sec])).toEqual([
      ['NetStim', 'bkg', 'dend'],
      ['NetStim', 'bkg', 'dend'],
    ]);
  });
});

describe('subcellular connectivity', () => {
  it("redistributes the selected synapses uniformly over the given sections, sorted by NetPyNE's string key", () => {
    const n = create(
      spec(
        { r: { ...A2B, convergence: 4, sec: 'soma' } },
        {
          subConnParams: { s: { preConds: { pop: 'A' }, postConds: { pop: 'B' }, sec: 'dends', density: 'uniform' } },
        },
      ),
    );
    for (const gid of n.pops.B.cellGids) {
      const cs = n.cells[n.indexOfGid(gid)].conns;
      const placed = cs.map((c) => [c.sec, c.loc]).sort();
      expect(placed).toEqual(
        [
          ['apic', (300 - 262.5) / 100],
          ['dend', (200 - 112.5) / 200],
          ['dend', (200 - 187.5) / 200],
          ['dend', (200 - 37.5) / 200],
        ].sort(),
      );
    }
  });
});
