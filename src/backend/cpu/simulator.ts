import type { CompiledModel } from '../../compile/index.ts';
import { buildTable, type LoweredMechanism, type Precision } from '../../mech/index.ts';
import { TimeGrid } from '../time-grid.ts';
import type { SpikeRecord } from '../types.ts';
import { type CableKernel, cableKernel } from './cable-kernel.ts';
import { type Deliver, EventQueue } from './event-queue.ts';
import { type Arrays, type EventSink, type IonArrays, type MechKernels, mechKernels } from './mech-kernels.ts';
import { SegmentIons } from './segment-ions.ts';
import { SpikeLog } from './spike-log.ts';

// The CPU reference backend: NEURON's fixed step (DESIGN §3), in NEURON's order.
//   finitialize: v = v_init/vinit, INITIAL blocks, flag-1 events (WATCH arming), the events at
//   t = 0, currents at t = 0, the first sample, then the first step's checks and deliveries.
//   step n (t_n -> t_{n+1}): t += dt/2; currents (nrn_cur); cable solve; t += dt/2; states
//   (nrn_state); per-step recording; then boundary n+1.
//   boundary n: first the step's closing delivery (events with time <= t_n), then, unless n is
//   the last boundary (t = tstop), threshold detectors on v(t_n) -> spikes at t_n + 1e-10, WATCH
//   edges -> self-events at t_n, and the events with time <= t_n + dt/2. Each delivery is in
//   time order: NetCon events, fixed-train spikes, self-events of artificial cells (net_send;
//   net_move moves an instance's latest one), WATCH handlers, and (NetPyNE's
//   Vector.record(ptr, recordStep)) the samples, whose times are accumulated (0, Dt, Dt + Dt,
//   ...) as NEURON's record events are. Spikes sent during a delivery (net_event) reach the
//   same delivery when their delay allows.
// NEURON's t is accumulated by half steps in double; grid[n] holds those exact values.

/**
 * 'events': NetPyNE's Vector.record(ptr, recordStep) — samples delivered as events at
 * accumulated multiples of recordStep; 'steps': Vector.record(ptr) — a sample at the end of every
 * recordEvery-th step, before the boundary's events (how the NEURON fixtures were recorded).
 */
export type Sampling = 'events' | 'steps';

/** A partition of a threaded run (threaded.ts): one range of the network's cells. */
export interface PartitionRole {
  /** Per group: the field values tables are built from (the whole network's first instance). */
  tableFields: Array<Record<string, number>>;
}

export class CpuSimulator {
  readonly precision: Precision;
  /** Boundaries done: the state is at t = grid[step]. */
  step = 0;
  readonly V: Arrays;
  readonly fields: Array<Record<string, Arrays>>;
  readonly spikes: SpikeRecord = { time: [], gid: [] };
  /** With recordStimSpikes: the spikes of NetStim stimuli, by stim row (source - cellCount). */
  readonly stimSpikes: { time: number[]; stim: number[] } = { time: [], stim: [] };
  /** Per probe, one value per recordEvery steps (first at t = 0); the first sampleCount are taken. */
  readonly samples: Float64Array[];
  /** Time [ms] of each sample (NEURON's recorded t). */
  readonly sampleTimes: Float64Array;
  /** NEURON's t at each boundary (time.t). */
  readonly grid: Float64Array;
  private readonly time: TimeGrid;
  private readonly RHS: Arrays;
  private readonly D: Arrays;
  private readonly G: Float64Array;
  private readonly kernels: MechKernels[];
  private readonly withCurrent: number[];
  /** Groups whose nrn_state does something (a SOLVE block, or a current-less BREAKPOINT). */
  private readonly withState: number[];
  /** Groups with WATCH statements. */
  private readonly withWatches: number[];
  private readonly cable: CableKernel;
  private readonly queue: EventQueue;
  private readonly queueSlots: number;
  private readonly armed: Uint8Array[];
  private readonly last: Uint8Array[];
  private readonly detectorOn: Uint8Array;
  /** Per detector: the watched field array of a vref detector, else null. */
  private readonly detectorFields: Array<Arrays | null>;
  private readonly fired: Uint8Array[];
  private trainCursor = 0;
  /** Boundary whose events are being produced or delivered. */
  private now = 0;
  /** Per group and instance: sequence number of the movable self-event (-1 none, -2 beyond the run). */
  private readonly movable: Float64Array[];
  private readonly movableFlag: Int32Array[];
  private readonly movableWeight: Float64Array[];
  private readonly movableIndex: Int32Array[];
  /** Per group: its NET_RECEIVE state arrays (one value per NetCon of the model), or none. */
  private readonly netconState: Arrays[][];
  /** Next sample: index and time [ms] ('events' sampling). */
  private sample = 0;
  private sampleTime = 0;
  private readonly marks = new Float64Array(2);
  private readonly markKinds = new Uint8Array(2);
  private markCount = 0;
  private readonly onMark: (i: number) => void;
  private readonly deliver: Deliver;
  private readonly ions: SegmentIons;
  /** model.ions' arrays in order (ion probes). */
  private readonly ionArrays: IonArrays[];
  /** Per group: whether its mechanism writes an ion concentration (nrn_wrote_conc after its INITIAL). */
  private readonly writesConcentration: boolean[];
  /** In a partition: its detector spikes of the epoch, with their places in the queue. */
  private readonly log: SpikeLog | undefined;

