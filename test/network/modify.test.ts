import { describe, expect, it } from 'vitest';
import { create, ModifyError, type Network } from '../../src/index.ts';
import { modifiedSynMechParams } from '../../src/network/index.ts';
import { ConditionError, conditionsMet } from '../../src/network/modify/conds.ts';

// Network.modifyCells / modifySynMechs / modifyConns / modifyStims (NetPyNE's sim.net.modify*):
// values change exactly where the conditions match and nowhere else; bad input names its path.

/** S (6 cells) and M (4) HH cells with a drawn diam, a NetStim pop bg (2), three conn rules, NetStim and IClamp stims. */
function spec() {
  return {
    netParams: {
      popParams: {
        S: { cellType: 'PYR', numCells: 6 },
        M: { cellType: 'PYR', numCells: 4 },
        bg: { cellModel: 'NetStim', rate: 10, noise: 0.5, numCells: 2 },
      },
      cellParams: {
        PYR: {
          secs: { soma: { geom: { diam: '19 + uniform(-0.5, 0.5)', L: 18.8, Ra: 123 }, mechs: { hh: { gnabar: 0.12, gkbar: 0.036, gl: 0.003, el: -70 } } } },
        },
      },
      synMechParams: { exc: { mod: 'Exp2Syn', tau1: 0.1, tau2: 5, e: 0 }, inh: { mod: 'Exp2Syn', tau1: 0.1, tau2: 2, e: -80 } },
      connParams: {
        'S->M': { preConds: { pop: 'S' }, postConds: { pop: 'M' }, probability: 1, weight: 0.01, delay: 5, synMech: 'exc' },
        'M->S': { preConds: { pop: 'M' }, postConds: { pop: 'S' }, convergence: 2, weight: 0.02, delay: 3, synMech: 'inh', loc: 0.3 },
        'bg->S': { preConds: { pop: 'bg' }, postConds: { pop: 'S' }, weight: 0.05, synMech: 'exc' },
      },
      stimSourceParams: { bkg: { type: 'NetStim', rate: 10, noise: 0.5 }, clamp: { type: 'IClamp', del: 10, dur: 100, amp: 0.1 } },
      stimTargetParams: {
        'bkg->PYR': { source: 'bkg', conds: { cellType: 'PYR' }, weight: 0.01, delay: 5, synMech: 'exc' },
        'clamp->M': { source: 'clamp', conds: { pop: 'M' }, sec: 'soma', loc: 0.5 },
      },
    },
    simConfig: { duration: 100, dt: 0.025 },
  };
}

const build = (s = spec()): Network => create(s as never);
const compart = (net: Network) => Array.from({ length: net.cellCount }, (_, i) => i).filter((i) => net.data.cells.template[i] >= 0);
const popOf = (net: Network, i: number) => net.cells[i].tags.pop;
const soma = (net: Network, i: number) => net.realisedSections(i).soma;

describe('conditions (sim.utils.checkConditions)', () => {
  const tags: Record<string, unknown> = { pop: 'S', ynorm: 0.5, label: ['PYR', 'extra'], n: 1 };
  const read = (k: string) => tags[k];
  it('lists of numbers are closed ranges, lists of strings membership, list tags containment, gid membership', () => {
    expect(conditionsMet({ ynorm: [0.5, 0.7] }, read)).toBe(true);
    expect(conditionsMet({ ynorm: [0.2, 0.5] }, read)).toBe(true);
    expect(conditionsMet({ ynorm: [0.51, 0.7] }, read)).toBe(false);
    expect(conditionsMet({ pop: ['M', 'S'] }, read)).toBe(true);
    expect(conditionsMet({ pop: ['M'] }, read)).toBe(false);
    expect(conditionsMet({ label: 'extra' }, read)).toBe(true);
    expect(conditionsMet({ label: 'other' }, read)).toBe(false);
    expect(conditionsMet({ gid: [3, 7] }, read, 7)).toBe(true);
    expect(conditionsMet({ gid: [3, 7] }, read, 5)).toBe(false); // membership, not a range
    expect(conditionsMet({ gid: 5 }, read, 5)).toBe(true);
  });
  it("uses Python's equality and raises where NetPyNE raises", () => {
    expect(conditionsMet({ n: 1.0 }, read)).toBe(true);
    expect(conditionsMet({ n: true }, read)).toBe(true);
    expect(conditionsMet({ missing: 'x' }, read)).toBe(false);
    expect(() => conditionsMet({ missing: [0, 1] }, read)).toThrow(ConditionError);
    expect(() => conditionsMet({ pop: [0, 1] }, read)).toThrow(ConditionError);
    expect(() => conditionsMet({ pop: [] }, read)).toThrow(ConditionError);
  });
});

