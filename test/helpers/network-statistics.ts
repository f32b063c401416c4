import type { Network, SimData } from '../../src/index.ts';
import { stats } from '../../src/index.ts';

// Statistics of a run that f32 chaos leaves in place: spikes per population, the ISI CV of
// every cell with more than 10 spikes (NetPyNE's plotSpikeStats statistic), and the
// distribution of spikes per cell.

export interface RunStatistics {
  /** spikes per population */
  counts: Record<string, number>;
  /** ISI CV of each cell with more than 10 spikes */
  isiCVs: number[];
  /** spikes of each cell, in gid order */
  perCell: number[];
}

export function runStatistics(net: Network, simData: SimData): RunStatistics {
  const counts: Record<string, number> = {};
  const byGid = new Map<number, number>();
  simData.spkid.forEach((g) => byGid.set(g, (byGid.get(g) ?? 0) + 1));
  for (const [pop, p] of Object.entries(net.pops)) counts[pop] = p.cellGids.reduce((s, g) => s + (byGid.get(g) ?? 0), 0);
  const isiCVs = stats.isiCVs({ times: simData.spkt, gids: simData.spkid });
  const perCell = [...net.data.cells.gid].sort((a, b) => a - b).map((g) => byGid.get(g) ?? 0);
  return { counts, isiCVs, perCell };
}

/** Mean and standard error of the mean. */
export function meanAndError(xs: number[]): { mean: number; error: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  return { mean, error: Math.sqrt(variance / xs.length) };
}

/** Two-sample Kolmogorov-Smirnov statistic: the largest difference of the empirical CDFs. */
export function ksStatistic(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** The KS statistic two samples of sizes n and m exceed with probability alpha = 0.01 when drawn from one distribution. */
export function ksCritical(n: number, m: number): number {
  return 1.628 * Math.sqrt((n + m) / (n * m));
}