  /**
   * `recordStimSpikes`: keep the spike times of NetStim stimuli (NetPyNE's recordStim records
   * them with NetCon.record). `partition`: this model is one partition of a threaded run.
   */
  constructor(
    readonly model: CompiledModel,
    readonly mechanisms: LoweredMechanism[],
    precision: Precision,
    readonly sampling: Sampling = 'events',
    readonly recordStimSpikes = false,
    partition?: PartitionRole,
  ) {
    this.precision = precision;
    this.log = partition ? new SpikeLog() : undefined;
    const A = precision === 'f32' ? Float32Array : Float64Array;
    const n = model.nodes.count;
    this.V = new A(n);
    this.RHS = new A(n);
    this.D = new A(n);
    this.G = Float64Array.of(0, model.dt, model.celsius);
    this.fields = model.groups.map((g) => Object.fromEntries(Object.entries(g.fields).map(([k, v]) => [k, A.from(v)])));
    this.movable = model.groups.map((g) => new Float64Array(g.count).fill(-1));
    this.movableFlag = model.groups.map((g) => new Int32Array(g.count));
    this.movableWeight = model.groups.map((g) => new Float64Array(g.count));
    this.movableIndex = model.groups.map((g) => new Int32Array(g.count));
    this.netconState = mechanisms.map((m) => (m.def.netconState ?? []).map(() => new A(model.netcons.count)));
    this.ions = new SegmentIons(model.ions, precision, model.celsius);
    this.ionArrays = model.ions.map((t) => this.ions.arrays[t.ion]);
    this.writesConcentration = mechanisms.map((m) => Object.values(m.def.ionVars ?? {}).some((v) => v.write && v.role !== 'i'));
    this.kernels = model.groups.map((g, i) => {
      const mech = mechanisms[i];
      const first = (f: string) => partition?.tableFields[i][f] ?? g.fields[f]?.[0] ?? mech.params[f] ?? 0;
      const built = mech.tables.map((t) => buildTable(mech, t, model.celsius, model.dt, first));
      // GLOBALs the table building assigned keep their values (NEURON's shared globals)
      for (const b of built) for (const [f, v] of b.globals) this.fields[i][f].fill(v);
      const tables = Object.fromEntries(mech.tables.map((t, j) => [t.name, A.from(built[j].values)]));
      return mechKernels(mech, g, this.fields[i], tables, precision, this.eventSink(i), this.ions.arrays, model.nodes.area, this.netconState[i]);
    });
    this.withCurrent = mechanisms.flatMap((m, i) => (m.def.currents ? [i] : []));
    this.withWatches = mechanisms.flatMap((m, i) => (m.watches.length > 0 && model.groups[i].count > 0 ? [i] : []));
    this.withState = mechanisms.flatMap((m, i) => (m.state.stmts.length > 0 || (!m.def.currents && m.breakpoint.stmts.length > 0) ? [i] : []));
    this.cable = cableKernel(model.nodes, model.dt, precision);
    this.armed = model.groups.map((g, i) => new Uint8Array(g.count * mechanisms[i].watches.length));
    this.last = this.armed.map((a) => new Uint8Array(a.length));
    this.fired = this.armed.map((a) => new Uint8Array(a.length));
    this.detectorOn = new Uint8Array(model.detectors.count);
    const det = model.detectors;
    this.detectorFields = Array.from(det.field, (f, k) => (det.group[k] < 0 ? null : this.fields[det.group[k]][f]));
    this.time = new TimeGrid(model.dt, model.steps);
    this.grid = this.time.t;
    let maxDelay = 0;
    for (let k = 0; k < model.netcons.count; k++) maxDelay = Math.max(maxDelay, model.netcons.delay[k]);
    // a delay beyond the run delivers nothing in it: the ring need not reach further than the run
    this.queueSlots = Math.min(Math.ceil(maxDelay / model.dt), model.steps) + 4;
    this.queue = new EventQueue(this.queueSlots);
    const samples = Math.floor(model.steps / model.recordEvery) + 1;
    this.samples = model.probes.map(() => new Float64Array(samples));
    this.sampleTimes = new Float64Array(samples);
    this.deliver = (group, instance, weight, time, flag, index, seq) => {
      if (group < 0) {
        this.spike(instance, time);
        return;
      }
      if (flag !== 0 && this.movable[group][instance] === seq) this.movable[group][instance] = -1;
      this.kernels[group].receive(instance, weight, time, flag, index, this.V, this.G);
    };
    this.onMark = (i) => {
      if (this.markKinds[i] === MARK_WATCH) this.fireWatches();
      else this.takeSample();
    };
  }

