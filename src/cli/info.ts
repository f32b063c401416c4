import { measureDispatchCost } from '../backend/webgpu/dispatch-cost.ts';
import { acquireNodeDevice } from '../gpu/node.ts';
import { CALIBRATION_S, MARGIN, SOFTWARE_SETUP_S, SOFTWARE_SPEEDUP, THREAD_EFFICIENCY } from '../sim/backend-choice.ts';

// spikegpu info: the backends of this machine. The CPU backend is always there; WebGPU when
// Dawn (npm `webgpu`) finds an adapter: a GPU, or Mesa's llvmpipe through OpenGL ES.

export async function runInfo(): Promise<number> {
  console.log(`node ${process.version} (${process.platform}-${process.arch})`);
  console.log('cpu backend: available (f64 reference, f32 emulation)');
  const device = await acquireNodeDevice();
  if (!device) {
    console.log(
      'webgpu backend: no adapter (install the npm package webgpu and a GPU driver, or Mesa: libvulkan1 mesa-vulkan-drivers libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri)',
    );
    return 0;
  }
  const l = device.device.limits;
  console.log(`webgpu backend: ${device.description}`);
  console.log(
    `  largest binding ${(l.maxStorageBufferBindingSize / 2 ** 20).toFixed(0)} MiB, largest buffer ${(l.maxBufferSize / 2 ** 20).toFixed(0)} MiB, ${l.maxStorageBuffersPerShaderStage} storage buffers per stage, ${l.maxComputeWorkgroupsPerDimension} workgroups per dimension`,
  );
  if (device.software) {
    console.log(
      `--backend auto: this adapter is a software rasteriser on the CPU: WebGPU for models whose steps it can fuse when the CPU backend (measured for ${CALIBRATION_S} s on one thread, first on the model with identical synapses merged; divided by ${THREAD_EFFICIENCY} x its threads) would take over ${MARGIN} times its modelled time (the merged model's time on one thread / ${SOFTWARE_SPEEDUP} + ${SOFTWARE_SETUP_S} s + 4 dispatches per chunk), else the CPU backend; \`run\` prints the numbers`,
    );
  } else {
    const dispatch = await measureDispatchCost(device.device);
    console.log(`  one dispatch costs ${(dispatch * 1e6).toFixed(1)} us`);
    console.log(
      `--backend auto: per model, WebGPU when the CPU backend (measured on the model for ${CALIBRATION_S} s, divided by ${THREAD_EFFICIENCY} x its threads) would take over ${MARGIN} times the least time the GPU needs (3 dispatches per step, or 4 per fused chunk); \`run\` prints the numbers`,
    );
  }
  device.device.destroy();
  return 0;
}
