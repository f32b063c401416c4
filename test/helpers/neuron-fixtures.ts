import { create } from '../../src/index.ts';

// The NEURON reference fixtures (fixtures/neuron) rebuilt as NetPyNE specs: one cell 'C' in pop
// P, recorded every step (recordStep = dt), as the CPU and WebGPU backend tests run them. No
// Node API here: the Deno and browser runners use it too. `somaA` is fixture A's soma (params.soma
// of neuron/A_hh_soma_amp0.1.json), which the D fixtures reuse.

const soma = (p: any) => ({ geom: { L: p.L, diam: p.diam, Ra: p.Ra ?? 35.4, cm: p.cm ?? 1, nseg: p.nseg ?? 1 } });
const iclamp = (ic: any, sec = 'soma') => ({
  stimSourceParams: { ic: { type: 'IClamp', del: ic.delay, dur: ic.dur, amp: ic.amp_nA } },
  stimTargetParams: { 'ic->cell': { source: 'ic', conds: { pop: 'P' }, sec, loc: typeof ic.loc === 'number' ? ic.loc : 0.5 } },
});
const v = (sec: string, loc: number) => ({ sec, loc, var: 'v' });

/** fixture -> [netParams, recordTraces (fixture key -> trace)]. */
export function specFor(name: string, fx: any, somaA: any): { netParams: any; traces: Record<string, any> } {
  const p = fx.params;
  if (name.startsWith('A_')) {
    const hhTrace = (x: string) => ({ sec: 'soma', loc: 0.5, mech: 'hh', var: x });
    return {
      netParams: { cellParams: { C: { secs: { soma: { ...soma(p.soma), mechs: { hh: p.soma.hh } } } } }, ...iclamp(p.iclamp) },
      traces: { v: v('soma', 0.5), m: hhTrace('m'), h: hhTrace('h'), n: hhTrace('n') },
    };
  }
  if (name.startsWith('C_')) {
    return {
      netParams: {
        cellParams: {
          C: {
            secs: {
              soma: { ...soma(p.soma), mechs: { hh: p.soma.hh } },
              dend: { ...soma(p.dend), mechs: { pas: p.dend.pas }, topol: { parentSec: 'soma', parentX: 1, childX: 0 } },
            },
          },
        },
        ...iclamp(p.iclamp),
      },
      traces: { v_soma: v('soma', 0.5), 'v_dend_0.5': v('dend', 0.5), 'v_dend_1.0': v('dend', 1), v_dend_last_seg_center: v('dend', p.last_seg_center_x) },
    };
  }
  if (name.startsWith('D_')) {
    const a = somaA;
    const { kind, loc: _loc, ...synParams } = p.synapse;
    const syn = (x: string) => ({ synMech: 'syn', var: x });
    const traces: Record<string, any> = { v: v('soma', 0.5), g: syn('g'), i: syn('i') };
    if (kind === 'Exp2Syn') Object.assign(traces, { A: syn('A'), B: syn('B') });
    return {
      netParams: {
        cellParams: { C: { secs: { soma: { ...soma(a), mechs: { hh: a.hh } } } } },
        synMechParams: { syn: { mod: kind, ...synParams } },
        stimSourceParams: { ns: { type: 'NetStim', ...p.netstim } },
        stimTargetParams: {
          'ns->cell': { source: 'ns', conds: { pop: 'P' }, sec: 'soma', loc: 0.5, synMech: 'syn', weight: p.netcon.weight_uS, delay: p.netcon.delay_ms },
        },
      },
      traces,
    };
  }
  if (name.startsWith('E_')) {
    const { mod, ...izhi } = p.point_process;
    return {
      netParams: { cellParams: { C: { secs: { soma: { ...soma(p.soma), pointps: { izh: { mod, loc: 0.5, ...izhi } } } } } }, ...iclamp(p.iclamp) },
      traces: { v: v('soma', 0.5), u: { sec: 'soma', pointp: 'izh', var: 'u' }, i_izh: { sec: 'soma', pointp: 'izh', var: 'i' } },
    };
  }
  if (name.startsWith('F_')) {
    const all = { Ra: p.all.Ra, cm: p.all.cm };
    const traces: Record<string, any> = { v_soma: v('soma', 0.5), 'v_dend_0.25': v('dend', 0.25), 'v_dend_0.5': v('dend', 0.5), 'v_dend_1.0': v('dend', 1) };
    (fx.dend_seg_x as number[]).forEach((x, j) => {
      traces[`seg${j}`] = v('dend', x);
    });
    return {
      netParams: {
        cellParams: {
          C: {
            secs: {
              soma: { ...soma({ ...p.soma, ...all }), mechs: { pas: p.all.pas } },
              dend: { ...soma({ ...p.dend, ...all }), mechs: { pas: p.all.pas }, topol: { parentSec: 'soma', parentX: 1, childX: 0 } },
            },
          },
        },
        ...iclamp(p.iclamp),
      },
      traces,
    };
  }
  throw new Error(`no spec for fixture ${name}`);
}

/** The fixture's network: its cell, stimulus and traces at the fixture's dt, tstop, celsius, v_init. */
export function fixtureNetwork(name: string, fx: any, somaA: any) {
  const { netParams, traces } = specFor(name, fx, somaA);
  return create({
    netParams: { ...netParams, popParams: { P: { cellType: 'C', numCells: 1 } } },
    simConfig: {
      duration: fx.tstop,
      dt: fx.dt,
      recordStep: fx.dt,
      recordCells: ['all'],
      recordTraces: traces,
      hParams: { celsius: fx.celsius, v_init: fx.v_init, usetable_hh: fx.usetable_hh },
    },
  });
}
