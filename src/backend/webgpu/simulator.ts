/// <reference types="@webgpu/types" />
import type { CompiledModel } from '../../compile/index.ts';
import type { LoweredMechanism } from '../../mech/index.ts';
import { SHADERS } from '../../shaders.gen.ts';
import type { RunOutput, SpikeRecord } from '../types.ts';
import { type EpochPlan, topoWithFlagRows, WORKGROUP } from './epoch-plan.ts';
import { type EpochGpu, epochResources } from './epoch-resources.ts';
import { STEP_BYTES } from './kernels.ts';
import type { GpuLayout } from './layout.ts';
import { modelPlan } from './model-plan.ts';
import { type Bound, GpuResources, SPIKES_HEADER, STEPS_PER_EPOCH } from './resources.ts';
import { uniformLayout, writeUniform } from './wgsl-declarations.ts';

// The WebGPU backend (f32): the CPU backend's step order with the work per step in a few
// dispatches, all steps of an epoch encoded in one compute pass and one submit:
//   inject   train spikes reaching boundary n -> input ring / artificial cells' inboxes;
//   artificial  per IntFire group: each cell's events of boundary n in time order (inbox and
//            self-event), net_event spikes with their times into the spike list and NetCons;
//   receive  per linear-receiver group: NET_RECEIVE with the summed weights of boundary n
//            (in the current pass, first, for groups that have a current);
//   current  per group with a current: (rhs, d) contributions at t + dt/2;
//   cell     per cell: cable equation, Hines solve, v += rhs; then its detector at boundary
//            n + 1, whose spike is appended to the spike list;
//   state    per group: SOLVE with the new v, at t + dt;
//   watch    per group with WATCHes: their conditions at boundary n + 1, handlers at once;
//   record   every recordEvery steps, the probes (NEURON's Vector.record(ptr) without Dt);
//   publish, detect_vref  vref detectors (Izhi2007a's V) at boundary n + 1;
//   deliver  the NetCons of the step's detector spikes -> input ring / inboxes.
// Where no spike can reach any cell within a few steps (the minimum NetCon delay), the steps run
// fused instead (DESIGN §5a, epoch-plan.ts): per chunk of up to that many steps, inject_chunk
// puts the chunk's train events in the ring, one kernel per cell type integrates its cells over
// the whole chunk (shaders/templates/epoch.wgsl), and deliver_chunk delivers the chunk's spikes.
// The host reads spikes and samples back once per epoch, while the next epoch runs (double
// buffering: two spike lists and stagings). Event times become boundaries as on
// the CPU; weights reaching one synapse at one boundary are summed (linear synapses only).

const STEP_WORDS = STEP_BYTES / 4;
const STEP = uniformLayout(SHADERS['kernels/step.wgsl'], 'Step');
const CHUNK = uniformLayout(SHADERS['kernels/chunk.wgsl'], 'Chunk');
const ZERO_OFFSET = new Uint32Array(1);
/** Invocations of the deliver pass at most (they stride over the step's spikes). */
const DELIVER_INVOCATIONS = 4096;

export interface GpuRunResult extends RunOutput {
  samples: Float32Array[];
  sampleTimes: Float64Array;
  /** Compute dispatches encoded per step (mean over the run). */
  dispatchesPerStep: number;
  /** Buffers, pipelines and bind groups made before the first step [s]. */
  setupSeconds: number;
  /** Steps per fused chunk, or why the run took the per-step path. */
  fused: { chunkSteps: number } | { perStep: string };
  /** GPU memory of the run [bytes]: all buffers, and those that grow with the synapses (NetCon words, train events). */
  gpuBytes: { total: number; synapses: number };
}

interface EpochOut {
  /** (boundary, cell, time bits; 0xffffffff: a detector's, at the boundary + 1e-10) per spike */
  spikes: Array<[number, number, number]>;
  rec: Float32Array;
}

