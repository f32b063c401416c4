/// <reference types="@webgpu/types" />
import { SHADERS } from '../../shaders.gen.ts';
import { KernelCache } from './kernels.ts';

// What one compute dispatch costs on a device [s]: FEW single-workgroup dispatches in one compute
// pass and one submit, timed to onSubmittedWorkDone, after one warm-up submit (pipeline creation
// and the first submit are not counted); where they took less than LONG_ENOUGH_S, MANY. About
// 5 us on an NVIDIA H200 (Dawn, Vulkan): 256 dispatches; 140 us on llvmpipe: 32 (36 ms saved).

const FEW = 32;
const MANY = 256;
const LONG_ENOUGH_S = 2e-3;

export async function measureDispatchCost(device: GPUDevice): Promise<number> {
  const cache = new KernelCache(device);
  const kernel = await cache.get(SHADERS['kernels/dispatch-probe.wgsl'], 'dispatch_probe', 'dispatch-probe');
  const counter = device.createBuffer({ size: 16, usage: GPUBufferUsage.STORAGE, label: 'dispatch-probe' });
  const group = cache.bind(kernel, [counter], 'dispatch-probe');
  const submit = async (count: number) => {
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(kernel.pipeline);
    pass.setBindGroup(0, group);
    for (let i = 0; i < count; i++) pass.dispatchWorkgroups(1);
    pass.end();
    device.queue.submit([encoder.finish()]);
    await device.queue.onSubmittedWorkDone();
  };
  try {
    await submit(8);
    const timed = async (count: number) => {
      const t0 = performance.now();
      await submit(count);
      return (performance.now() - t0) / 1e3;
    };
    const few = await timed(FEW);
    return few >= LONG_ENOUGH_S ? few / FEW : (await timed(MANY)) / MANY;
  } finally {
    counter.destroy();
  }
}
