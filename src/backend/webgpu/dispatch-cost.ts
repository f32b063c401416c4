/// <reference types="@webgpu/types" />
import { SHADERS } from '../../shaders.gen.ts';
import { KernelCache } from './kernels.ts';

// What one compute dispatch costs on a device [s]: DISPATCHES single-workgroup dispatches in one
// compute pass and one submit, timed to onSubmittedWorkDone, after one warm-up submit (pipeline
// creation and the first submit are not counted). About 5 us on an NVIDIA H200 (Dawn, Vulkan).

const DISPATCHES = 256;

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
    const t0 = performance.now();
    await submit(DISPATCHES);
    return (performance.now() - t0) / 1e3 / DISPATCHES;
  } finally {
    counter.destroy();
  }
}
