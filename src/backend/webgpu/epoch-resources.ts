/// <reference types="@webgpu/types" />
import { type LoweredMechanism, tableRows } from '../../mech/index.ts';
import { SHADERS } from '../../shaders.gen.ts';
import { type EpochGroup, epochKernelWgsl } from './epoch-kernel.ts';
import type { EpochPlan } from './epoch-plan.ts';
import type { GpuLayout } from './layout.ts';
import { type Bound, type GpuResources, STEPS_PER_EPOCH } from './resources.ts';
import { packUniform, uniformLayout } from './wgsl-declarations.ts';

// The GPU side of the epoch-fused path: the plan buffer (the submit's times, then the plan's
// rows), one kernel per cell type and the two event passes, each bound once per spike-list
// parity. The fields, params, V, ring and spike lists are the per-step path's buffers.

/** Words of the submit's times at the start of the plan buffer: (t_n, t_n + dt/2) for every step and the end. */
export const TIMES_WORDS = 2 * (STEPS_PER_EPOCH + 1);

export interface EpochGpu {
  /** Per cell type, per parity. */
  types: Array<{ cells: number; bound: Bound[] }>;
  inject: Bound[];
  clear: Bound[];
  deliver: Bound[];
  /** Workgroups of the type kernels (event flags). */
  workgroups: number;
}

export async function epochResources(
  res: GpuResources,
  plan: EpochPlan,
  layout: GpuLayout,
  mechanisms: LoweredMechanism[],
  sizes: { nodes: number; probes: number; maxSpikes: number },
): Promise<EpochGpu> {
  const S = GPUBufferUsage.STORAGE;
  const planWords = new Uint32Array(TIMES_WORDS + plan.table.length);
  planWords.set(plan.table, TIMES_WORDS);
  res.make('plan', planWords, S);
  const rows = tableRowsOf(res, mechanisms);
  res.make('epochParams', rows.data, S);
  const groups: EpochGroup[] = mechanisms.map((mech, g) => ({
    mech,
    count: res.groups[g].count,
    fieldBase: (res.regions[g].fields.offset ?? 0) / 4,
    watchBase: (res.regions[g].watch.offset ?? 0) / 4,
    tableOffsets: rows.offsets[g],
    ringBase: layout.ringBase[g],
    ringWidth: layout.ringWidth[g],
    constants: res.constants[g],
  }));
  const constants = {
    table: TIMES_WORDS,
    ringFlags: layout.ringSlots * layout.ringStride,
    nodes: sizes.nodes,
    ringSlots: layout.ringSlots,
    ringSlotStride: layout.ringSlotStride,
    ringTargetStride: layout.ringTargetStride,
    probes: sizes.probes,
    maxSpikes: sizes.maxSpikes,
  };
  const typeBuffers = (p: number) => ['steps', 'plan', 'epochParams', 'fields', 'V', 'nodeData', 'ring', `spikes${p}`, 'rec'].map((b) => res.buffer(b));
  const types = await Promise.all(
    plan.types.map(async (type, t) => {
      const kernel = await res.kernels.get(epochKernelWgsl(plan, t, groups, constants), 'epoch', `epoch type ${t}`);
      return { cells: type.cells.length, bound: [0, 1].map((p) => ({ kernel, bind: res.kernels.bind(kernel, typeBuffers(p), `epoch type ${t}:${p}`) })) };
    }),
  );
  const o = layout.offsets;
  res.make(
    'eventsUniform',
    packUniform(uniformLayout(SHADERS['kernels/epoch-events.wgsl'], 'Events'), {
      ringSlotStride: layout.ringSlotStride,
      ringTargetStride: layout.ringTargetStride,
      ringSlots: layout.ringSlots,
      arts: layout.arts,
      ncStart: o.ncStart,
      nc: o.nc,
      maxSpikes: sizes.maxSpikes,
      flags: layout.ringSlots * layout.ringStride,
      targetWorkgroups: TIMES_WORDS + plan.targetWorkgroups,
      workgroups: plan.workgroups,
    }),
    GPUBufferUsage.UNIFORM,
  );
  const code = SHADERS['kernels/chunk.wgsl'] + SHADERS['kernels/ring.wgsl'] + SHADERS['kernels/spikes.wgsl'] + SHADERS['kernels/epoch-events.wgsl'];
  const eventBuffers = (p: number) => ['eventsUniform', 'steps', 'trains', 'topo', 'ring', 'inbox', `spikes${p}`, 'plan'].map((b) => res.buffer(b));
  const events = async (entry: string) => {
    const kernel = await res.kernels.get(code, entry, 'epoch events');
    return [0, 1].map((p) => ({ kernel, bind: res.kernels.bind(kernel, eventBuffers(p), `${entry}:${p}`) }));
  };
  return {
    types,
    inject: await events('inject_chunk'),
    clear: await events('clear_flags'),
    deliver: await events('deliver_chunk'),
    workgroups: plan.workgroups,
  };
}

/** Every group's tables as rows (render-wgsl.ts tableRows), and where each table starts, per group [vec4s]. */
function tableRowsOf(res: GpuResources, mechanisms: LoweredMechanism[]): { data: Float32Array; offsets: Array<Record<string, number>> } {
  const parts: Float32Array[] = [];
  const offsets: Array<Record<string, number>> = [];
  let at = 0;
  mechanisms.forEach((mech, g) => {
    const mine: Record<string, number> = {};
    offsets.push(mine);
    let offset = 0;
    for (const t of mech.tables) {
      mine[t.name] = at;
      const n = t.outputs.length * (t.with + 1);
      const rows = tableRows(res.tables[g].subarray(offset, offset + n), t.outputs.length, t.with);
      parts.push(rows);
      at += rows.length / 4;
      offset += n;
    }
  });
  const data = new Float32Array(Math.max(4, 4 * at));
  let w = 0;
  for (const p of parts) {
    data.set(p, w);
    w += p.length;
  }
  return { data, offsets };
}
