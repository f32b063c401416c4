/// <reference types="@webgpu/types" />
import type { CompiledModel } from '../../compile/index.ts';
import { assignedFields, buildTable, fillSlots, ionKtf, type LoweredMechanism, mechanismWgsl, type WgslSpecialization } from '../../mech/index.ts';
import { SHADERS } from '../../shaders.gen.ts';
import { shapeWgsl } from './cell-shape.ts';
import { type Kernel, KernelCache, STEP_BYTES } from './kernels.ts';
import { type GpuLayout, ION_SOURCE, UnsupportedOnGpu } from './layout.ts';
import { packUniform, uniformLayout } from './wgsl-declarations.ts';

// The GPU side of one run: buffers (named, so they can be bound and freed), the kernels of
// shaders/kernels and of each mechanism group with their bind groups. Buffers that an epoch
// reads back come in two (parity 0/1), so the next epoch can run meanwhile.

/** Steps per epoch: one compute pass, one submit, one read-back. */
export const STEPS_PER_EPOCH = 1000;

export interface Bound {
  kernel: Kernel;
  bind: GPUBindGroup;
}

export interface GroupGpu {
  kernels: Partial<Record<'initial' | 'init_event' | 'receive' | 'current' | 'state' | 'watch' | 'publish', Bound>>;
  /** Artificial cells: their receive pass per epoch parity (it appends to that epoch's spike list). */
  artificialReceive?: Bound[];
  count: number;
  /** The group's fields: a range of the shared `fields` buffer. */
  fields: GPUBufferBinding;
}

/** Group i's data, packed for the GPU: fields (field f of instance k at f count + k), tables, scale. */
interface GroupData {
  fields: Float32Array;
  /** Per (WATCH j, instance k) at j count + k its state (mechanism.wgsl watchState), 0 before INITIAL. */
  watch: Float32Array;
  tables: Float32Array;
  scale: Float32Array;
  /** Field values by name (the table-built GLOBALs included), for the specialization. */
  values: Record<string, Float64Array>;
}

/**
 * Where group i's data sits in the shared buffers [bytes]: fields and WATCH states in `fields`
 * (so the fused kernels reach every group's through one binding), tables and scale in `params`.
 */
export interface GroupRegions {
  fields: GPUBufferBinding;
  watch: GPUBufferBinding;
  tables: GPUBufferBinding;
  scale: GPUBufferBinding;
}

/** Words before the first spike of a spike list (shaders/kernels/spikes.wgsl SPIKES_HEADER). */
export const SPIKES_HEADER = 4;

/** Events one artificial cell can take per boundary (shaders/kernels/ring.wgsl INBOX_CAP). */
const INBOX_CAP = 16;

/** What grows each large buffer, for the message of a model too large for the adapter. */
const GROWS_WITH: Record<string, string> = {
  ring: 'cells with synaptic inputs x the longest delay in steps',
  topo: 'synapses (12 bytes each) and compartments',
  trains: 'NetStim/VecStim spikes x their connections',
  spikes: 'cells (spike list of an epoch)',
  nodeData: 'compartments',
};

/** A model whose tables exceed what one binding of this adapter holds. */
export class ModelTooLarge extends UnsupportedOnGpu {
  constructor(buffer: string, bytes: number, limit: number) {
    const grows = GROWS_WITH[buffer.replace(/\d+$/, '')] ?? 'the model';
    super(
      `a model whose '${buffer}' table needs ${(bytes / 2 ** 20).toFixed(1)} MiB (it grows with ${grows}), more than this adapter's largest binding (${(limit / 2 ** 20).toFixed(0)} MiB),`,
    );
    this.name = 'ModelTooLarge';
  }
}

export class GpuResources {
  private readonly buffers = new Map<string, GPUBuffer>();
  readonly kernels: KernelCache;
  groups: GroupGpu[] = [];
  /** Per group, its ranges of the shared `fields` and `params` buffers. */
  regions: GroupRegions[] = [];
  /** Per group, its tables (each output's entries in turn, tables in order: buildTable's layout). */
  tables: Float32Array[] = [];
  /** Per group, the parameters its WGSL takes as constants. */
  constants: Array<ReadonlyMap<string, number>> = [];
  /** Per epoch parity (its spike list). */
  readonly cellKernels: Bound[] = [];
  readonly detectVrefKernels: Bound[] = [];
  readonly deliverKernels: Bound[] = [];
  injectKernel!: Bound;
  /** The ion kernels (shaders/kernels/ions.wgsl), when the model has segment ions; one invocation per (table, node). */
  ionKernels: Partial<Record<'ion_init' | 'nernst_init' | 'before_currents', Bound>> = {};
  ionInvocations = 0;
  recordKernels: Array<Bound & { count: number }> = [];

