/// <reference types="@webgpu/types" />
import { compileShader } from '../../gpu/device.ts';
import { type BindingKind, bindingKinds } from './wgsl-declarations.ts';

// The one place that assembles bindings: a kernel's bindings are those its WGSL declares
// (wgsl-declarations.ts); layouts, pipelines and bind groups are made from them. Pipelines are
// cached by shader source and entry point.

export interface Kernel {
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
  kinds: BindingKind[];
}

/** Size of one step's uniform block (the minimum dynamic-offset alignment). */
export const STEP_BYTES = 256;

export class KernelCache {
  private readonly cache = new Map<string, Promise<Kernel>>();

  constructor(private readonly device: GPUDevice) {}

  get(code: string, entryPoint: string, label: string): Promise<Kernel> {
    const key = `${entryPoint}\n${code}`;
    let kernel = this.cache.get(key);
    if (!kernel) {
      kernel = this.create(code, entryPoint, bindingKinds(code), label);
      this.cache.set(key, kernel);
    }
    return kernel;
  }

  private async create(code: string, entryPoint: string, kinds: BindingKind[], label: string): Promise<Kernel> {
    const module = await compileShader(this.device, code, label);
    const layout = this.device.createBindGroupLayout({
      label,
      entries: kinds.map((kind, binding) => ({
        binding,
        visibility: GPUShaderStage.COMPUTE,
        buffer:
          kind === 'uniform' || kind === 'step'
            ? { type: 'uniform', hasDynamicOffset: kind === 'step' }
            : { type: kind === 'read' ? 'read-only-storage' : 'storage' },
      })),
    });
    this.device.pushErrorScope('validation');
    const pipeline = this.device.createComputePipeline({
      label: `${label}:${entryPoint}`,
      layout: this.device.createPipelineLayout({ bindGroupLayouts: [layout] }),
      compute: { module, entryPoint },
    });
    const error = await this.device.popErrorScope();
    if (error) throw new Error(`WebGPU pipeline ${label}:${entryPoint}: ${error.message}`);
    return { pipeline, layout, kinds };
  }

  /** A bind group for `kernel` over `buffers` (one per binding: a whole buffer or a range; the step buffer's window is STEP_BYTES). */
  bind(kernel: Kernel, buffers: Array<GPUBuffer | GPUBufferBinding>, label: string): GPUBindGroup {
    if (buffers.length !== kernel.kinds.length) throw new Error(`${label}: ${buffers.length} buffers for ${kernel.kinds.length} bindings`);
    return this.device.createBindGroup({
      label,
      layout: kernel.layout,
      entries: buffers.map((b, binding) => {
        const range = 'buffer' in b ? b : { buffer: b };
        return { binding, resource: kernel.kinds[binding] === 'step' ? { buffer: range.buffer, size: STEP_BYTES } : range };
      }),
    });
  }
}