export class GpuSimulator {
  private readonly layout: GpuLayout;
  private readonly res: GpuResources;
  /** The fused path's plan, or why the steps run one by one. */
  private readonly plan: EpochPlan | { reason: string };
  private epoch: EpochGpu | null = null;
  private readonly maxSpikes: number;
  private readonly deliverInvocations: number;
  private lastSpikeCount = 0;
  /** Compute dispatches encoded so far. */
  private dispatches = 0;
  /** Dynamic offset of each step's uniform block in an epoch. */
  private readonly stepOffsets = Uint32Array.from({ length: STEPS_PER_EPOCH }, (_, j) => j * STEP_BYTES);

  /** Set when the device is lost (driver reset, out of memory, destroyed): the run stops with it. */
  private lost: string | null = null;

  /**
   * `workgroupsPerDimension` lowers the adapter's maxComputeWorkgroupsPerDimension (to exercise
   * the 2-D grids that networks beyond 64 x 65 535 instances need); `bindingBytes` its largest
   * binding (to exercise the error for models too large for the adapter); `perStep` keeps the
   * per-step path where the fused one could run (to compare them).
   */
  constructor(
    private readonly device: GPUDevice,
    readonly model: CompiledModel,
    readonly mechanisms: LoweredMechanism[],
    private readonly options: { workgroupsPerDimension?: number; bindingBytes?: number; perStep?: boolean } = {},
  ) {
    void device.lost.then((info) => {
      this.lost = `${info.reason}${info.message ? `: ${info.message}` : ''}`;
    });
    const planned = modelPlan(model, mechanisms);
    const layout = planned.layout;
    const p = options.perStep ? { reason: 'the per-step path was asked for' } : planned.plan;
    this.plan = p;
    // the fused kernels read one cell's inputs step after step: the ring per target
    this.layout =
      'reason' in p
        ? layout
        : {
            ...layout,
            ringSlots: p.ringSlots,
            ringSlotStride: 1,
            ringTargetStride: p.ringSlots,
            ringFlags: p.workgroups * p.ringSlots,
            topo: topoWithFlagRows(layout, p),
          };
    // At most one spike per cell per 0.5 ms (the detector must fall below threshold in between).
    this.maxSpikes = model.cellCount * Math.ceil((STEPS_PER_EPOCH * model.dt) / 0.5) + 1024;
    this.deliverInvocations = Math.max(1, Math.min(model.cellCount, DELIVER_INVOCATIONS));
    this.res = new GpuResources(device, model, mechanisms, this.layout, this.maxSpikes, options.bindingBytes);
  }