  /** `bindingBytes` lowers the adapter's largest binding (to exercise the ModelTooLarge error). */
  constructor(
    private readonly device: GPUDevice,
    private readonly model: CompiledModel,
    private readonly mechanisms: LoweredMechanism[],
    private readonly layout: GpuLayout,
    private readonly maxSpikes: number,
    private readonly bindingBytes = Infinity,
  ) {
    this.kernels = new KernelCache(device);
  }

  /** Frees every buffer. */
  destroy(): void {
    for (const b of this.buffers.values()) b.destroy();
    this.buffers.clear();
  }

  /** Bytes of GPU memory held. */
  get bytes(): number {
    let total = 0;
    for (const b of this.buffers.values()) total += b.size;
    return total;
  }

  buffer(name: string): GPUBuffer {
    const b = this.buffers.get(name);
    if (!b) throw new Error(`webgpu backend: no buffer ${name}`);
    return b;
  }

  make(name: string, data: ArrayBufferView | number, usage: number): GPUBuffer {
    const bytes = typeof data === 'number' ? data : data.byteLength;
    const size = Math.max(16, Math.ceil(bytes / 4) * 4);
    // storage buffers are bound whole; the step uniforms are bound 256 bytes at a time
    const limit =
      usage & GPUBufferUsage.STORAGE ? Math.min(this.bindingBytes, this.device.limits.maxStorageBufferBindingSize) : this.device.limits.maxBufferSize;
    if (size > limit) throw new ModelTooLarge(name, size, limit);
    // Mappable buffers may only be copy destinations besides.
    const copies = usage & GPUBufferUsage.MAP_READ ? GPUBufferUsage.COPY_DST : GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
    const buffer = this.device.createBuffer({ label: name, size, usage: usage | copies, mappedAtCreation: typeof data !== 'number' });
    if (typeof data !== 'number') {
      new Uint8Array(buffer.getMappedRange()).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      buffer.unmap();
    }
    this.buffers.set(name, buffer);
    return buffer;
  }

