// Run by test/runtimes/chrome.test.ts in Chromium: every NEURON fixture (served at /fixtures/)
// on the page's WebGPU; results (GpuFixtureResult[]) in window.fixtureResults.
import { acquireDevice } from '../../../src/gpu/device.ts';
import { type GpuFixtureResult, gpuFixtureCheck } from '../../helpers/gpu-fixture-check.ts';

const page = window as unknown as { fixtureResults?: GpuFixtureResult[]; fixtureError?: string };
try {
  const device = await acquireDevice(navigator.gpu, 'navigator.gpu');
  if (!device) throw new Error('no WebGPU adapter');
  const read = async (name: string) => (await fetch(`/fixtures/neuron/${name}.json`)).json();
  const names: string[] = await (await fetch('/fixtures/neuron/')).json();
  const somaA = (await read('A_hh_soma_amp0.1')).params.soma;
  const results: GpuFixtureResult[] = [];
  for (const name of names) results.push(await gpuFixtureCheck(device.device, name, await read(name), somaA));
  device.device.destroy();
  page.fixtureResults = results;
  document.getElementById('status')!.textContent = `${results.length} fixtures done`;
} catch (e) {
  page.fixtureError = (e as Error).message;
}