  /** Runs the whole model: finitialize, then every step; spikes and samples as the CPU backend reports them. */
  async run(onProgress?: (fraction: number, timeMs: number) => void): Promise<GpuRunResult> {
    const t0 = performance.now();
    await this.res.create();
    const { model } = this;
    if (!('reason' in this.plan))
      this.epoch = await epochResources(this.res, this.plan, this.layout, this.mechanisms, {
        nodes: model.nodes.count,
        probes: model.probes.length,
        maxSpikes: this.maxSpikes,
      });
    const setupSeconds = (performance.now() - t0) / 1e3;
    const probes = model.probes.length;
    const samplesTotal = Math.floor(model.steps / model.recordEvery) + 1;
    const samples = model.probes.map(() => new Float32Array(samplesTotal));
    const spikes: Array<[number, number, number]> = [];
    let sampleBase = 0;
    this.dispatches = 0;
    // The first epoch is finitialize: INITIAL, currents at t = 0, sample 0, detectors at boundary 0.
    // Epoch k + 1 is submitted before epoch k's results are read (two spike lists, two stagings).
    let inflight: { out: Promise<EpochOut>; samples: number; end: number } | null = null;
    const take = (out: EpochOut, count: number, end: number) => {
      for (let s = 0; s < count; s++) for (let p = 0; p < probes; p++) samples[p][sampleBase + s] = out.rec[s * probes + p];
      sampleBase += count;
      for (const spike of out.spikes) spikes.push(spike);
      onProgress?.(end / model.steps, end * model.dt);
    };
    let encodedSamples = 0;
    let k = 0;
    for (let first = -STEPS_PER_EPOCH; first < model.steps; first += STEPS_PER_EPOCH, k++) {
      if (this.lost) throw new Error(`webgpu backend: the device was lost (${this.lost})`);
      const parity = k % 2;
      const end = Math.min(model.steps, first + STEPS_PER_EPOCH);
      const epoch =
        first < 0
          ? this.encodeInit(parity)
          : this.epoch && !('reason' in this.plan)
            ? this.encodeChunks(first, end, encodedSamples, parity, this.epoch, this.plan.chunkSteps)
            : this.encodeSteps(first, end, encodedSamples, parity);
      encodedSamples += epoch.samples;
      const out = this.submitEpoch(epoch.encoder, parity, epoch.samples * probes);
      if (inflight) take(await inflight.out, inflight.samples, inflight.end);
      inflight = { out, samples: epoch.samples, end: Math.max(0, end) };
    }
    if (inflight) take(await inflight.out, inflight.samples, inflight.end);
    const sampleTimes = Float64Array.from({ length: samplesTotal }, (_, k) => this.layout.grid[k * model.recordEvery]);
    const synapses = 4 * (this.layout.topo.length - this.layout.offsets.nc) + this.layout.trainEvents.byteLength;
    return {
      spikes: this.spikeRecord(spikes),
      stimSpikes: this.layout.stimSpikes,
      samples,
      sampleTimes,
      sampleCount: this.layout.sampleCount,
      dispatchesPerStep: this.dispatches / model.steps,
      setupSeconds,
      fused: 'reason' in this.plan ? { perStep: this.plan.reason } : { chunkSteps: this.plan.chunkSteps },
      gpuBytes: { total: this.res.bytes, synapses },
    };
  }

  /** Frees every GPU buffer of this simulation. */
  destroy(): void {
    this.res.destroy();
  }

  /**
   * Spikes in NEURON's order: per boundary, the detectors' (at t + 1e-10, in cell order), then
   * in time order those delivered there: train spikes of NetStim/VecStim cells and artificial
   * cells' net_events.
   */
  private spikeRecord(recorded: Array<[number, number, number]>): SpikeRecord {
    const { grid } = this.layout;
    const bits = new DataView(new ArrayBuffer(4));
    const all = recorded.map(([m, c, timeBits]) => {
      if (timeBits === 0xffffffff) return { m, kind: 0, t: grid[m] + 1e-10, order: c, gid: this.model.gid[c] };
      bits.setUint32(0, timeBits);
      return { m, kind: 1, t: bits.getFloat32(0), order: c, gid: this.model.gid[c] };
    });
    const tr = this.layout.trainSpikes;
    tr.time.forEach((t, j) => all.push({ m: tr.boundary[j], kind: 1, t, order: j, gid: tr.gid[j] }));
    all.sort((a, b) => a.m - b.m || a.kind - b.kind || (a.kind === 1 ? a.t - b.t : 0) || a.order - b.order);
    return { time: all.map((s) => s.t), gid: all.map((s) => s.gid) };
  }