  /** Every buffer, pipeline and bind group of the run. */
  async create(): Promise<void> {
    const { model, layout, mechanisms } = this;
    const S = GPUBufferUsage.STORAGE;
    const U = GPUBufferUsage.UNIFORM;
    const probes = model.probes.length;
    const recSamples = Math.ceil(STEPS_PER_EPOCH / model.recordEvery) + 1;
    this.make('steps', STEPS_PER_EPOCH * STEP_BYTES, U);
    const n = model.nodes.count;
    const V = new Float32Array(4 * n + model.cellCount);
    V.set(model.nodes.vInit);
    V.set(model.nodes.vInit, 2 * n);
    this.make('V', V, S);
    this.make('nodeData', layout.nodeData, S);
    this.make('work', 8 * model.nodes.count, S);
    this.make('contrib', 8 * layout.contribCount, S);
    this.make('ring', 4 * (layout.ringSlots * layout.ringStride + layout.ringFlags), S);
    this.make('topo', layout.topo, S);
    this.make('inbox', 4 * layout.ringSlots * layout.arts * (1 + 2 * INBOX_CAP), S);
    // two of each: epoch k + 1 runs while epoch k's spikes and samples are read back
    for (const p of [0, 1]) {
      this.make(`spikes${p}`, 4 * (SPIKES_HEADER + 3 * this.maxSpikes), S);
      this.make(`stagingSpikes${p}`, 4 * (SPIKES_HEADER + 3 * this.maxSpikes), GPUBufferUsage.MAP_READ);
      this.make(`stagingRec${p}`, 4 * recSamples * probes, GPUBufferUsage.MAP_READ);
    }
    this.make('trains', layout.trainEvents, S);
    this.make('rec', 4 * recSamples * probes, S);
    const o = layout.offsets;
    const cells = packUniform(uniformLayout(SHADERS['kernels/cell.wgsl'], 'Cells'), {
      count: model.cellCount,
      cfac: 0.001 * (1 / model.dt),
      ringSlotStride: layout.ringSlotStride,
      ringSlots: layout.ringSlots,
      contribStart: o.contribStart,
      contribIndex: o.contribIndex,
      nodeStart: o.nodeStart,
      detNode: o.detNode,
      detThreshold: o.detThreshold,
      ncStart: o.ncStart,
      nc: o.nc,
      flags: 4 * model.nodes.count,
      maxSpikes: this.maxSpikes,
      nodes: model.nodes.count,
      arts: layout.arts,
      shaped: o.shaped,
      ringTargetStride: layout.ringTargetStride,
    });
    this.make('cellsUniform', cells, U);
    const inject = { ringSlotStride: layout.ringSlotStride, ringTargetStride: layout.ringTargetStride, arts: layout.arts };
    this.make('injectUniform', packUniform(uniformLayout(SHADERS['kernels/inject.wgsl'], 'Inject'), inject), U);
    const step = SHADERS['kernels/step.wgsl'];
    const ring = SHADERS['kernels/ring.wgsl'];
    const cellCode = step + ring + SHADERS['kernels/spikes.wgsl'] + fillSlots(SHADERS['kernels/cell.wgsl'], { SHAPE: shapeWgsl(layout.shape) });
    const [cellKernel, detectVref, deliver] = await Promise.all(
      ['cell', 'detect_vref', 'deliver_spikes'].map((entry) => this.kernels.get(cellCode, entry, 'cell')),
    );
    for (const p of [0, 1]) {
      const cellBuffers = ['cellsUniform', 'steps', 'nodeData', 'V', 'work', 'contrib', 'topo', `spikes${p}`, 'ring', 'inbox'].map((b) => this.buffer(b));
      this.cellKernels[p] = { kernel: cellKernel, bind: this.kernels.bind(cellKernel, cellBuffers, `cell${p}`) };
      this.detectVrefKernels[p] = { kernel: detectVref, bind: this.kernels.bind(detectVref, cellBuffers, `detect_vref${p}`) };
      this.deliverKernels[p] = { kernel: deliver, bind: this.kernels.bind(deliver, cellBuffers, `deliver_spikes${p}`) };
    }
    const injectKernel = await this.kernels.get(step + ring + SHADERS['kernels/inject.wgsl'], 'inject_trains', 'inject');
    this.injectKernel = {
      kernel: injectKernel,
      bind: this.kernels.bind(
        injectKernel,
        ['injectUniform', 'steps', 'trains', 'ring', 'inbox'].map((b) => this.buffer(b)),
        'inject',
      ),
    };
    await this.ionResources();
    const data = model.groups.map((_, i) => this.groupData(i));
    this.regions = this.sharedRegions(data);
    this.tables = data.map((d) => d.tables);
    this.groups = await Promise.all(model.groups.map((g, i) => this.groupResources(i, g.count, mechanisms[i], data[i])));
    const record = await this.kernels.get(step + SHADERS['kernels/record.wgsl'], 'record_probes', 'record');
    this.recordKernels = [...layout.probeSources].map(([source, pairs], i) => {
      const list = this.make(`probes${i}`, Uint32Array.from(pairs), S);
      const uniform = this.make(
        `recordUniform${i}`,
        packUniform(uniformLayout(SHADERS['kernels/record.wgsl'], 'Record'), { count: pairs.length / 2, stride: probes }),
        U,
      );
      const src = source === ION_SOURCE ? this.buffer('ions') : source < 0 ? this.buffer('V') : this.groups[source].fields;
      return {
        kernel: record,
        bind: this.kernels.bind(record, [uniform, this.buffer('steps'), list, src, this.buffer('rec')], `record${i}`),
        count: pairs.length / 2,
      };
    });
  }

  /**
   * The segments' ions: their arrays (the compiled e, i = 0, in, out per table: ion_init does
   * the rest, shaders/kernels/ions.wgsl) and the ion kernels, none without ions.
   */
  private async ionResources(): Promise<void> {
    const { model } = this;
    const n = model.nodes.count;
    const tables = model.ions;
    const S = GPUBufferUsage.STORAGE;
    const values = new Float32Array(Math.max(1, 4 * n * tables.length));
    const style = new Uint32Array(Math.max(1, n * tables.length));
    const info = new Float32Array(Math.max(4, 4 * tables.length));
    tables.forEach((t, j) => {
      values.set(t.e, 4 * j * n);
      values.set(t.ci, (4 * j + 2) * n);
      values.set(t.co, (4 * j + 3) * n);
      style.set(t.style, j * n);
      info.set([t.valence, t.ci0, t.co0, 0], 4 * j);
    });
    this.make('ions', values, S);
    if (tables.length === 0) return;
    this.make('ionStyle', style, S);
    this.make('ionTables', info, S);
    const params = packUniform(uniformLayout(SHADERS['kernels/ions.wgsl'], 'IonParams'), {
      nodeCount: n,
      tables: tables.length,
      ktf: ionKtf(model.celsius),
      _pad: 0,
    });
    this.make('ionParams', params, GPUBufferUsage.UNIFORM);
    const buffers = ['ionParams', 'ions', 'ionStyle', 'ionTables'].map((b) => this.buffer(b));
    for (const entry of ['ion_init', 'nernst_init', 'before_currents'] as const) {
      const kernel = await this.kernels.get(SHADERS['kernels/ions.wgsl'], entry, 'ions');
      this.ionKernels[entry] = { kernel, bind: this.kernels.bind(kernel, buffers, `ions:${entry}`) };
    }
    this.ionInvocations = n * tables.length;
  }

