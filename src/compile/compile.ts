import { type LoweredMechanism, MechanismRegistry } from '../mech/index.ts';
import type { Network } from '../network/index.ts';
import { type Catalog, globalVariable, modelGlobals } from '../spec/index.ts';
import { compileArtificialCells } from './artificial.ts';
import { compileCells } from './cells.ts';
import { CompileError } from './errors.ts';
import { GroupBuilder } from './groups.ts';
import { compileClamps, compileSynapses } from './inputs.ts';
import { compileIons, segmentIons } from './ions.ts';
import type { CompiledModel } from './model.ts';
import { compileProbes, selectRecordedCells } from './probes.ts';
import { compileTrains } from './trains.ts';

export interface CompileResult {
  model: CompiledModel;
  /** Lowered definition of each group's mechanism (same order as model.groups). */
  mechanisms: LoweredMechanism[];
}

export interface CompileOptions {
  /** Share one state among linear synapses with identical parameters on a node (default true). */
  mergeSynapses?: boolean;
}

/** Network -> CompiledModel: nodes, merged mechanism groups, NetCons by source, trains, probes. */
export function compile(net: Network, options: CompileOptions = {}): CompileResult {
  const d = net.data;
  const cfg = d.simConfig;
  const h = cfg.hParams;
  if (cfg.cvode_active) throw new CompileError('simConfig.cvode_active', true, 'only the fixed-step method is supported');
  const steps = Math.round(cfg.duration / cfg.dt);
  const recordEvery = Math.round(cfg.recordStep / cfg.dt);
  if (Math.abs(recordEvery * cfg.dt - cfg.recordStep) > 1e-9 * cfg.recordStep) {
    throw new CompileError('simConfig.recordStep', cfg.recordStep, `expected a multiple of dt (${cfg.dt} ms)`);
  }
  const registry = mechanismsOf(net);
  const globals = resolvedGlobals(modelGlobals(d.netParams, cfg), registry);
  // NEURON's usetable_<suffix> switches are on (1) unless hParams or a rule's globals set one to 0
  const tablesOn = registry
    .simulated()
    .filter((n) => [...Object.values(registry.def(n)!.procedures ?? {}), ...Object.values(registry.def(n)!.functions ?? {})].some((p) => p.table))
    .map((n) => `usetable_${n}`)
    .filter((s) => (globals.usetable.get(s) ?? 1) !== 0);
  const groups = new GroupBuilder(new Set(tablesOn), registry, globals.parameters, segmentIons(registry.definitions(), cfg.recordTraces));
  const cellNodes = compileCells(d, groups, h.v_init ?? -65);
  const artificial = compileArtificialCells(d, groups);
  compileClamps(d, cellNodes, groups);
  const synapses = compileSynapses(d, cellNodes, artificial, groups, options.mergeSynapses ?? true);
  const trains = compileTrains(d, cfg, cfg.duration);
  const { groups: built, lowered, remap } = groups.finish();
  const ions = compileIons(built, lowered, cellNodes.nodes.count, cellNodes.sectionE, cellNodes.sectionConcentrations, globals.ions);
  for (const indices of [cellNodes.detectors.group, artificial.group, synapses.group, synapses.netcons.group]) {
    for (let k = 0; k < indices.length; k++) if (indices[k] >= 0) indices[k] = remap[indices[k]];
  }
  // NetPyNE also records traces of the cells plotTraces includes (sim/setup.py setupRecording).
  const plotTraces = cfg.analysis?.plotTraces;
  const included = typeof plotTraces === 'object' && Array.isArray(plotTraces.include) ? plotTraces.include : [];
  const recorded = selectRecordedCells(d, [...cfg.recordCells, ...included.filter((s) => s !== 'allNetStims')] as typeof cfg.recordCells);
  const probes = compileProbes(d, recorded, cellNodes, artificial, built, synapses, ions, (mech, name) =>
    Array.isArray(registry.get(mech)?.params[name]?.default),
  );
  const traced = new Set(probes.map((p) => p.trace));
  const unrecordedTraces = recorded.length === 0 ? [] : Object.keys(cfg.recordTraces).filter((name) => !traced.has(name));
  const model: CompiledModel = {
    dt: cfg.dt,
    steps,
    celsius: h.celsius ?? 6.3,
    tablesOn,
    cellCount: d.cells.count,
    gid: d.cells.gid,
    nodeStart: cellNodes.nodeStart,
    nodes: cellNodes.nodes,
    groups: built,
    sourceCount: d.cells.count + d.stims.count,
    netcons: synapses.netcons,
    detectors: cellNodes.detectors,
    trains,
    probes,
    ions,
    unrecordedTraces,
    recordStep: cfg.recordStep,
    recordEvery,
  };
  return { model, mechanisms: lowered };
}

/** The mechanisms a network was built with: its registry, or the built-ins. */
function mechanismsOf(net: Network): MechanismRegistry {
  if (net.catalog instanceof MechanismRegistry) return net.catalog;
  throw new CompileError(
    'mechanisms',
    net.catalog.names().join(', '),
    'the network was built with a catalog that holds no mechanism definitions (build it with a MechanismRegistry)',
  );
}

/** The model's globals by what they set: GLOBAL parameters (mechanism -> param -> value), table switches, ion reset concentrations. */
function resolvedGlobals(values: Map<string, number>, catalog: Catalog) {
  const parameters = new Map<string, Map<string, number>>();
  const usetable = new Map<string, number>();
  const ions = new Map<string, { in?: number; out?: number }>();
  for (const [name, value] of values) {
    const g = globalVariable(name, catalog);
    if (g?.kind === 'parameter') {
      if (!parameters.has(g.mechanism)) parameters.set(g.mechanism, new Map());
      parameters.get(g.mechanism)!.set(g.param, value);
    } else if (g?.kind === 'usetable') usetable.set(name, value);
    else if (g?.kind === 'ion') ions.set(g.ion, { ...ions.get(g.ion), [g.side]: value });
  }
  return { parameters, usetable, ions };
}