  private encodeInit(parity: number): { encoder: GPUCommandEncoder; samples: number } {
    const { model } = this;
    // t = 0, no solve, detectors tested at boundary 0 (unless the run has no steps)
    const words = new Uint32Array(STEP_WORDS);
    const detect = model.steps > 0 ? 1 : 0;
    writeUniform(STEP, words, 0, { t: 0, tMid: 0, tNext: 0, slot: 0, next: 0, solve: 0, detect, trainBegin: 0, trainEnd: 0, sample: 0 });
    this.device.queue.writeBuffer(this.res.buffer('steps'), 0, words);
    const encoder = this.device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    const run = (k: Bound, count: number) => this.encodeDispatch(pass, k, count, ZERO_OFFSET, 0);
    const ions = this.res.ionKernels;
    const ionRun = (k: Bound | undefined) => k && run(k, this.res.ionInvocations);
    ionRun(ions.ion_init);
    this.res.groups.forEach((g, i) => {
      if (g.kernels.initial) run(g.kernels.initial, g.count);
      // nrn_wrote_conc: a concentration writer's INITIAL makes e a Nernst value again
      if (writesConcentration(this.mechanisms[i])) ionRun(ions.nernst_init);
    });
    for (const g of this.res.groups) if (g.kernels.init_event) run(g.kernels.init_event, g.count);
    ionRun(ions.before_currents);
    for (const g of this.res.groups) if (g.kernels.current) run(g.kernels.current, g.count);
    for (const r of this.res.recordKernels) run(r, r.count);
    run(this.res.cellKernels[parity], model.cellCount);
    if (this.layout.hasVref) {
      for (const g of this.res.groups) if (g.kernels.publish) run(g.kernels.publish, g.count);
      run(this.res.detectVrefKernels[parity], model.cellCount);
    }
    // the fused path's delivery also sets the event flags its kernels read (its Chunk view of this block: parity 0)
    run(this.epoch ? this.epoch.deliver[parity] : this.res.deliverKernels[parity], this.deliverInvocations);
    pass.end();
    return { encoder, samples: 1 };
  }

  /** Steps first .. end-1 (boundaries first .. end): one uniform block per step, one pass. */
  private encodeSteps(first: number, end: number, sampleBase: number, parity: number): { encoder: GPUCommandEncoder; samples: number } {
    const { model, layout } = this;
    const count = end - first;
    const words = new Uint32Array(count * STEP_WORDS);
    let samples = 0;
    for (let j = 0; j < count; j++) {
      const n = first + j;
      writeUniform(STEP, words, j * STEP_WORDS, {
        t: layout.grid[n],
        tMid: layout.grid[n] + 0.5 * model.dt,
        tNext: layout.grid[n + 1],
        slot: n % layout.ringSlots,
        next: n + 1,
        solve: 1,
        detect: n + 1 < model.steps ? 1 : 0,
        trainBegin: layout.trainStart[n],
        trainEnd: layout.trainStart[n + 1],
        sample: (n + 1) % model.recordEvery === 0 ? (n + 1) / model.recordEvery - sampleBase : 0,
      });
    }
    this.device.queue.writeBuffer(this.res.buffer('steps'), 0, words);
    const encoder = this.device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    const offsets = this.stepOffsets;
    for (let j = 0; j < count; j++) {
      const n = first + j;
      this.encodeDispatch(pass, this.res.injectKernel, layout.trainStart[n + 1] - layout.trainStart[n], offsets, j);
      for (const g of this.res.groups) if (g.artificialReceive) this.encodeDispatch(pass, g.artificialReceive[parity], g.count, offsets, j);
      for (const g of this.res.groups) if (g.kernels.receive) this.encodeDispatch(pass, g.kernels.receive, g.count, offsets, j);
      if (this.res.ionKernels.before_currents) this.encodeDispatch(pass, this.res.ionKernels.before_currents, this.res.ionInvocations, offsets, j);
      for (const g of this.res.groups) if (g.kernels.current) this.encodeDispatch(pass, g.kernels.current, g.count, offsets, j);
      this.encodeDispatch(pass, this.res.cellKernels[parity], model.cellCount, offsets, j);
      for (const g of this.res.groups) if (g.kernels.state) this.encodeDispatch(pass, g.kernels.state, g.count, offsets, j);
      // the sample of t_{n+1}: after the states, before boundary n + 1's WATCH handlers (as the CPU's 'steps' sampling)
      if ((n + 1) % model.recordEvery === 0) {
        for (const r of this.res.recordKernels) this.encodeDispatch(pass, r, r.count, offsets, j);
        samples++;
      }
      if (layout.hasVref) {
        for (const g of this.res.groups) if (g.kernels.publish) this.encodeDispatch(pass, g.kernels.publish, g.count, offsets, j);
        this.encodeDispatch(pass, this.res.detectVrefKernels[parity], model.cellCount, offsets, j);
      }
      // WATCH checks at boundary n + 1, after its detectors (none at the run's last boundary)
      if (n + 1 < model.steps) for (const g of this.res.groups) if (g.kernels.watch) this.encodeDispatch(pass, g.kernels.watch, g.count, offsets, j);
      this.encodeDispatch(pass, this.res.deliverKernels[parity], this.deliverInvocations, offsets, j);
    }
    pass.end();
    return { encoder, samples };
  }

