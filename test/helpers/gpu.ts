import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { type AcquiredDevice, compileShader } from '../../src/gpu/device.ts';
import { acquireNodeDevice } from '../../src/gpu/node.ts';

let acquired: Promise<AcquiredDevice | null> | null = null;

/**
 * The WebGPU device of this test process (Node/Dawn), or null with the reason printed once.
 * Destroyed after the file's tests: Dawn must not be torn down by process exit mid-work.
 */
export function testDevice(): Promise<AcquiredDevice | null> {
  acquired ??= acquireNodeDevice().then((d) => {
    if (d) console.log(`WebGPU adapter: ${d.description}`);
    else console.log('WebGPU tests skipped: no adapter (install Mesa: libgles2 libegl1 mesa-vulkan-drivers; EGL_PLATFORM=surfaceless)');
    return d;
  });
  afterAll(async () => {
    const d = await acquired;
    if (d) {
      await d.device.queue.onSubmittedWorkDone();
      d.device.destroy();
    }
  });
  return acquired;
}

export function testShader(name: string): string {
  return readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../shaders', name), 'utf8');
}

/** Runs a one-bind-group compute kernel over `n` invocations; returns the read-back outputs. */
export async function runKernel(d: AcquiredDevice, code: string, n: number, inputs: ArrayBufferView[], outputs: number[]): Promise<ArrayBuffer[]> {
  const { device } = d;
  const module = await compileShader(device, code, 'test kernel');
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const buffers = [
    ...inputs.map((data) => {
      const b = device.createBuffer({ size: Math.max(16, data.byteLength), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
      device.queue.writeBuffer(b, 0, data.buffer, data.byteOffset, data.byteLength);
      return b;
    }),
    ...outputs.map((size) => device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC })),
  ];
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const reads = outputs.map((size) => device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST }));
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(Math.ceil(n / 64));
  pass.end();
  outputs.forEach((size, i) => encoder.copyBufferToBuffer(buffers[inputs.length + i], 0, reads[i], 0, size));
  device.queue.submit([encoder.finish()]);
  const results: ArrayBuffer[] = [];
  for (const r of reads) {
    await r.mapAsync(GPUMapMode.READ);
    results.push(r.getMappedRange().slice(0));
    r.unmap();
  }
  return results;
}