  /** Group i's fields (with the GLOBALs its tables assign), tables and scale. */
  private groupData(i: number): GroupData {
    const { model, mechanisms } = this;
    const g = model.groups[i];
    const mech = mechanisms[i];
    const built = mech.tables.map((t) => buildTable(mech, t, model.celsius, model.dt, (f) => g.fields[f]?.[0] ?? mech.params[f] ?? 0));
    // GLOBALs the table building assigned keep their values (NEURON's shared globals), as on the CPU
    const values = { ...g.fields };
    for (const b of built) for (const [f, v] of b.globals) values[f] = new Float64Array(g.count).fill(v);
    const fieldNames = Object.keys(values);
    const fields = new Float32Array(Math.max(1, fieldNames.length * g.count));
    fieldNames.forEach((f, j) => fields.set(values[f], j * g.count));
    const tables = Float32Array.from(built.flatMap((b) => Array.from(b.values)));
    const scale = mech.def.kind === 'artificial' ? new Float32Array(0) : Float32Array.from(g.scale);
    const watch = new Float32Array(mech.watches.length * g.count);
    return { fields, watch, tables, scale, values };
  }

  /** The shared `fields` and `params` buffers, each group's data in its own aligned range. */
  private sharedRegions(data: GroupData[]): GroupRegions[] {
    const align = this.device.limits.minStorageBufferOffsetAlignment;
    const place = (arrays: Float32Array[]) => {
      const at: number[] = [];
      let bytes = 0;
      for (const a of arrays) {
        at.push(bytes);
        bytes += Math.ceil(Math.max(4, a.byteLength) / align) * align;
      }
      const all = new Float32Array(Math.max(1, bytes / 4));
      arrays.forEach((a, j) => all.set(a, at[j] / 4));
      return { at, all };
    };
    const fields = place(data.flatMap((d) => [d.fields, d.watch]));
    const params = place(data.flatMap((d) => [d.tables, d.scale]));
    const fieldsBuffer = this.make('fields', fields.all, GPUBufferUsage.STORAGE);
    const paramsBuffer = this.make('params', params.all, GPUBufferUsage.STORAGE);
    const range = (buffer: GPUBuffer, offset: number, a: Float32Array): GPUBufferBinding => ({ buffer, offset, size: Math.max(4, a.byteLength) });
    return data.map((d, i) => ({
      fields: range(fieldsBuffer, fields.at[2 * i], d.fields),
      watch: range(fieldsBuffer, fields.at[2 * i + 1], d.watch),
      tables: range(paramsBuffer, params.at[2 * i], d.tables),
      scale: range(paramsBuffer, params.at[2 * i + 1], d.scale),
    }));
  }

