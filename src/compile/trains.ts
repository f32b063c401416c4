import { glibcLog, glibcPow } from '../math/libm.ts';
import type { NetworkData } from '../network/index.ts';
import { hashStr, netStimNoiseStream, netStimTrain, Random123Stream } from '../rng/index.ts';
import type { SimConfigData } from '../spec/index.ts';
import type { TrainTable } from './model.ts';

// The spike trains of NetStim stimuli and NetStim/VecStim populations, fixed before the run and
// merged into NEURON's delivery order.
//
// In NEURON each spike of a train is a self-event, queued when the train's previous spike is
// delivered (VecStim: net_send(etime - t, 1) after net_event; NetStim likewise, and its first
// spike is queued by a flag-3 event at the same time, which INITIAL queued). The queue delivers
// equal times in insertion order, so two spikes at the same time are ordered by the times of
// the spikes before them, going back, and finally by the order of the INITIAL blocks:
// NetStims (population cells, then stimuli, as NetPyNE creates them) before VecStims (a mod
// file loaded after NEURON's own mechanisms).

interface Train {
  source: number;
  times: ArrayLike<number>;
  /** Events before the first spike (NetStim's flag-3 event at the first spike's time). */
  lead: number;
  /** INITIAL order. */
  rank: number;
}

/** All spikes of fixed trains up to `until` [ms], in NEURON's delivery order. */
export function compileTrains(d: NetworkData, cfg: SimConfigData, until: number): TrainTable {
  const netStims: Train[] = [];
  const vecStims: Train[] = [];
  const noise = (ids: [number, number, number]) => noiseStream(ids, cfg);
  const { stims, pointCells, cells } = d;
  for (let r = 0; r < pointCells.cells.length; r++) {
    const c = pointCells.cells[r];
    const model = pointCells.model[r];
    if (model === 'VecStim') {
      vecStims.push({
        source: c,
        times: vecStimEventTimes(pointCells.spikeTimes.subarray(pointCells.spikeStart[r], pointCells.spikeStart[r + 1])),
        lead: 0,
        rank: 0,
      });
    } else if (model === 'NetStim') {
      const m = pointCells.mechParams[r];
      const seed = (pointCells.params[r].seed as number) ?? cfg.seeds.stim;
      const times = netStimTrain(
        { interval: m.interval, number: m.number, start: m.start, noise: m.noise },
        noise([hashStr('NetStim'), cells.gid[c], seed]),
        until,
      );
      netStims.push({ source: c, times, lead: 1, rank: 0 });
    }
  }
  for (let r = 0; r < stims.count; r++) {
    const p = stims.params[r];
    if (p.type !== 'NetStim') continue;
    const ids = Array.from(stims.streamIds.subarray(3 * r, 3 * r + 3)) as [number, number, number];
    // NetPyNE: netstim.interval = params['rate'] ** -1 * 1e3
    // (after Network.modifyStims the NetStim's interval is the record's interval, as in NetPyNE)
    const interval = typeof p.interval === 'number' ? p.interval : glibcPow(p.rate as number, -1) * 1e3;
    const times = netStimTrain({ interval, number: p.number as number, start: p.start as number, noise: p.noise as number }, noise(ids), until);
    netStims.push({ source: cells.count + r, times, lead: 1, rank: 0 });
  }
  const trains = [...netStims, ...vecStims];
  trains.forEach((t, i) => (t.rank = i));
  return mergeTrains(trains, until);
}

/**
 * vecevent.mod queues each spike from the previous one with net_send(etime - t, 1), which
 * nocmodl writes as `t + etime - t`: NEURON delivers spike k at (t_{k-1} + etime_k) - t_{k-1}
 * in double, often an ulp from etime_k (the first is queued at t = 0: exact). Checked against
 * NEURON on every spike of NetPyNE's netClamp example.
 */
function vecStimEventTimes(etimes: Float64Array): Float64Array {
  const times = new Float64Array(etimes.length);
  let t = 0;
  for (let k = 0; k < etimes.length; k++) times[k] = t = t + etimes[k] - t;
  return times;
}

function mergeTrains(trains: Train[], until: number): TrainTable {
  const train: number[] = [];
  const index: number[] = [];
  trains.forEach((t, i) => {
    for (let k = 0; k < t.times.length && t.times[k] <= until; k++) {
      train.push(i);
      index.push(k);
    }
  });
  const order = Array.from(train.keys()).sort((a, b) => compareSpikes(trains[train[a]], index[a], trains[train[b]], index[b]));
  return {
    count: order.length,
    source: Int32Array.from(order, (e) => trains[train[e]].source),
    time: Float64Array.from(order, (e) => trains[train[e]].times[index[e]]),
  };
}

/** Delivery order of spike ka of train a and spike kb of train b (see the header). */
function compareSpikes(a: Train, ka: number, b: Train, kb: number): number {
  for (let j = 0; ; j++) {
    const ta = eventTime(a, ka, j);
    const tb = eventTime(b, kb, j);
    if (ta !== tb) return ta - tb;
    if (ta === -Infinity) return a.rank - b.rank;
  }
}

/** Time of the j-th event back from spike k of a train (j = 0: the spike); -Infinity: INITIAL queued it. */
function eventTime(t: Train, k: number, j: number): number {
  if (j <= k) return t.times[k - j];
  return j <= k + t.lead ? t.times[0] : -Infinity;
}

/**
 * NetPyNE preRun: Random123(hashStr('NetStim'), gid, seed), negexp(1) (uses draw 0),
 * noiseFromRandom; with cfg.random123, noiseFromRandom123 on the same ids (no draw used),
 * and cfg.rand123GlobalIndex as the global index.
 */
function noiseStream(ids: [number, number, number], cfg: SimConfigData): { repick(): number } {
  const globalIndex = cfg.rand123GlobalIndex ?? 0;
  if (!cfg.random123) return netStimNoiseStream(ids[0], ids[1], ids[2], globalIndex);
  const stream = new Random123Stream(ids[0], ids[1], ids[2], globalIndex);
  return { repick: () => -glibcLog(stream.nextDouble()) };
}
