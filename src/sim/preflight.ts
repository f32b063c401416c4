import { gpuLayout, UnsupportedOnGpu } from '../backend/webgpu/layout.ts';
import { CompileError, compile, UNRECORDED_TRACE } from '../compile/index.ts';
import { BUILTIN_MECHANISMS } from '../mech/index.ts';
import { buildNetwork, type Network, NetworkBuildError, type ResourceLimits } from '../network/index.ts';
import { type Catalog, type Diagnostics, joinPath, type NetParams, type SimConfig, type ValidationScope } from '../spec/index.ts';
import { checkRunSize } from './simulate.ts';

// What a run refuses only once the network exists, found without simulating (spikegpu
// validate): values string functions draw out of range and other problems of network creation
// (NetworkBuildError), what the simulator cannot do with the network or its recording
// (CompileError), and what the webgpu backend cannot run (a warning: 'auto' runs it on the CPU).

/**
 * Creates and compiles the network of a spec that passed validateModel (and checkAnalysis),
 * reporting each refusal as a diagnostic with the path, value and reason `run` prints. Returns
 * the network, or null when it could not be created. `scope: 'network'` stops after creation.
 */
export function checkRunnable(
  netParams: NetParams,
  simConfig: SimConfig,
  scope: ValidationScope,
  diagnostics: Diagnostics,
  limits: ResourceLimits = {},
  catalog: Catalog = BUILTIN_MECHANISMS,
): Network | null {
  const net = createForCheck(netParams, simConfig, diagnostics, limits, catalog);
  if (!net || scope === 'network') return net;
  try {
    checkRunSize(net, limits);
  } catch (e) {
    if (!(e instanceof NetworkBuildError)) throw e;
    diagnostics.error(e.path, e.value, e.reason);
    return net;
  }
  try {
    const { model, mechanisms } = compile(net, { mergeSynapses: false });
    for (const trace of model.unrecordedTraces) diagnostics.warning(joinPath('simConfig.recordTraces', trace), undefined, UNRECORDED_TRACE);
    gpuLayout(model, mechanisms);
  } catch (e) {
    if (e instanceof CompileError) diagnostics.error(e.path, e.value, e.reason);
    else if (e instanceof UnsupportedOnGpu) diagnostics.warning('--backend webgpu', undefined, `${e.message}; --backend auto runs it on the CPU`);
    else throw e;
  }
  return net;
}

/**
 * Network creation as a check: the one step whose time and memory grow with the model, where a
 * size estimate refuses what is too large before anything is allocated.
 */
export function createForCheck(
  netParams: NetParams,
  simConfig: SimConfig,
  diagnostics: Diagnostics,
  limits: ResourceLimits = {},
  catalog: Catalog = BUILTIN_MECHANISMS,
): Network | null {
  try {
    return buildNetwork(netParams, simConfig, catalog, limits);
  } catch (e) {
    if (!(e instanceof NetworkBuildError)) throw e;
    diagnostics.error(e.path, e.value, e.reason);
    return null;
  }
}
