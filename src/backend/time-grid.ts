// NEURON's time grid and event delivery, shared by the CPU and WebGPU backends. t is
// accumulated by two additions of dt/2 per step in double (t[n] holds those exact values); an
// event at te reaches the first boundary m with te <= t_m + dt/2, and the run's last boundary
// (t = tstop) only takes events with te <= t (NEURON's closing delivery of the last step).

export class TimeGrid {
  /** [ms] t at each boundary 0 .. steps + 1 */
  readonly t: Float64Array;

  constructor(
    readonly dt: number,
    readonly steps: number,
  ) {
    this.t = new Float64Array(steps + 2);
    let t = 0;
    for (let n = 1; n < this.t.length; n++) {
      t += 0.5 * dt;
      t += 0.5 * dt;
      this.t[n] = t;
    }
  }

  /** The first boundary m >= from that delivers an event at te [ms] (Infinity for no finite time). */
  boundary(te: number, from = 0): number {
    if (!(te < Infinity)) return Infinity;
    const half = 0.5 * this.dt;
    const t = this.t;
    let m = Math.max(from, Math.ceil((te - half) / this.dt) - 1);
    while (m > from && te <= t[m - 1] + half) m--;
    while (m <= this.steps && te > t[m] + half) m++;
    return m;
  }

  /**
   * Samples NetPyNE's Vector.record(ptr, recordStep) keeps: one at t = 0, then one per record
   * event at accumulated times recordStep, recordStep + recordStep, ... up to the run's last t
   * (NEURON's closing delivery); at most `max`.
   */
  recordedSamples(recordStep: number, max: number): number {
    let count = 1;
    for (let s = recordStep; count < max && s <= this.t[this.steps]; s += recordStep) count++;
    return count;
  }

  /** Whether an event at te, due at boundary m, is delivered within the run. */
  delivered(m: number, te: number): boolean {
    return m < this.steps || (m === this.steps && te <= this.t[m]);
  }
}