  /**
   * Steps first .. end-1 in chunks of at most chunkSteps: the submit's times at the start of the
   * plan buffer, one Chunk uniform block per chunk; per chunk its train events, each cell
   * type's kernel, clearing the event flags and the delivery of its spikes, in one pass.
   */
  private encodeChunks(
    first: number,
    end: number,
    sampleBase: number,
    parity: number,
    epoch: EpochGpu,
    chunkSteps: number,
  ): { encoder: GPUCommandEncoder; samples: number } {
    const { model, layout } = this;
    const times = new Float32Array(2 * (end - first + 1));
    for (let n = first; n <= end; n++) {
      times[2 * (n - first)] = layout.grid[n];
      times[2 * (n - first) + 1] = layout.grid[n] + 0.5 * model.dt;
    }
    this.device.queue.writeBuffer(this.res.buffer('plan'), 0, times);
    const chunks = Math.ceil((end - first) / chunkSteps);
    const words = new Uint32Array(chunks * STEP_WORDS);
    for (let j = 0; j < chunks; j++) {
      const a = first + j * chunkSteps;
      const b = Math.min(end, a + chunkSteps);
      writeUniform(CHUNK, words, j * STEP_WORDS, {
        first: a,
        count: b - a,
        hostFirst: first,
        steps: model.steps,
        sampleBase,
        recordEvery: model.recordEvery,
        trainBegin: layout.trainStart[a],
        trainEnd: layout.trainStart[b],
        dt: model.dt,
        celsius: model.celsius,
        cfac: 0.001 * (1 / model.dt),
        parity: j % 2,
        opaqueZero: 0,
      });
    }
    this.device.queue.writeBuffer(this.res.buffer('steps'), 0, words);
    const encoder = this.device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    const offsets = this.stepOffsets;
    for (let j = 0; j < chunks; j++) {
      const a = first + j * chunkSteps;
      const b = Math.min(end, a + chunkSteps);
      this.encodeDispatch(pass, epoch.inject[parity], layout.trainStart[b] - layout.trainStart[a], offsets, j);
      for (const t of epoch.types) this.encodeDispatch(pass, t.bound[parity], t.cells, offsets, j, WORKGROUP);
      this.encodeDispatch(pass, epoch.clear[parity], epoch.workgroups * (b - a), offsets, j);
      this.encodeDispatch(pass, epoch.deliver[parity], this.deliverInvocations, offsets, j);
    }
    pass.end();
    let samples = 0;
    for (let n = first; n < end; n++) if ((n + 1) % model.recordEvery === 0) samples++;
    return { encoder, samples };
  }

  /** Dispatches `k` over `invocations` with step uniform block `step` (offsets[step]). */
  private encodeDispatch(pass: GPUComputePassEncoder, k: Bound, invocations: number, offsets: Uint32Array, step: number, workgroup = 64): void {
    if (invocations === 0) return;
    pass.setPipeline(k.kernel.pipeline);
    if (k.kernel.kinds.includes('step')) pass.setBindGroup(0, k.bind, offsets, step, 1);
    else pass.setBindGroup(0, k.bind);
    this.dispatch(pass, invocations, workgroup);
    this.dispatches++;
  }

