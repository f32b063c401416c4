import { resolve } from 'node:path';
import { BACKENDS } from '../backend/index.ts';
import { compile } from '../compile/index.ts';
import { acquireNodeDevice } from '../gpu/node.ts';
import { OutputDir } from '../io/files.ts';
import { writeSavedData } from '../io/saved-files.ts';
import type { MechanismRegistry } from '../mech/index.ts';
import { buildNetwork, type Network } from '../network/index.ts';
import { simData } from '../sim/sim-data.ts';
import type { ModelSpec } from '../spec/index.ts';
import type { JobResult } from './job-command.ts';
import { splitRun, stackModels, stackProblem, type Variant } from './stack.ts';

// runCfg.type 'gpu': the batch's jobs as ONE WebGPU run. Each job's network is built in this
// process from its spec (validated already by node-batch.ts checkJobs) and compiled as WebGPU
// runs it (identical synapses merged); the variants are stacked into one model (stack.ts), and
// the run's spikes and samples are split back and each job's <job>_data.json written as
// `run --out` writes it. A job whose network cannot be built fails on its own; variants that
// cannot share a run (another dt or duration, other mechanisms) are refused before anything runs.

export class GpuRunnerError extends Error {
  override name = 'GpuRunnerError';
}

export async function runStacked(
  folder: string,
  /** Each job's spec, already validated (node-batch.ts checkJobs). */
  jobs: Array<{ label: string; spec: ModelSpec }>,
  mechanisms: MechanismRegistry,
  onEnd: (r: JobResult) => void,
): Promise<{ seconds: number; adapter?: string; path?: string }> {
  if (jobs.length === 0) return { seconds: 0 };
  const built: Array<{ label: string; net: Network; variant: Variant }> = [];
  for (const job of jobs) {
    try {
      const net = buildNetwork(job.spec.netParams, job.spec.simConfig, mechanisms);
      const { model, mechanisms: lowered } = compile(net, { mergeSynapses: true });
      built.push({ label: job.label, net, variant: { model, mechanisms: lowered } });
    } catch (e) {
      onEnd({ job: job.label, status: 'failed', exit: `not created: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` });
    }
  }
  if (built.length === 0) return { seconds: 0 };
  const problem = stackProblem(built.map((b) => b.variant));
  if (problem) throw new GpuRunnerError(`the jobs cannot share one WebGPU run: ${problem}`);
  const device = await acquireNodeDevice();
  if (!device) throw new GpuRunnerError("runCfg.type 'gpu' needs a WebGPU adapter, and none is available here (use 'local')");
  const t0 = performance.now();
  try {
    const stacked = stackModels(built.map((b) => b.variant));
    const recordStim = built.some((b) => b.net.data.simConfig.recordStim);
    const run = await BACKENDS.webgpu.run({ model: stacked.model, mechanisms: stacked.mechanisms, device, recordStim });
    const seconds = (performance.now() - t0) / 1e3;
    const outs = splitRun(
      run,
      stacked,
      built.map((b) => b.variant),
    );
    const dir = new OutputDir(folder);
    for (let i = 0; i < built.length; i++) {
      const { label, net, variant } = built[i];
      try {
        await writeSavedData(dir, `${label}_data.json`, net, simData(net, variant.model, outs[i]), { what: 'batch job data' });
        onEnd({ job: label, status: 'done', exit: 0, seconds });
      } catch (e) {
        onEnd({
          job: label,
          status: 'failed',
          exit: `could not write ${resolve(folder, `${label}_data.json`)}: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    }
    return { seconds, ...(run.adapter ? { adapter: run.adapter } : {}), ...(run.path ? { path: run.path } : {}) };
  } finally {
    device.device.destroy();
  }
}
