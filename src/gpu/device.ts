/// <reference types="@webgpu/types" />

// Device acquisition for any runtime that provides a GPU object (navigator.gpu in Deno and
// browsers, the npm `webgpu` package in Node): core feature level first, then
// compatibility; limits raised to the adapter's maxima; the adapter named for logs.

export interface AcquiredDevice {
  device: GPUDevice;
  adapter: GPUAdapter;
  /** e.g. "llvmpipe (OpenGL ES 3.2 Mesa 22.3.6), compatibility" */
  description: string;
  featureLevel: 'core' | 'compatibility';
  /** A software rasteriser (Mesa llvmpipe or lavapipe, SwiftShader, WARP): the GPU is this machine's CPU. */
  software: boolean;
}

const SOFTWARE_ADAPTERS = /llvmpipe|lavapipe|softpipe|swiftshader|\bwarp\b|basic render/i;

export async function acquireDevice(gpu: GPU, source: string): Promise<AcquiredDevice | null> {
  for (const featureLevel of ['core', 'compatibility'] as const) {
    const adapter = await gpu.requestAdapter(featureLevel === 'core' ? undefined : ({ featureLevel } as GPURequestAdapterOptions));
    if (!adapter) continue;
    const device = await adapter.requestDevice({ requiredLimits: adapterLimits(adapter) });
    const info = adapter.info;
    const name = [info.device || info.architecture || info.vendor || 'unknown adapter', info.description].filter(Boolean).join(' ');
    const software =
      (info as { isFallbackAdapter?: boolean }).isFallbackAdapter === true ||
      SOFTWARE_ADAPTERS.test([info.vendor, info.architecture, info.device, info.description].join(' '));
    return { device, adapter, description: `${name} (${source}, ${featureLevel})`, featureLevel, software };
  }
  return null;
}

/** Every numeric limit of the adapter, to request the maxima. */
function adapterLimits(adapter: GPUAdapter): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const key in adapter.limits) {
    const value = (adapter.limits as unknown as Record<string, unknown>)[key];
    if (typeof value === 'number') limits[key] = value;
  }
  return limits;
}

/** Compiles WGSL and throws with the compiler's messages (line:column) when it does not validate. */
export async function compileShader(device: GPUDevice, code: string, label: string): Promise<GPUShaderModule> {
  const module = device.createShaderModule({ code, label });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) {
    throw new Error(`WGSL ${label} does not compile:\n${errors.map((m) => `  ${m.lineNum}:${m.linePos} ${m.message}`).join('\n')}`);
  }
  return module;
}