  /** finitialize(v_init). */
  initialize(): void {
    const { V, G, model } = this;
    this.step = 0;
    this.now = 0;
    this.trainCursor = 0;
    this.queue.reset();
    this.stimSpikes.time.length = 0;
    this.stimSpikes.stim.length = 0;
    this.movable.forEach((m) => m.fill(-1));
    G[0] = 0;
    V.set(model.nodes.vInit);
    this.ions.initialize();
    this.kernels.forEach((k, i) => {
      k.initial(V, G);
      if (this.writesConcentration[i]) this.ions.wroteConcentrations();
    });
    // NET_RECEIVE INITIAL blocks, one per NetCon (NetCon::init), on each NetCon's state
    const nc = model.netcons;
    for (let k = 0; k < nc.count; k++)
      if (nc.group[k] >= 0 && this.mechanisms[nc.group[k]].netconInitial.stmts.length > 0) this.kernels[nc.group[k]].netconInitial(k, nc.weight[k], G);
    this.kernels.forEach((k, i) => k.initEvent(V, G, this.armed[i], this.last[i]));
    this.detectorOn.fill(0);
    this.sample = 0;
    this.sampleTime = Infinity; // the first sample is taken below, after the currents
    // finitialize delivers the events at t = 0 (INITIAL's net_send, trains starting at 0) before
    // the currents and the first record event
    this.openBoundary(0);
    this.cable.setup(this.RHS, this.D);
    this.ions.beforeCurrents();
    for (const i of this.withCurrent) this.kernels[i].current(V, this.RHS, this.D, G);
    this.takeSample();
    if (this.model.steps > 0) this.checkAndDeliver(0);
    this.queue.close();
  }

  /** Samples taken so far. */
  get sampleCount(): number {
    return this.sample;
  }

  /** Advances `count` steps (stopping at the model's end). */
  advance(count: number): void {
    const end = Math.min(this.model.steps, this.step + count);
    while (this.step < end) this.fixedStep();
  }

  private fixedStep(): void {
    const { V, G, RHS, D, model, grid } = this;
    const n = this.step;
    G[0] = grid[n] + 0.5 * model.dt;
    this.cable.setup(RHS, D);
    this.ions.beforeCurrents();
    for (const i of this.withCurrent) this.kernels[i].current(V, RHS, D, G);
    this.cable.solve(V, RHS, D);
    G[0] = grid[n + 1];
    for (const i of this.withState) this.kernels[i].state(V, G);
    this.step = n + 1;
    if (this.sampling === 'steps' && this.step % model.recordEvery === 0) this.takeSample();
    this.boundary(this.step);
  }

