// Pending events, bucketed by the step boundary that delivers them (NEURON delivers an event
// at the first boundary t_n with t_event <= t_n + dt/2). A ring of buckets spans the longest
// NetCon delay; events further ahead (self-events of artificial cells) wait in a heap until
// the ring reaches them. Within a bucket events are delivered in time order, ties in arrival
// order (NEURON's queue is FIFO for equal times); events pushed into the bucket being
// delivered (zero delays, net_move to now) join it in order. Every event has a sequence
// number, so a self-event moved by net_move can be cancelled. A partition of a threaded run
// (threaded.ts) also queues events of other partitions' spikes, with the place in the order of
// arrival they had in the whole network: a fractional sequence number (between two of its own
// events) and a second key among the events in that gap. Buckets grow by doubling and
// are reused, so a steady state allocates nothing.

/**
 * Receives one event: group -1 is a fixed-train spike of source `instance`; `index` is the
 * NetCon's weight index (weight vectors), `flag` 0 for NetCon events.
 */
export type Deliver = (group: number, instance: number, weight: number, time: number, flag: number, index: number, seq: number) => void;

export class EventQueue {
  private readonly group: Int32Array[];
  private readonly instance: Int32Array[];
  private readonly flag: Int32Array[];
  private readonly index: Int32Array[];
  private readonly seq: Float64Array[];
  /** Order among events with the same time and sequence number (other partitions' spikes). */
  private readonly minor: Float64Array[];
  private readonly weight: Float64Array[];
  private readonly time: Float64Array[];
  private readonly size: Int32Array;
  private order = new Int32Array(64);
  private scratch = new Int32Array(64);
  private readonly far = new FarEvents();
  private readonly cancelled = new Set<number>();
  private nextSeq = 0;
  /** Boundary being delivered (events for earlier boundaries are errors). */
  private current = 0;
  /** In the open bucket: entries of `order` delivered, and entries sorted into it. */
  private position = 0;
  private sorted = 0;

  constructor(private readonly slots: number) {
    this.group = Array.from({ length: slots }, () => new Int32Array(16));
    this.instance = Array.from({ length: slots }, () => new Int32Array(16));
    this.flag = Array.from({ length: slots }, () => new Int32Array(16));
    this.index = Array.from({ length: slots }, () => new Int32Array(16));
    this.seq = Array.from({ length: slots }, () => new Float64Array(16));
    this.minor = Array.from({ length: slots }, () => new Float64Array(16));
    this.weight = Array.from({ length: slots }, () => new Float64Array(16));
    this.time = Array.from({ length: slots }, () => new Float64Array(16));
    this.size = new Int32Array(slots);
  }

  /** Empties the queue (finitialize). */
  reset(): void {
    this.size.fill(0);
    this.far.clear();
    this.cancelled.clear();
    this.nextSeq = 0;
    this.current = 0;
  }

  /** Events queued so far by push: the sequence number the next one gets. */
  get pushed(): number {
    return this.nextSeq;
  }

  /** Queues an event for boundary `step`; returns its sequence number. */
  push(step: number, group: number, instance: number, weight: number, time: number, flag = 0, index = 0): number {
    const seq = this.nextSeq++;
    this.place(step, group, instance, weight, time, flag, index, seq, 0);
    return seq;
  }

  /**
   * Queues a NetCon event in a given place of the order of arrival: after the events whose
   * sequence number is below `seq`, before those above it, ties ordered by `minor`.
   */
  pushAt(step: number, group: number, instance: number, weight: number, time: number, index: number, seq: number, minor: number): void {
    this.place(step, group, instance, weight, time, 0, index, seq, minor);
  }

  private place(step: number, group: number, instance: number, weight: number, time: number, flag: number, index: number, seq: number, minor: number): void {
    if (step < this.current) throw new Error(`event at t = ${time} ms queued for boundary ${step} after boundary ${this.current}`);
    if (step >= this.current + this.slots) this.far.push(step, group, instance, weight, time, flag, index, seq, minor);
    else this.store(step, group, instance, weight, time, flag, index, seq, minor);
  }

  /** A queued event that must not be delivered (a moved self-event). */
  cancel(seq: number): void {
    this.cancelled.add(seq);
  }

  /** Starts delivering boundary `step`: its bucket, with the events of the heap that belong to it. */
  open(step: number): void {
    this.current = step;
    this.far.popUntil(step + this.slots - 1, (st, g, k, w, t, f, x, q, r) => this.store(st, g, k, w, t, f, x, q, r));
    this.position = 0;
    this.sorted = 0;
  }

  /**
   * Delivers the open bucket's events with time <= until in time order, events queued meanwhile
   * included. `marks` (ascending times) are other events of the boundary (WATCH handlers,
   * recording): onMark(i) runs before the first queued event later than marks[i], and every
   * mark <= until runs before this returns.
   */
  deliverUntil(until: number, deliver: Deliver, marks: Float64Array, markCount: number, onMark: (i: number) => void): void {
    const s = this.current % this.slots;
    let m = 0;
    for (;;) {
      if (this.sorted < this.size[s]) this.sorted = this.sortIn(s, this.position, this.sorted);
      const e = this.position < this.size[s] ? this.order[this.position] : -1;
      const time = e >= 0 ? this.time[s][e] : Infinity;
      if (m < markCount && marks[m] <= until && marks[m] <= time) {
        onMark(m++); // it may queue events: look again
        continue;
      }
      if (time > until) return;
      this.position++;
      const seq = this.seq[s][e];
      if (this.cancelled.size > 0 && this.cancelled.delete(seq)) continue;
      deliver(this.group[s][e], this.instance[s][e], this.weight[s][e], time, this.flag[s][e], this.index[s][e], seq);
    }
  }

