import type { BackendRun, RunRequest, ThreadFactory, ThreadPort } from '../types.ts';
import { partitionModel } from './partition.ts';
import type { PartitionAnswer, PartitionRequest } from './partition-worker.ts';

// The CPU backend over worker threads (DESIGN §5a): the cells split into contiguous ranges
// (partition.ts), one per thread, each run epoch by epoch (an epoch is shorter than the
// shortest NetCon delay from a cell, so no spike crosses partitions within one). Between
// epochs every partition's detector spikes go to the others, which queue their NetCon events
// where the whole network's run queues them (SpikeLog): each partition then delivers the same
// events in the same order, and f64 results are the single thread's bit for bit. Spikes are
// merged in NEURON's order (per boundary, cells in order; the ranges are in cell order).

/** The run over `threads` threads, or why the model cannot be split. */
export async function runThreaded(request: RunRequest, spawn: ThreadFactory, threads: number): Promise<BackendRun | { reason: string }> {
  const { model, mechanisms, onProgress } = request;
  const split = partitionModel(model, mechanisms, threads);
  if ('reason' in split) return split;
  const { parts, epochSteps } = split;
  const precision = request.precision ?? 'f64';
  const workers = parts.map(() => new PartitionThread(spawn()));
  try {
    let own = await Promise.all(
      workers.map((w, i) => w.spikes({ type: 'start', part: parts[i], mechanisms, precision, recordStim: request.recordStim && i === 0 })),
    );
    for (let step = 0; step < model.steps; ) {
      const until = Math.min(model.steps, step + epochSteps);
      const spikes = own;
      own = await Promise.all(workers.map((w, i) => w.spikes({ type: 'epoch', remote: othersSpikes(spikes, i), until })));
      step = until;
      onProgress?.(step / model.steps, step * model.dt);
    }
    const done = await Promise.all(workers.map((w) => w.finish()));
    const samples: Float64Array[] = new Array(model.probes.length);
    parts.forEach((p, i) => p.probes.forEach((probe, j) => (samples[probe] = done[i].samples[j])));
    const sampled =
      done[
        Math.max(
          0,
          parts.findIndex((p) => p.probes.length > 0),
        )
      ];
    return {
      spikes: mergeSpikes(done.map((d) => d.spikes)),
      samples,
      sampleTimes: sampled.sampleTimes,
      sampleCount: sampled.sampleCount,
      stimSpikes: done[0].stimSpikes,
      precision,
      threads: { used: parts.length },
    };
  } finally {
    for (const w of workers) w.terminate();
  }
}

/** The (boundary, cell) spikes of every partition but `skip`, in (boundary, cell) order. */
function othersSpikes(own: Int32Array[], skip: number): Int32Array {
  let total = 0;
  own.forEach((s, i) => (total += i === skip ? 0 : s.length));
  const out = new Int32Array(total);
  const at = own.map(() => 0);
  for (let o = 0; o < total; o += 2) {
    let best = -1;
    for (let i = 0; i < own.length; i++) {
      if (i === skip || at[i] >= own[i].length) continue;
      if (best < 0 || own[i][at[i]] < own[best][at[best]]) best = i;
    }
    out[o] = own[best][at[best]];
    out[o + 1] = own[best][at[best] + 1];
    at[best] += 2;
  }
  return out;
}

/** The partitions' spikes merged by time, ties in partition (cell) order. */
function mergeSpikes(lists: Array<{ time: number[]; gid: number[] }>): { time: number[]; gid: number[] } {
  const time: number[] = [];
  const gid: number[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (at[i] >= lists[i].time.length) continue;
      if (best < 0 || lists[i].time[at[i]] < lists[best].time[at[best]]) best = i;
    }
    if (best < 0) return { time, gid };
    time.push(lists[best].time[at[best]]);
    gid.push(lists[best].gid[at[best]++]);
  }
}

type Done = Extract<PartitionAnswer, { type: 'done' }>;

/** A worker thread serving one partition: one request at a time, answered in order. */
class PartitionThread {
  private pending: { resolve: (a: PartitionAnswer) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(private readonly port: ThreadPort) {
    port.listen(
      (message) => {
        const p = this.pending;
        this.pending = undefined;
        const answer = message as PartitionAnswer;
        if (answer.type === 'error') p?.reject(new Error(answer.message));
        else p?.resolve(answer);
      },
      (error) => {
        this.failure = error;
        this.pending?.reject(error);
        this.pending = undefined;
      },
    );
  }

  async spikes(request: PartitionRequest): Promise<Int32Array> {
    const answer = await this.ask(request);
    if (answer.type !== 'spikes') throw new Error(`partition worker answered '${answer.type}' to '${request.type}'`);
    return answer.spikes;
  }

  async finish(): Promise<Done> {
    const answer = await this.ask({ type: 'finish' });
    if (answer.type !== 'done') throw new Error(`partition worker answered '${answer.type}' to 'finish'`);
    return answer;
  }

  terminate(): void {
    this.port.terminate();
  }

  private ask(request: PartitionRequest): Promise<PartitionAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.port.post(request);
    });
  }
}