describe('modifyCells', () => {
  it("changes only the matching cells' sections and keeps every cell's drawn values", () => {
    const net = build();
    const diam = compart(net).map((i) => soma(net, i).diam);
    expect(net.modifyCells({ conds: { pop: 'S' }, secs: { soma: { geom: { L: 160, cm: 2 }, mechs: { hh: { gl: 0.0005 } } } } })).toBe(6);
    for (const i of compart(net)) {
      const s = soma(net, i);
      const inS = popOf(net, i) === 'S';
      expect(s.L).toBe(inS ? 160 : 18.8);
      expect(s.cm).toBe(inS ? 2 : 1);
      expect(s.mechs.hh.gl).toEqual([inS ? 0.0005 : 0.003]);
      expect(s.mechs.hh.gnabar).toEqual([0.12]);
      expect(s.diam).toBe(diam[i]);
      expect((net.cells[i].secs.soma.geom as Record<string, unknown>).L).toBe(inS ? 160 : 18.8);
    }
    expect(net.data.templates.length).toBe(2);
  });

  it('matches ranges, gid lists and rule labels; overlapping modifications compose per cell', () => {
    const net = build();
    const low = compart(net).filter((i) => (net.cells[i].tags.ynorm as number) <= 0.5);
    expect(net.modifyCells({ conds: { ynorm: [0, 0.5] }, secs: { soma: { geom: { Ra: 50 } } } })).toBe(low.length);
    expect(net.modifyCells({ conds: { gid: [0, 7] }, secs: { soma: { mechs: { hh: { el: -60 } } } } })).toBe(2);
    expect(net.modifyCells({ conds: { label: 'PYR', pop: 'M' }, secs: { soma: { vinit: -70 } } })).toBe(4);
    for (const i of compart(net)) {
      const s = soma(net, i);
      expect(s.Ra).toBe(low.includes(i) ? 50 : 123);
      expect(s.mechs.hh.el).toEqual([i === 0 || i === 7 ? -60 : -70]);
      expect(net.data.templates[net.data.cells.template[i]].sections[0].vinit).toBe(popOf(net, i) === 'M' ? -70 : undefined);
    }
  });

  it('inserts a mechanism with NEURON defaults and sets ion reversal potentials', () => {
    const net = build();
    net.modifyCells({ conds: { pop: 'M' }, secs: { soma: { mechs: { pas: { g: 2e-4 } }, ions: { k: { e: -90 } } } } });
    for (const i of compart(net)) {
      const s = soma(net, i);
      if (popOf(net, i) === 'M') {
        expect(s.mechs.pas).toEqual({ g: [2e-4], e: [-70] });
        expect(s.ions.k).toBe(-90);
      } else {
        expect(s.mechs.pas).toBeUndefined();
        expect(s.ions.k).toBe(-77);
      }
    }
  });

  it('creates point processes anew with defaults for what is not given; gid values are per cell', () => {
    const s = spec();
    (s.netParams.cellParams.PYR.secs.soma as Record<string, unknown>).pointps = { izh: { mod: 'Izhi2007b', C: 1, k: 0.7, a: 0.02, loc: 0.3 } };
    const net = build(s);
    net.modifyCells({ conds: { pop: 'S' }, secs: { soma: { pointps: { izh: { mod: 'Izhi2007b', a: 0.1, cellid: 'gid' } } } } });
    for (const i of compart(net)) {
      const pp = soma(net, i).pointps.izh;
      const template = net.data.templates[net.data.cells.template[i]];
      if (popOf(net, i) === 'S') {
        expect([pp.a, pp.k, pp.cellid]).toEqual([0.1, 0.7, net.cells[i].gid]);
        expect(template.sections[0].pointps.get('izh')!.loc).toBe(0.5);
        expect((net.cells[i].secs.soma.pointps as any).izh).toMatchObject({ a: 0.1, loc: 0.3, cellid: net.cells[i].gid });
      } else {
        expect([pp.a, pp.cellid]).toEqual([0.02, -1]);
        expect(template.sections[0].pointps.get('izh')!.loc).toBe(0.3);
      }
    }
    expect(net.warnings.some((w) => w.includes('pointps.izh is created anew'))).toBe(true);
  });

  it('leaves artificial cells alone, as NetPyNE does, and says so', () => {
    const net = build();
    expect(net.modifyCells({ conds: {}, secs: { soma: { geom: { L: 30 } } } })).toBe(10);
    expect(net.warnings.some((w) => w.includes('2 artificial cell(s) match conds'))).toBe(true);
  });
});