  /** Ends the open boundary (anything left undelivered is past the run's end). */
  close(): void {
    this.size[this.current % this.slots] = 0;
    this.current++;
  }

  /**
   * Inserts entries sorted..size-1 into order[from..] (sorted by time, ties by sequence, then
   * minor): by insertion when few are new (events queued during delivery), else by merge sort
   * (a bucket opened with many events, a threaded run's events of other partitions among them,
   * arrives far from sorted: insertion would take their product).
   */
  private sortIn(s: number, from: number, sorted: number): number {
    const n = this.size[s];
    if (this.order.length < n) {
      const grown = new Int32Array(2 * n);
      grown.set(this.order);
      this.order = grown;
    }
    const order = this.order;
    if (n - sorted > MERGE_FROM) {
      for (let e = sorted; e < n; e++) order[e] = e;
      this.mergeSort(s, sorted, n);
      if (sorted > from) this.merge(s, from, sorted, n);
      return n;
    }
    const time = this.time[s];
    const seq = this.seq[s];
    const minor = this.minor[s];
    for (let e = sorted; e < n; e++) {
      let j = e;
      for (; j > from; j--) {
        const a = order[j - 1];
        if (!later(time, seq, minor, a, e)) break;
        order[j] = a;
      }
      order[j] = e;
    }
    return n;
  }

  /** Sorts order[lo..hi) bottom-up, runs merged through the scratch array (stable). */
  private mergeSort(s: number, lo: number, hi: number): void {
    for (let width = 1; width < hi - lo; width *= 2) {
      for (let a = lo; a + width < hi; a += 2 * width) this.merge(s, a, a + width, Math.min(a + 2 * width, hi));
    }
  }

  /** Merges the sorted runs order[lo..mid) and order[mid..hi). */
  private merge(s: number, lo: number, mid: number, hi: number): void {
    const order = this.order;
    const time = this.time[s];
    const seq = this.seq[s];
    const minor = this.minor[s];
    if (!later(time, seq, minor, order[mid - 1], order[mid])) return;
    if (this.scratch.length < hi - lo) this.scratch = new Int32Array(2 * (hi - lo));
    const scratch = this.scratch;
    for (let i = lo; i < mid; i++) scratch[i - lo] = order[i];
    let i = 0;
    let j = mid;
    let o = lo;
    const left = mid - lo;
    while (i < left && j < hi) order[o++] = later(time, seq, minor, scratch[i], order[j]) ? order[j++] : scratch[i++];
    while (i < left) order[o++] = scratch[i++];
  }

  private store(step: number, group: number, instance: number, weight: number, time: number, flag: number, index: number, seq: number, minor: number): void {
    const s = step % this.slots;
    const k = this.size[s];
    if (k === this.group[s].length) this.grow(s);
    this.group[s][k] = group;
    this.instance[s][k] = instance;
    this.weight[s][k] = weight;
    this.time[s][k] = time;
    this.flag[s][k] = flag;
    this.index[s][k] = index;
    this.seq[s][k] = seq;
    this.minor[s][k] = minor;
    this.size[s] = k + 1;
  }

  private grow(s: number): void {
    const n = 2 * this.group[s].length;
    const int = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const float = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.group[s] = int(this.group[s]);
    this.instance[s] = int(this.instance[s]);
    this.flag[s] = int(this.flag[s]);
    this.index[s] = int(this.index[s]);
    this.seq[s] = float(this.seq[s]);
    this.minor[s] = float(this.minor[s]);
    this.weight[s] = float(this.weight[s]);
    this.time[s] = float(this.time[s]);
  }
}

/** New entries of a bucket beyond which it is merge-sorted rather than by insertion. */
const MERGE_FROM = 32;

/** Whether entry a comes after entry e: later time, or the same and a later sequence, then minor. */
function later(time: Float64Array, seq: Float64Array, minor: Float64Array, a: number, e: number): boolean {
  return time[a] > time[e] || (time[a] === time[e] && (seq[a] > seq[e] || (seq[a] === seq[e] && minor[a] > minor[e])));
}

type Entry = [step: number, group: number, instance: number, weight: number, time: number, flag: number, index: number, seq: number, minor: number];

/** Events beyond the ring, a binary min-heap by (step, seq, minor). */
class FarEvents {
  private heap: Entry[] = [];

  clear(): void {
    this.heap = [];
  }

  push(...entry: Entry): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  /** Takes out every event for boundaries <= last, in (step, seq, minor) order. */
  popUntil(last: number, take: (...entry: Entry) => void): void {
    const h = this.heap;
    while (h.length > 0 && h[0][0] <= last) {
      const top = h[0];
      const end = h.pop()!;
      if (h.length > 0) {
        h[0] = end;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1,
            r = l + 1;
          let m = i;
          if (l < h.length && before(h[l], h[m])) m = l;
          if (r < h.length && before(h[r], h[m])) m = r;
          if (m === i) break;
          [h[i], h[m]] = [h[m], h[i]];
          i = m;
        }
      }
      take(...top);
    }
  }
}

function before(a: Entry, b: Entry): boolean {
  return a[0] < b[0] || (a[0] === b[0] && (a[7] < b[7] || (a[7] === b[7] && a[8] < b[8])));
}
