/// <reference types="@webgpu/types" />
import { type Backend, UnsupportedOnBackend } from '../types.ts';
import { GpuSimulator } from './simulator.ts';

// The WebGPU backend (f32) behind the Backend contract: one GpuSimulator per run on the
// request's device, its buffers freed when the run ends.

export const webgpuBackend: Backend = {
  id: 'webgpu',
  async run({ model, mechanisms, onProgress, device }) {
    if (!device) throw new UnsupportedOnBackend('webgpu', 'the webgpu backend needs a device (in Node, acquireNodeDevice() from spikegpu/node)');
    const gpu = new GpuSimulator(device.device, model, mechanisms);
    try {
      const { fused, gpuBytes, ...out } = await gpu.run(onProgress);
      return {
        ...out,
        precision: 'f32',
        adapter: device.description,
        path: 'chunkSteps' in fused ? `fused chunks of ${fused.chunkSteps} steps` : `per step (${fused.perStep})`,
        deviceBytes: gpuBytes,
      };
    } finally {
      gpu.destroy();
    }
  },
};
