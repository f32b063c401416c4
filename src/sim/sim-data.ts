import type { RunOutput } from '../backend/types.ts';
import type { CompiledModel } from '../compile/index.ts';
import type { Network } from '../network/index.ts';

// sim.allSimData in NetPyNE's layout (sim/gather.py): spkt/spkid in detection order, one entry
// per recordTraces key with {cell_<gid>: samples}, t (recorded times), avgRate over all cells,
// popRates when simConfig.printPopAvgRates asks for them.

export interface SimData {
  /** [ms] */
  spkt: number[];
  spkid: number[];
  /** [ms], the recorded times (with recordTraces) */
  t?: number[];
  /** [Hz] */
  avgRate: number;
  popRates?: Record<string, number>;
  [trace: string]: unknown;
}

export function simData(net: Network, model: CompiledModel, sim: RunOutput): SimData {
  const cfg = net.data.simConfig;
  const duration = model.steps * model.dt;
  const data: SimData = {
    spkt: sim.spikes.time,
    spkid: sim.spikes.gid,
    avgRate: net.cellCount > 0 ? (sim.spikes.time.length / net.cellCount / duration) * 1e3 : 0,
  };
  if (model.probes.length > 0) {
    data.t = Array.from(sim.sampleTimes).slice(0, sim.sampleCount);
  }
  for (const trace of Object.keys(cfg.recordTraces)) data[trace] = {};
  model.probes.forEach((p, i) => {
    (data[p.trace] as Record<string, number[]>)[`cell_${p.gid}`] = Array.from(sim.samples[i]).slice(0, sim.sampleCount);
  });
  if (cfg.printPopAvgRates) data.popRates = popRates(net, data, cfg.printPopAvgRates, duration);
  if (cfg.recordStim) data.stims = stimSpikes(net, sim);
  return data;
}

/**
 * NetPyNE's recordStim (cell.recordStimSpikes): per cell, the spike times of each NetStim
 * stimulus feeding it, keyed by the stim source label (a later stim of the same label replaces
 * an earlier one, as NetPyNE's dict update does).
 */
function stimSpikes(net: Network, sim: RunOutput): Record<string, Record<string, number[]>> {
  const { stims, cells } = net.data;
  const times = new Map<number, number[]>();
  sim.stimSpikes.stim.forEach((r, i) => {
    let list = times.get(r);
    if (!list) times.set(r, (list = []));
    list.push(sim.stimSpikes.time[i]);
  });
  const out: Record<string, Record<string, number[]>> = {};
  for (let c = 0; c < cells.count; c++) {
    const perCell: Record<string, number[]> = {};
    for (let k = stims.cellStart[c]; k < stims.cellStart[c + 1]; k++) {
      const r = stims.byCell[k];
      if (stims.params[r].type === 'NetStim') perCell[String(stims.params[r].source)] = times.get(r) ?? [];
    }
    out[`cell_${cells.gid[c]}`] = perCell;
  }
  return out;
}

/** NetPyNE analysis.popAvgRates: spikes in [t0, t1] / cells / (t1 - t0) [Hz], per population. */
export function popRates(net: Network, data: Pick<SimData, 'spkt' | 'spkid'>, window: boolean | [number, number], duration: number): Record<string, number> {
  const [t0, t1] = Array.isArray(window) ? window : [0, duration];
  const counts = new Map<number, number>();
  data.spkt.forEach((t, i) => {
    if (t >= t0 && t <= t1) counts.set(data.spkid[i], (counts.get(data.spkid[i]) ?? 0) + 1);
  });
  const rates: Record<string, number> = {};
  for (const [label, pop] of Object.entries(net.pops)) {
    const n = pop.cellGids.reduce((s, g) => s + (counts.get(g) ?? 0), 0);
    rates[label] = pop.cellGids.length > 0 ? (n / pop.cellGids.length / (t1 - t0)) * 1e3 : 0;
  }
  return rates;
}