describe('modifySynMechs', () => {
  it('sets parameters of the synapses on matching cells, sections and synMech dicts only', () => {
    const net = build();
    const n = net.modifySynMechs({ cellConds: { pop: 'S' }, conds: { sec: 'soma', label: 'inh', loc: [0.2, 0.4] }, tau2: 7.5, e: -75 });
    let count = 0;
    for (const i of compart(net)) {
      for (const sm of net.cells[i].secs.soma.synMechs as Array<Record<string, unknown>>) {
        const hit = popOf(net, i) === 'S' && sm.label === 'inh';
        if (hit) count++;
        expect([sm.tau2, sm.e]).toEqual(hit ? [7.5, -75] : sm.label === 'inh' ? [2, -80] : [5, 0]);
      }
    }
    expect(n).toBe(count);
    expect(count).toBe(12);
    const conns = net.data.conns;
    for (let i = 0; i < conns.count; i++) {
      const hit = conns.synMech[i] === 1 && popOf(net, conns.post[i]) === 'S';
      expect(modifiedSynMechParams(net.data, i)).toEqual(
        hit
          ? [
              ['tau2', 7.5],
              ['e', -75],
            ]
          : [],
      );
    }
  });

  it('includes the synapses of NetStim stims, and conds on synMechParams values', () => {
    const net = build();
    expect(net.modifySynMechs({ conds: { sec: null, tau2: 5 }, tau1: 0.2 })).toBe(
      net.data.conns.synMech.filter((m, i) => m === 0 && net.data.cells.template[net.data.conns.post[i]] >= 0).length,
    );
    const stimConn = net.cells[0].conns.findIndex((c) => c.preGid === 'NetStim');
    expect(stimConn).toBeGreaterThanOrEqual(0);
    expect((net.cells[0].secs.soma.synMechs as Array<Record<string, unknown>>).filter((s) => s.label === 'exc').every((s) => s.tau1 === 0.2)).toBe(true);
  });
});

describe('modifyConns', () => {
  it('sets weight and delay of the connections matching conds, postConds and preConds', () => {
    const net = build();
    const before = Array.from(net.data.conns.weight);
    const n = net.modifyConns({ conds: { label: 'S->M' }, preConds: { pop: 'S' }, postConds: { ynorm: [0.8, 1] }, weight: 0.5, delay: 2 });
    const conns = net.data.conns;
    let count = 0;
    for (let i = 0; i < conns.count; i++) {
      const hit = conns.rule[i] === 0 && (net.cells[conns.post[i]].tags.ynorm as number) >= 0.8;
      if (hit) count++;
      expect(conns.weight[i]).toBe(hit ? 0.5 : before[i]);
      expect(conns.delay[i]).toBe(hit ? 2 : conns.rule[i] === 0 ? 5 : conns.delay[i]);
    }
    expect(n).toBe(count);
    expect(count).toBe(12); // 2 M cells with ynorm >= 0.8, 6 S cells each
  });

  it('matches postGid and preGid conds; preConds do not exclude NetStim connections (NetPyNE quirk)', () => {
    const net = build();
    // label first: NetStim connections (no label) fail it before the preGid range would raise on 'NetStim'
    expect(net.modifyConns({ conds: { postGid: 7, label: 'S->M', preGid: [0, 2] }, weight: 0.3 })).toBe(3);
    expect(net.cells[7].conns.filter((c) => c.weight === 0.3).map((c) => c.preGid)).toEqual([0, 1, 2]);
    const n = net.modifyConns({ postConds: { pop: 'S' }, preConds: { pop: 'M' }, weight: 0.7 });
    expect(n).toBe(12 + 6); // 2 M->S per S cell, plus each S cell's NetStim synapse
    expect(net.cells[0].conns.filter((c) => c.weight === 0.7).map((c) => c.preGid)).toEqual([6, 8, 'NetStim']);
    expect(net.warnings.some((w) => w.includes('preConds do not apply to NetStim connections'))).toBe(true);
  });

  it("threshold changes the presynaptic cells' spike detectors (the NetCon's shared source)", () => {
    const net = build();
    net.modifyConns({ conds: { label: 'M->S' }, postConds: { gid: 0 }, threshold: -20 });
    const pres = new Set(net.cells[0].conns.filter((c) => c.label === 'M->S').map((c) => c.preGid));
    for (const i of compart(net)) {
      expect(net.data.templates[net.data.cells.template[i]].spikeGen.threshold).toBe(pres.has(net.cells[i].gid) ? -20 : 10);
    }
    expect(net.cells[0].conns.filter((c) => c.threshold === -20).length).toBe(2);
    expect(net.cells[1].conns.some((c) => 'threshold' in c)).toBe(false);
  });

  it('leaves connections into artificial cells alone', () => {
    const s = spec();
    (s.netParams.connParams as Record<string, unknown>)['S->bg'] = { preConds: { pop: 'S' }, postConds: { pop: 'bg' }, weight: 0.1 };
    const net = build(s);
    const into = net.cells[10].conns.length;
    expect(into).toBe(6);
    net.modifyConns({ weight: 0.9 });
    expect(net.cells[10].conns.every((c) => c.weight === 0.1)).toBe(true);
    expect(net.cells[0].conns.every((c) => c.weight === 0.9)).toBe(true);
  });
});

