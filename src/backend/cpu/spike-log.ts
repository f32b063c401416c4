// A partition's own detector spikes of one epoch, with their places in its queue's order of
// arrival, so that a spike of another partition (boundary n, cell c) can be queued where the
// whole network's run queues it (threaded.ts): NEURON checks the detectors of a boundary in cell
// order, so that spike's NetCon events come after this partition's events queued before
// boundary n's detectors and after its own spikes of cells below c, and before the rest.

export class SpikeLog {
  /** Own spikes in order: boundary, cell, and the queue's next sequence number before its events. */
  private readonly boundaries: number[] = [];
  private readonly cells: number[] = [];
  private readonly seqs: number[] = [];
  /** Per boundary checked: the queue's next sequence number after its detectors. */
  private readonly checked: number[] = [];
  private readonly checkedSeq: number[] = [];
  private spikeCursor = 0;
  private checkedCursor = 0;

  /** A spike of `cell` at boundary n; `seq`: the sequence number its first event gets. */
  spike(n: number, cell: number, seq: number): void {
    this.boundaries.push(n);
    this.cells.push(cell);
    this.seqs.push(seq);
  }

  /** Boundary n's detectors are done; `seq`: the next sequence number. */
  detected(n: number, seq: number): void {
    this.checked.push(n);
    this.checkedSeq.push(seq);
  }

  /** The own spikes as (boundary, cell) pairs. */
  own(): Int32Array {
    const out = new Int32Array(2 * this.cells.length);
    for (let i = 0; i < this.cells.length; i++) {
      out[2 * i] = this.boundaries[i];
      out[2 * i + 1] = this.cells[i];
    }
    return out;
  }

  /**
   * The sequence number before which another partition's spike of `cell` at boundary n comes.
   * Calls come in (n, cell) order, over boundaries this log has checked.
   */
  gap(n: number, cell: number): number {
    const b = this.boundaries;
    let i = this.spikeCursor;
    while (i < b.length && (b[i] < n || (b[i] === n && this.cells[i] < cell))) i++;
    this.spikeCursor = i;
    if (i < b.length && b[i] === n) return this.seqs[i];
    let j = this.checkedCursor;
    while (j < this.checked.length && this.checked[j] < n) j++;
    this.checkedCursor = j;
    if (this.checked[j] !== n) throw new Error(`spike exchange: boundary ${n} is not in this partition's epoch`);
    return this.checkedSeq[j];
  }

  /** Forgets the epoch (its spikes were exchanged). */
  clear(): void {
    this.boundaries.length = 0;
    this.cells.length = 0;
    this.seqs.length = 0;
    this.checked.length = 0;
    this.checkedSeq.length = 0;
    this.spikeCursor = 0;
    this.checkedCursor = 0;
  }
}
