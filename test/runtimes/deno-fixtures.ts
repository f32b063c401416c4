// Run by test/runtimes/deno.test.ts in Deno: every NEURON fixture on Deno's WebGPU, one JSON
// result (GpuFixtureResult) per line.
//   deno run --unstable-webgpu --allow-read --allow-env test/runtimes/deno-fixtures.ts <fixtures dir>
import { acquireDevice } from '../../src/gpu/device.ts';
import { gpuFixtureCheck } from '../helpers/gpu-fixture-check.ts';

declare const Deno: { args: string[]; readTextFile(path: string): Promise<string>; readDir(path: string): AsyncIterable<{ name: string }> };

const dir = `${Deno.args[0]}/neuron`;
const gpu = (navigator as unknown as { gpu?: GPU }).gpu;
const device = gpu ? await acquireDevice(gpu, 'navigator.gpu') : null;
if (!device) throw new Error('no WebGPU adapter');
const read = async (name: string) => JSON.parse(await Deno.readTextFile(`${dir}/${name}.json`));
const somaA = (await read('A_hh_soma_amp0.1')).params.soma;
const names: string[] = [];
for await (const e of Deno.readDir(dir)) if (e.name.endsWith('.json')) names.push(e.name.slice(0, -5));
for (const name of names.sort()) console.log(JSON.stringify(await gpuFixtureCheck(device.device, name, await read(name), somaA)));
device.device.destroy();
