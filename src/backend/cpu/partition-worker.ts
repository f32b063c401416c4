import type { LoweredMechanism, Precision } from '../../mech/index.ts';
import type { Partition } from './partition.ts';
import { CpuSimulator } from './simulator.ts';

// One partition of a threaded CPU run, in a worker thread (threaded.ts drives it). Per epoch:
// queue the other partitions' spikes of the epoch before, run the epoch, answer with its own
// spikes; at the end, answer with what it recorded.

export type PartitionRequest =
  | { type: 'start'; part: Partition; mechanisms: LoweredMechanism[]; precision: Precision; recordStim: boolean }
  | { type: 'epoch'; remote: Int32Array; until: number }
  | { type: 'finish' };

export type PartitionAnswer =
  | { type: 'spikes'; spikes: Int32Array }
  | {
      type: 'done';
      spikes: { time: number[]; gid: number[] };
      samples: Float64Array[];
      sampleTimes: Float64Array;
      sampleCount: number;
      stimSpikes: { time: number[]; stim: number[] };
    }
  | { type: 'error'; message: string };

/** Serves partition requests arriving through `listen`, answering through `post`. */
export function servePartition(listen: (handle: (request: PartitionRequest) => void) => void, post: (answer: PartitionAnswer) => void): void {
  let sim: CpuSimulator | undefined;
  listen((request) => {
    try {
      post(answer(request));
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });

  function answer(request: PartitionRequest): PartitionAnswer {
    if (request.type === 'start') {
      const { part, mechanisms, precision, recordStim } = request;
      sim = new CpuSimulator(part.model, mechanisms, precision, 'events', recordStim, { tableFields: part.tableFields });
      sim.initialize();
      return { type: 'spikes', spikes: sim.ownSpikes() };
    }
    if (!sim) throw new Error('partition worker: no partition started');
    if (request.type === 'epoch') {
      sim.queueRemoteSpikes(request.remote);
      sim.advance(request.until - sim.step);
      return { type: 'spikes', spikes: sim.ownSpikes() };
    }
    const { spikes, samples, sampleTimes, sampleCount, stimSpikes } = sim;
    return { type: 'done', spikes, samples, sampleTimes, sampleCount, stimSpikes };
  }
}
