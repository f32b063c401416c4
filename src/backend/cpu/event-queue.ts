// Pending NetCon events, bucketed by the step boundary that delivers them (NEURON delivers an
// event at the first boundary t_n with t_event <= t_n + dt/2). A ring of buckets spans the
// longest delay; within a bucket events are delivered in time order (ties: arrival order).
// Buckets grow by doubling and are reused, so a steady state allocates nothing.

export class EventQueue {
  private readonly group: Int32Array[];
  private readonly instance: Int32Array[];
  private readonly weight: Float64Array[];
  private readonly time: Float64Array[];
  private readonly size: Int32Array;
  private order = new Int32Array(64);

  constructor(private readonly slots: number) {
    this.group = Array.from({ length: slots }, () => new Int32Array(16));
    this.instance = Array.from({ length: slots }, () => new Int32Array(16));
    this.weight = Array.from({ length: slots }, () => new Float64Array(16));
    this.time = Array.from({ length: slots }, () => new Float64Array(16));
    this.size = new Int32Array(slots);
  }

  push(step: number, group: number, instance: number, weight: number, time: number): void {
    const s = step % this.slots;
    let k = this.size[s];
    if (k === this.group[s].length) this.grow(s);
    this.group[s][k] = group;
    this.instance[s][k] = instance;
    this.weight[s][k] = weight;
    this.time[s][k] = time;
    this.size[s] = ++k;
  }

  /**
   * Calls deliver for each event of boundary `step` in time order, then empties the bucket.
   * `marks` (ascending times) are the boundary's other events (WATCH self-events, recording):
   * onMark(i) runs before the first queued event later than marks[i].
   */
  drain(step: number, deliver: (group: number, instance: number, weight: number, time: number) => void, marks: Float64Array, markCount: number, onMark: (i: number) => void): void {
    const s = step % this.slots;
    const n = this.size[s];
    let m = 0;
    if (this.order.length < n) this.order = new Int32Array(2 * n);
    const order = this.order;
    const time = this.time[s];
    for (let i = 0; i < n; i++) {
      let j = i;
      while (j > 0 && time[order[j - 1]] > time[i]) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    const group = this.group[s], instance = this.instance[s], weight = this.weight[s];
    for (let i = 0; i < n; i++) {
      const e = order[i];
      while (m < markCount && marks[m] <= time[e]) onMark(m++);
      deliver(group[e], instance[e], weight[e], time[e]);
    }
    while (m < markCount) onMark(m++);
    this.size[s] = 0;
  }

  private grow(s: number): void {
    const n = 2 * this.group[s].length;
    const g = new Int32Array(n); g.set(this.group[s]); this.group[s] = g;
    const i = new Int32Array(n); i.set(this.instance[s]); this.instance[s] = i;
    const w = new Float64Array(n); w.set(this.weight[s]); this.weight[s] = w;
    const t = new Float64Array(n); t.set(this.time[s]); this.time[s] = t;
  }
}