  /**
   * Boundary n, as NEURON's step ends and the next begins: the closing delivery of the step
   * (nrn_deliver_events: events with time <= t_n), then threshold detectors and WATCH edges
   * (check_thresh), then the events with time <= t_n + dt/2 (deliver_net_events). The run's
   * last boundary has only the closing delivery (a record event whose accumulated time lies just
   * past tstop is not delivered: NEURON's vector is one sample shorter then).
   */
  private boundary(n: number): void {
    this.openBoundary(n);
    if (n < this.model.steps) this.checkAndDeliver(n);
    this.queue.close();
  }

  /** Queues the trains due, opens boundary n and delivers its events with time <= t_n. */
  private openBoundary(n: number): void {
    const t = this.grid[n];
    this.G[0] = t;
    this.now = n;
    this.fireTrains(n);
    this.queue.open(n);
    this.markCount = 0;
    if (this.sampleDue(t)) this.addMark(this.sampleTime, MARK_SAMPLE);
    this.queue.deliverUntil(t, this.deliver, this.marks, this.markCount, this.onMark);
  }

  /** Detectors and WATCH edges at t_n, then the events with time <= t_n + dt/2. */
  private checkAndDeliver(n: number): void {
    const { V, G } = this;
    this.detect(n);
    for (const i of this.withWatches) this.kernels[i].watchCheck(V, G, this.armed[i], this.last[i], this.fired[i]);
    const due = this.grid[n] + 0.5 * this.model.dt;
    this.markCount = 0;
    if (this.withWatches.length > 0) this.addMark(this.grid[n], MARK_WATCH);
    if (this.sampleDue(due)) this.addMark(this.sampleTime, MARK_SAMPLE);
    this.queue.deliverUntil(due, this.deliver, this.marks, this.markCount, this.onMark);
  }

  /** Whether NetPyNE's next record event ('events' sampling) falls at or before `time`. */
  private sampleDue(time: number): boolean {
    return this.sampling === 'events' && this.sample < (this.samples[0]?.length ?? 0) && this.sampleTime <= time;
  }

  private addMark(time: number, kind: number): void {
    this.marks[this.markCount] = time;
    this.markKinds[this.markCount++] = kind;
  }

  private fireWatches(): void {
    for (const i of this.withWatches) this.kernels[i].watchFire(this.V, this.G, this.fired[i]);
  }

  /** Threshold detectors at boundary n: a spike when v (or a vref field) first exceeds threshold (NEURON adds 1e-10). */
  private detect(n: number): void {
    const det = this.model.detectors;
    const V = this.V;
    const watched = this.detectorFields;
    for (let k = 0; k < det.count; k++) {
      const g = det.group[k];
      const value = g < 0 ? V[det.node[k]] : watched[k]![det.instance[k]];
      if (value > det.threshold[k]) {
        if (this.detectorOn[k] === 0) {
          this.detectorOn[k] = 1;
          this.log?.spike(n, det.cell[k], this.queue.pushed);
          this.spike(det.cell[k], this.grid[n] + 1e-10);
        }
      } else {
        this.detectorOn[k] = 0;
      }
    }
    this.log?.detected(n, this.queue.pushed);
  }

  /** In a partition: its detector spikes since the last exchange, as (boundary, cell) pairs. */
  ownSpikes(): Int32Array {
    return this.log!.own();
  }

  /**
   * In a partition: queues the NetCon events of other partitions' detector spikes (boundary,
   * cell) of the epoch just run, in (boundary, cell) order, where the whole network's run
   * queues them: between this partition's own events by sequence number (SpikeLog.gap), ties in
   * (boundary, NetCon) order. They are due after the epoch (its length is below the shortest
   * delay), so none is late.
   */
  queueRemoteSpikes(spikes: Int32Array): void {
    const log = this.log!;
    const nc = this.model.netcons;
    for (let i = 0; i < spikes.length; i += 2) {
      const n = spikes[i];
      const cell = spikes[i + 1];
      if (nc.start[cell] === nc.start[cell + 1]) continue;
      const seq = log.gap(n, cell) - 0.5;
      const time = this.grid[n] + 1e-10;
      for (let k = nc.start[cell]; k < nc.start[cell + 1]; k++) {
        const te = time + nc.delay[k];
        const m = this.time.boundary(te, n);
        const index = this.netconState[nc.group[k]]?.length ? k : nc.weightIndex[k];
        if (this.time.delivered(m, te)) this.queue.pushAt(m, nc.group[k], nc.instance[k], nc.weight[k], te, index, seq, n * nc.count + k);
      }
    }
    log.clear();
  }