describe('modifyStims', () => {
  it('sets NetStim and IClamp parameters of matching stims; seed changes the noise stream', () => {
    const net = build();
    expect(net.modifyStims({ cellConds: { pop: 'S' }, conds: { source: 'bkg' }, noise: 0.2, start: 5, number: 7, seed: 3 })).toBe(6);
    expect(net.modifyStims({ conds: { type: 'IClamp', label: 'clamp->M' }, amp: 0.25, dur: 50 })).toBe(4);
    const { stims } = net.data;
    for (let r = 0; r < stims.count; r++) {
      const p = stims.params[r];
      const inS = popOf(net, stims.cell[r]) === 'S';
      if (p.type === 'NetStim') {
        expect([p.noise, p.start, p.number, p.seed, stims.streamIds[3 * r + 2]]).toEqual(inS ? [0.2, 5, 7, 3, 3] : [0.5, 0, 1e9, 1, 1]);
      } else {
        expect([p.amp, p.dur, p.del]).toEqual([0.25, 50, 10]);
      }
    }
  });

  it('interval sets the NetStim interval; rate sets it to 1/rate ms, as NetPyNE 1.1 does', () => {
    const net = build();
    net.modifyStims({ cellConds: { gid: 0 }, conds: { source: 'bkg' }, interval: 40 });
    net.modifyStims({ cellConds: { gid: 1 }, conds: { source: 'bkg' }, rate: 20 });
    const rec = (gid: number) => net.cells[gid].stims[0];
    expect([rec(0).interval, rec(0).rate]).toEqual([40, 1 / 40]);
    expect([rec(1).interval, rec(1).rate]).toEqual([1 / 20, 20]);
    expect(rec(2).interval).toBeUndefined();
    expect(net.warnings.some((w) => w.includes('modifyStims rate 20 sets the NetStim interval to 1/rate'))).toBe(true);
  });
});

