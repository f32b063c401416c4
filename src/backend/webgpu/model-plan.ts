import type { CompiledModel } from '../../compile/index.ts';
import type { LoweredMechanism } from '../../mech/index.ts';
import { type EpochPlan, epochPlan } from './epoch-plan.ts';
import { type GpuLayout, gpuLayout } from './layout.ts';

// A model's GPU layout and epoch plan, computed once per compiled model: backend 'auto' decides
// on them (sim/backend-choice.ts) and the simulator then runs with the same objects (both are
// only read; 55-120 ms for 2 000 HH cells). Keyed by the model, for its mechanisms.

export interface ModelPlan {
  layout: GpuLayout;
  plan: EpochPlan | { reason: string };
}

const plans = new WeakMap<CompiledModel, { mechanisms: LoweredMechanism[]; planned: ModelPlan }>();

export function modelPlan(model: CompiledModel, mechanisms: LoweredMechanism[]): ModelPlan {
  const known = plans.get(model);
  if (known?.mechanisms === mechanisms) return known.planned;
  const layout = gpuLayout(model, mechanisms);
  const planned = { layout, plan: epochPlan(model, mechanisms, layout) };
  plans.set(model, { mechanisms, planned });
  return planned;
}
