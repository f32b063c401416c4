/// <reference types="@webgpu/types" />
import { type AcquiredDevice, acquireDevice } from './device.ts';

// Node entry point (not imported by the core): Dawn through the npm `webgpu` package, first
// its default backend (a real GPU, or SwiftShader when VK_ICD_FILENAMES points at it), then
// OpenGL ES (Mesa llvmpipe on machines without a GPU; needs EGL_PLATFORM=surfaceless).

/** Dawn instances stay referenced for the life of the process: collecting one tears down Dawn threads. */
const instances: GPU[] = [];

export async function acquireNodeDevice(): Promise<AcquiredDevice | null> {
  let webgpu: typeof import('webgpu');
  try {
    webgpu = await import('webgpu');
  } catch {
    return null;
  }
  Object.assign(globalThis, webgpu.globals);
  // Mesa's EGL needs a platform on machines without a display (read when Dawn first opens EGL).
  process.env.EGL_PLATFORM ??= 'surfaceless';
  for (const [flags, source] of [
    [[], 'dawn'],
    [['backend=opengles'], 'dawn OpenGL ES'],
  ] as const) {
    const gpu = webgpu.create([...flags]);
    instances.push(gpu);
    const acquired = await acquireDevice(gpu, source);
    if (acquired) return acquired;
  }
  return null;
}
