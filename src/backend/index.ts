import { cpuBackend } from './cpu/backend.ts';
import type { Backend, BackendId } from './types.ts';
import { webgpuBackend } from './webgpu/backend.ts';

// The registry of backends: simulate() and the CLI find a backend here by its id.

export const BACKENDS: Readonly<Record<BackendId, Backend>> = { cpu: cpuBackend, webgpu: webgpuBackend };

export const BACKEND_IDS = Object.keys(BACKENDS) as BackendId[];

export { finishCpu, startCpu } from './cpu/backend.ts';
export type { Backend, BackendId, BackendRun, RunOutput, RunRequest, SpikeRecord, ThreadFactory, ThreadPort } from './types.ts';
export { UnsupportedOnBackend } from './types.ts';
