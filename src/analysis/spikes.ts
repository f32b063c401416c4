import type { SimData } from '../sim/sim-data.ts';

// Spike statistics as NetPyNE computes them (analysis/spikes.py, spikes_legacy.py), as plain
// functions of spike times [ms] and gids.

export interface SpikeList {
  times: number[]; // [ms]
  gids: number[];
}

/** The spikes of `cells` with t0 <= t <= t1, in recorded order. */
export function spikesOf(data: Pick<SimData, 'spkt' | 'spkid'>, cells: ReadonlySet<number>, t0: number, t1: number): SpikeList {
  const out: SpikeList = { times: [], gids: [] };
  data.spkt.forEach((t, i) => {
    if (t >= t0 && t <= t1 && cells.has(data.spkid[i])) {
      out.times.push(t);
      out.gids.push(data.spkid[i]);
    }
  });
  return out;
}

/** The NetStim spike trains recorded with recordStim (simData.stims), per (cell, stim) pair of the given stim labels. */
export function stimTrains(data: SimData, labels: readonly string[]): Array<{ label: string; gid: number; times: number[] }> {
  const stims = (data.stims ?? {}) as Record<string, Record<string, number[]>>;
  const out: Array<{ label: string; gid: number; times: number[] }> = [];
  for (const label of labels) {
    for (const [cell, perStim] of Object.entries(stims)) {
      if (perStim[label]) out.push({ label, gid: Number(cell.slice('cell_'.length)), times: perStim[label] });
    }
  }
  return out;
}

/**
 * Spike counts per bin as NetPyNE bins them: edges t0, t0 + binSize, ... below t1
 * (np.arange(t0, t1, binSize)), the last bin closed, so spikes after the last edge are not
 * counted. `centers` are the bin midpoints [ms].
 */
export function histogram(times: ArrayLike<number>, t0: number, t1: number, binSize: number): { centers: Float64Array; counts: Float64Array } {
  if (!(binSize > 0)) throw new Error(`binSize: ${binSize} is not a positive number of ms`);
  const edges = Math.max(0, Math.ceil((t1 - t0) / binSize));
  const bins = Math.max(0, edges - 1);
  const counts = new Float64Array(bins);
  const last = t0 + (edges - 1) * binSize;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (t < t0 || t > last || bins === 0) continue;
    counts[Math.min(bins - 1, Math.floor((t - t0) / binSize))]++;
  }
  const centers = Float64Array.from({ length: bins }, (_, k) => t0 + k * binSize + binSize / 2);
  return { centers, counts };
}

/** Firing rate [Hz] of each cell in `cells` over [t0, t1]; cells without spikes only if `includeSilent`. */
export function cellRates(spikes: SpikeList, cells: readonly number[], t0: number, t1: number, includeSilent: boolean): number[] {
  const counts = countByGid(spikes.gids);
  const toRate = 1e3 / (t1 - t0);
  return cells.filter((g) => includeSilent || counts.has(g)).map((g) => (counts.get(g) ?? 0) * toRate);
}

/** ISI coefficient of variation (population std / mean of the intervals) of each cell with more than 10 spikes. */
export function isiCVs(spikes: SpikeList): number[] {
  const trains = new Map<number, number[]>();
  spikes.gids.forEach((g, i) => {
    let train = trains.get(g);
    if (!train) trains.set(g, (train = []));
    train.push(spikes.times[i]);
  });
  const out: number[] = [];
  for (const train of trains.values()) {
    if (train.length <= 10) continue;
    const isi = train.slice(1).map((t, i) => t - train[i]);
    const mean = isi.reduce((s, x) => s + x, 0) / isi.length;
    const sd = Math.sqrt(isi.reduce((s, x) => s + (x - mean) ** 2, 0) / isi.length);
    out.push(sd / mean);
  }
  return out;
}

/**
 * NetPyNE's syncMeasure (raster syncLines): 1 - (spikes at least 1 ms after the last counted
 * one) / duration [ms]; 0 for spikes spread over every millisecond, towards 1 when they bunch.
 */
export function syncMeasure(times: readonly number[], duration: number): number {
  let t0 = -1;
  let count = 0;
  for (const t of times) {
    if (t >= t0 + 1) {
      t0 = t;
      count++;
    }
  }
  return 1 - count / duration;
}

export function countByGid(gids: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const g of gids) counts.set(g, (counts.get(g) ?? 0) + 1);
  return counts;
}