  /**
   * Queues the spikes of fixed trains (NetStim, VecStim) as far ahead as the ring reaches:
   * like NEURON's NetStim self-events they are queued before the NetCon events of later spikes.
   */
  private fireTrains(n: number): void {
    const tr = this.model.trains;
    const horizon = n + this.queueSlots - 1;
    while (this.trainCursor < tr.count) {
      const m = this.time.boundary(tr.time[this.trainCursor], n);
      if (m > horizon) break;
      if (this.time.delivered(m, tr.time[this.trainCursor])) this.queue.push(m, -1, tr.source[this.trainCursor], 0, tr.time[this.trainCursor]);
      this.trainCursor++;
    }
  }

  /** Event statements of group g's instances. */
  private eventSink(g: number): EventSink {
    return {
      send: (k, time, flag, w, index) => this.selfEvent(g, k, time, flag, w, index),
      move: (k, time) => {
        const seq = this.movable[g][k];
        if (seq === -1)
          throw new Error(`net_move in ${this.mechanisms[g].def.name} (cell gid ${this.model.gid[this.model.groups[g].cell[k]]}): no self-event to move`);
        if (seq >= 0) this.queue.cancel(seq);
        this.selfEvent(g, k, time, this.movableFlag[g][k], this.movableWeight[g][k], this.movableIndex[g][k]);
      },
      // NetPyNE's spike source is the section (or vref) detector, never a point process's own
      // net_event (no NetCon has it as source), so only artificial cells emit spikes here.
      event: this.mechanisms[g].def.kind === 'artificial' ? (k, time) => this.spike(this.model.groups[g].cell[k], time) : () => undefined,
    };
  }

  /** net_send: a self-event at `time`, which becomes the instance's movable one. */
  private selfEvent(g: number, k: number, time: number, flag: number, w: number, index: number): void {
    const m = this.time.boundary(time, this.now);
    this.movable[g][k] = this.time.delivered(m, time) ? this.queue.push(m, g, k, w, time, flag, index) : -2;
    this.movableFlag[g][k] = flag;
    this.movableWeight[g][k] = w;
    this.movableIndex[g][k] = index;
  }

  private spike(source: number, time: number): void {
    const { model } = this;
    const n = this.now;
    if (source < model.cellCount) {
      this.spikes.time.push(time);
      this.spikes.gid.push(model.gid[source]);
    } else if (this.recordStimSpikes) {
      this.stimSpikes.time.push(time);
      this.stimSpikes.stim.push(source - model.cellCount);
    }
    const nc = model.netcons;
    for (let k = nc.start[source]; k < nc.start[source + 1]; k++) {
      const te = time + nc.delay[k];
      const m = this.time.boundary(te, n);
      // the event's index: the NetCon itself for a receiver with per-NetCon state, else its weight index
      const index = this.netconState[nc.group[k]]?.length ? k : nc.weightIndex[k];
      if (this.time.delivered(m, te)) this.queue.push(m, nc.group[k], nc.instance[k], nc.weight[k], te, 0, index);
    }
  }

  /** Records every probe as sample `this.sample`; the next sample time is accumulated. */
  private takeSample(): void {
    const { model, V } = this;
    const k = this.sample;
    if (k >= (this.samples[0]?.length ?? 0)) return;
    for (let i = 0; i < model.probes.length; i++) {
      const t = model.probes[i].target;
      this.samples[i][k] = t.kind === 'node' ? V[t.node] : t.kind === 'ion' ? this.ionArrays[t.ion][t.role][t.node] : this.fields[t.group][t.field][t.instance];
    }
    this.sampleTimes[k] = this.sampling === 'steps' || k === 0 ? this.grid[this.step] : this.sampleTime;
    this.sample = k + 1;
    this.sampleTime = k === 0 ? model.recordStep : this.sampleTime + model.recordStep;
  }
}

const MARK_WATCH = 0;
const MARK_SAMPLE = 1;
