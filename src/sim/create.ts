import { BUILTIN_MECHANISMS, type MechanismRegistry } from '../mech/index.ts';
import { buildNetwork, type Network, type ResourceLimits, validateModel } from '../network/index.ts';
import type { Diagnostic, ModelSpec, SpecInput } from '../spec/index.ts';

export interface CreateOptions extends ResourceLimits {
  /** Called with each warning (validation and network building); default: none. */
  onWarning?: (message: string) => void;
  /** The mechanisms the model may use: the built-ins (default) and its mod files (withModFiles). */
  mechanisms?: MechanismRegistry;
}

/**
 * NetPyNE's sim.create(netParams, simConfig): validates the specification (throwing a SpecError
 * listing every problem, a network bigger than `maxMemoryBytes` allows among them) and
 * instantiates the network exactly as NetPyNE would.
 */
export function create(input: SpecInput | ModelSpec, options: CreateOptions = {}): Network {
  const mechanisms = options.mechanisms ?? BUILTIN_MECHANISMS;
  const { netParams, simConfig, diagnostics } = validateModel(input, mechanisms, 'network', options);
  for (const w of diagnostics.warnings) options.onWarning?.(formatWarning(w));
  diagnostics.throwIfErrors();
  const network = buildNetwork(netParams, simConfig, mechanisms, options);
  for (const w of network.warnings) options.onWarning?.(w);
  return network;
}

function formatWarning(d: Diagnostic): string {
  return `${d.path}: ${d.message}`;
}