describe('bad input', () => {
  const rejects = (fn: (net: Network) => unknown, path: string, reason: RegExp) => {
    const net = build();
    const snapshot = JSON.stringify([net.data.conns.weight, net.data.templates.length, net.data.stims.params]);
    let error: unknown;
    try {
      fn(net);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModifyError);
    expect((error as ModifyError).path).toBe(path);
    expect((error as ModifyError).reason).toMatch(reason);
    expect(JSON.stringify([net.data.conns.weight, net.data.templates.length, net.data.stims.params])).toBe(snapshot);
  };

  it('unknown condition keys, with a suggestion', () => {
    rejects((n) => n.modifyCells({ conds: { popp: 'S' }, secs: {} }), 'modifyCells.conds.popp', /unknown condition key 'popp'.*did you mean 'pop'/);
    rejects((n) => n.modifyConns({ conds: { lable: 'S->M' }, weight: 1 }), 'modifyConns.conds.lable', /did you mean 'label'/);
    rejects((n) => n.modifySynMechs({ conds: { sec: 'soma', tau3: 1 }, tau2: 1 }), 'modifySynMechs.conds.tau3', /unknown condition key/);
    rejects((n) => n.modifyStims({ conds: { sorce: 'bkg' }, noise: 0 }), 'modifyStims.conds.sorce', /did you mean 'source'/);
    rejects((n) => n.modifyCells({ conds: { pop: [] }, secs: {} }), 'modifyCells.conds.pop', /non-empty list/);
  });

  it('unknown sections', () => {
    rejects(
      (n) => n.modifyCells({ conds: {}, secs: { dend: { geom: { L: 5 } } } }),
      'modifyCells.secs.dend',
      /no section 'dend'.*NetPyNE would add a new, unconnected section/,
    );
    rejects((n) => n.modifySynMechs({ conds: { sec: 'dend' }, tau2: 1 }), 'modifySynMechs.conds.sec', /no cell has a section 'dend'/);
  });

  it('unknown parameters', () => {
    rejects((n) => n.modifyCells({ conds: {}, secs: { soma: { geom: { Lx: 5 } } } }), 'modifyCells.secs.soma.geom.Lx', /unknown geometry parameter/);
    rejects(
      (n) => n.modifyCells({ conds: {}, secs: { soma: { mechs: { hh: { gll: 1 } } } } }),
      'modifyCells.secs.soma.mechs.hh.gll',
      /hh has no parameter 'gll'.*did you mean 'gl'/,
    );
    rejects((n) => n.modifyCells({ conds: {}, secs: { soma: { mechs: { kdr: { g: 1 } } } } }), 'modifyCells.secs.soma.mechs.kdr', /unknown density mechanism/);
    rejects((n) => n.modifyCells({ conds: {}, secz: {} } as never), 'modifyCells.secz', /unknown key 'secz'/);
    rejects((n) => n.modifySynMechs({ tau3: 1 }), 'modifySynMechs.tau3', /unknown synMech parameter 'tau3'/);
    rejects((n) => n.modifySynMechs({ mod: 'ExpSyn' }), 'modifySynMechs.mod', /cannot be modified/);
    rejects((n) => n.modifyConns({ loc: 0.2 } as never), 'modifyConns.loc', /not a NetCon property/);
    rejects((n) => n.modifyStims({ ampp: 1 }), 'modifyStims.ampp', /unknown stim parameter 'ampp'.*did you mean 'amp'/);
    rejects((n) => n.modifyStims({ conds: { source: 'clamp' }, rate: 5 }), 'modifyStims.rate', /IClamp stims have no parameter 'rate'/);
  });

  it('values and NetPyNE failures', () => {
    rejects((n) => n.modifyCells({ secs: {} } as never), 'modifyCells.conds', /is required/);
    rejects((n) => n.modifyCells({ conds: {}, secs: { soma: { geom: { L: 'big' } } } }), 'modifyCells.secs.soma.geom.L', /expected a number/);
    rejects(
      (n) => n.modifyCells({ conds: {}, secs: { soma: { geom: { diam: 20 } } } }),
      'modifyCells.secs.soma.geom.diam',
      /string function; NetPyNE 1.1 then ignores the value/,
    );
    rejects((n) => n.modifyCells({ conds: {}, secs: { soma: { geom: { nseg: 3 } } } }), 'modifyCells.secs.soma.geom.nseg', /changing nseg/);
    rejects((n) => n.modifyCells({ conds: {}, secs: { soma: { pointps: { p: { a: 1 } } } } }), 'modifyCells.secs.soma.pointps.p.mod', /is required/);
    rejects((n) => n.modifySynMechs({ conds: { label: 'exc' }, tau2: 1 }), 'modifySynMechs.conds', /needs a 'sec' condition/);
    rejects((n) => n.modifyConns({ weight: '1' } as never), 'modifyConns.weight', /expected a number/);
    rejects((n) => n.modifyConns({ conds: { preGid: [0, 3] }, weight: 1 }), 'modifyConns.conds.preGid', /range.*"NetStim".*TypeError/);
    rejects((n) => n.modifyStims({ conds: { source: 'bkg' }, weight: 1 }), 'modifyStims.weight', /NetPyNE 1.1 fails.*modifyConns/);
    rejects((n) => n.modifyStims({ noise: 2 }), 'modifyStims.noise', /noise in \[0, 1\]/);
  });
});
