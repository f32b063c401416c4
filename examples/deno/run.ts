// Runs a NetPyNE spec with spikegpu in Deno, on the runtime's WebGPU (navigator.gpu):
//   deno run --unstable-webgpu --allow-read examples/deno/run.ts [spec.json] [duration ms]
// Prints the adapter, the spike count and the population rates.
import { analyze, create, simulate } from '../../src/index.ts';

/** The part of Deno's global this example uses (declared here so Node's tsc checks the file too). */
declare const Deno: { args: string[]; readTextFile(path: string): Promise<string> };

const path = Deno.args[0] ?? new URL('../tut2.json', import.meta.url).pathname;
const spec = JSON.parse(await Deno.readTextFile(path));
if (Deno.args[1]) spec.simConfig.duration = Number(Deno.args[1]);
const net = create(spec);
const result = await simulate(net, { backend: 'webgpu' });
console.log(`adapter: ${result.adapter}`);
console.log(`spikes: ${result.simData.spkt.length} in ${result.timings.run.toFixed(2)} s`);
for (const [pop, rate] of Object.entries(analyze(net, result).popRates)) console.log(`${pop}: ${rate.toFixed(2)} Hz`);