  /** `invocations` threads in workgroups of 64, as a 2-D grid where one row would exceed the adapter's limit. */
  private dispatch(pass: GPUComputePassEncoder, invocations: number, workgroup: number): void {
    const groups = Math.ceil(invocations / workgroup);
    const max = Math.min(this.device.limits.maxComputeWorkgroupsPerDimension, this.options.workgroupsPerDimension ?? Infinity);
    if (groups <= max) pass.dispatchWorkgroups(groups);
    else pass.dispatchWorkgroups(max, Math.ceil(groups / max));
  }

  /**
   * Submits an epoch (its spike list `parity` cleared first) and reads back its samples and
   * spikes. Only a prefix of the spike list is copied (twice the last epoch's count, at least
   * 4096 entries); a longer list is copied again in full (the list is not reused before then).
   */
  private async submitEpoch(encoder: GPUCommandEncoder, parity: number, recWords: number): Promise<EpochOut> {
    const prefix = Math.min(this.maxSpikes, Math.max(4096, 2 * this.lastSpikeCount + 1024));
    const recStaging = this.res.buffer(`stagingRec${parity}`);
    if (recWords > 0) encoder.copyBufferToBuffer(this.res.buffer('rec'), 0, recStaging, 0, 4 * recWords);
    this.device.queue.writeBuffer(this.res.buffer(`spikes${parity}`), 0, new Uint32Array(SPIKES_HEADER));
    const [count, rec] = await Promise.all([
      this.submitAndReadSpikes(encoder, parity, prefix),
      recWords > 0 ? this.mapped(recStaging, 4 * recWords) : new Float32Array(0),
    ]);
    let words = count;
    if (words[0] > prefix) {
      if (words[0] > this.maxSpikes) throw new Error(`webgpu backend: ${words[0]} spikes in one epoch exceed the spike buffer (${this.maxSpikes})`);
      words = await this.submitAndReadSpikes(this.device.createCommandEncoder(), parity, words[0]);
    }
    const n = words[0];
    if (words[1] > 0)
      throw new Error(
        `webgpu backend: ${words[1]} events were lost: more than 16 events reached one artificial cell at one boundary (the CPU backend has no such limit)`,
      );
    this.lastSpikeCount = n;
    const spikes: Array<[number, number, number]> = [];
    for (let j = 0, at = SPIKES_HEADER; j < n; j++, at += 3) spikes.push([words[at + 1], words[at], words[at + 2]]);
    return { spikes, rec };
  }

  /** Copies the count and `entries` spikes of list `parity` to staging, submits, and returns them (validation errors become exceptions). */
  private async submitAndReadSpikes(encoder: GPUCommandEncoder, parity: number, entries: number): Promise<Uint32Array> {
    const bytes = 4 * (SPIKES_HEADER + 3 * entries);
    const staging = this.res.buffer(`stagingSpikes${parity}`);
    encoder.copyBufferToBuffer(this.res.buffer(`spikes${parity}`), 0, staging, 0, bytes);
    this.device.pushErrorScope('validation');
    this.device.queue.submit([encoder.finish()]);
    const error = await this.device.popErrorScope();
    if (error) throw new Error(`webgpu backend: ${error.message}`);
    return new Uint32Array((await this.mapped(staging, bytes)).buffer);
  }

  /** The first `bytes` of a mappable buffer, copied out (the buffer is unmapped again). */
  private async mapped(buffer: GPUBuffer, bytes: number): Promise<Float32Array> {
    try {
      await buffer.mapAsync(GPUMapMode.READ, 0, bytes);
    } catch (e) {
      throw new Error(
        `webgpu backend: reading results back failed${this.lost ? ` (device lost: ${this.lost})` : ''}: ${(e as Error).message || (e as Error).name}`,
      );
    }
    const copy = new Float32Array(buffer.getMappedRange(0, bytes).slice(0));
    buffer.unmap();
    return copy;
  }
}

/** Whether the mechanism writes an ion concentration (cad's cai). */
function writesConcentration(m: LoweredMechanism): boolean {
  return Object.values(m.def.ionVars ?? {}).some((v) => v.write && (v.role === 'in' || v.role === 'out'));
}