  private async groupResources(i: number, count: number, mech: LoweredMechanism, data: GroupData): Promise<GroupGpu> {
    const { model, layout } = this;
    const g = model.groups[i];
    const S = GPUBufferUsage.STORAGE;
    const { fields, tables, scale } = this.regions[i];
    const spec = specialization(mech, data.values, count, layout.probeSources.get(i) ?? [], layout.vrefField[i]);
    this.constants[i] = spec.constants ?? new Map();
    if (mech.def.kind === 'artificial') return this.artificialResources(i, count, mech, fields, tables);
    const buffers = [
      this.make(`group${i}`, groupUniform(count, layout, i, model), GPUBufferUsage.UNIFORM),
      this.buffer('steps'),
      fields,
      this.make(`node${i}`, Uint32Array.from(g.node), S),
      scale,
      tables,
      this.buffer('V'),
      this.buffer('contrib'),
      this.buffer('ring'),
      this.regions[i].watch,
      this.buffer('ions'),
    ];
    const code = mechanismWgsl(mech, { ...spec, ions: layout.ionOffsets[i] });
    const entries: Array<keyof GroupGpu['kernels']> = ['initial'];
    if (mech.watches.length > 0 || mech.initEvent.stmts.length > 0) entries.push('init_event');
    if (mech.watches.length > 0) entries.push('watch');
    if (layout.vrefField[i] >= 0) entries.push('publish');
    // a group with a current takes its events in the current pass (receiveFirst)
    if (layout.ringBase[i] >= 0 && layout.contribBase[i] < 0) entries.push('receive');
    if (mech.def.currents) entries.push('current');
    if (mech.state.stmts.length > 0 || (!mech.def.currents && mech.breakpoint.stmts.length > 0)) entries.push('state');
    const kernels: GroupGpu['kernels'] = {};
    for (const entry of entries) {
      const kernel = await this.kernels.get(code, entry, mech.def.name);
      kernels[entry] = { kernel, bind: this.kernels.bind(kernel, buffers, `${mech.def.name}:${entry}`) };
    }
    return { kernels, count, fields };
  }
  /** An artificial-cell group: its fields, its cells (node[k]), inbox, self-events; receive per epoch parity. */
  private async artificialResources(i: number, count: number, mech: LoweredMechanism, fields: GPUBufferBinding, tables: GPUBufferBinding): Promise<GroupGpu> {
    const { model, layout } = this;
    const S = GPUBufferUsage.STORAGE;
    const o = layout.offsets;
    const uniform = packUniform(uniformLayout(SHADERS['templates/artificial.wgsl'], 'Group'), {
      count,
      arts: layout.arts,
      artBase: layout.artBase[i],
      ringSlotStride: layout.ringSlotStride,
      ringSlots: layout.ringSlots,
      dt: model.dt,
      celsius: model.celsius,
      maxSpikes: this.maxSpikes,
      ncStart: o.ncStart,
      nc: o.nc,
      ringTargetStride: layout.ringTargetStride,
    });
    const shared = [
      this.make(`group${i}`, uniform, GPUBufferUsage.UNIFORM),
      this.buffer('steps'),
      fields,
      this.make(`node${i}`, Uint32Array.from(model.groups[i].cell), S),
      tables,
      this.buffer('inbox'),
      this.make(`self${i}`, 8 * count, S),
    ];
    const code = mechanismWgsl(mech);
    const bound = async (entry: string, p: number): Promise<Bound> => {
      const kernel = await this.kernels.get(code, entry, mech.def.name);
      return {
        kernel,
        bind: this.kernels.bind(kernel, [...shared, this.buffer(`spikes${p}`), this.buffer('topo'), this.buffer('ring')], `${mech.def.name}:${entry}${p}`),
      };
    };
    return { kernels: { initial: await bound('initial', 0) }, artificialReceive: [await bound('receive', 0), await bound('receive', 1)], count, fields };
  }
}

/**
 * What group i's WGSL may rely on: parameters with one value in every instance become
 * constants (their f32 values; one fewer per-instance load each), and the fields the host's
 * kernels read (probes, the vref variable) are named so they are always stored.
 */
function specialization(
  mech: LoweredMechanism,
  fields: Record<string, Float64Array>,
  count: number,
  probePairs: number[],
  vrefField: number,
): WgslSpecialization {
  const assigned = assignedFields(mech);
  const constants = new Map<string, number>();
  for (const [name, values] of Object.entries(fields)) {
    if (assigned.has(name) || values.length === 0) continue;
    const v = Math.fround(values[0]);
    if (values.every((x) => Math.fround(x) === v)) constants.set(name, v);
  }
  const names = Object.keys(fields);
  const observed = new Set<string>();
  for (let j = 0; j < probePairs.length; j += 2) observed.add(names[Math.floor(probePairs[j] / count)]);
  if (vrefField >= 0) observed.add(names[vrefField]);
  return { constants, observed };
}

/** The Group uniform of shaders/templates/mechanism.wgsl. */
function groupUniform(count: number, layout: GpuLayout, i: number, model: CompiledModel): Uint32Array {
  return packUniform(uniformLayout(SHADERS['templates/mechanism.wgsl'], 'Group'), {
    count,
    ringBase: Math.max(0, layout.ringBase[i]),
    ringSlotStride: layout.ringSlotStride,
    contribBase: Math.max(0, layout.contribBase[i]),
    dt: model.dt,
    celsius: model.celsius,
    ringWidth: layout.ringWidth[i],
    vrefField: Math.max(0, layout.vrefField[i]),
    vrefBase: 3 * model.nodes.count,
    receiveFirst: layout.ringBase[i] >= 0 && layout.contribBase[i] >= 0 ? 1 : 0,
    ringTargetStride: layout.ringTargetStride,
  });
}
