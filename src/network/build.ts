import type { Catalog, NetParams, SimConfig } from '../spec/index.ts';
import { defineCellShapes } from './cell-shapes.ts';
import { createCells } from './cells.ts';
import { stableOrderBy } from './columns.ts';
import { ConnBuilder } from './conn-builder.ts';
import { connectCells } from './conn-rules.ts';
import { NetworkBuildError } from './errors.ts';
import { estimateResources } from './estimate.ts';
import { connectionBudget, type ResourceLimits, resourceProblems } from './limits.ts';
import { Network } from './network.ts';
import { addStims } from './stims.ts';
import { subcellularConn } from './subconn.ts';

/**
 * Instantiates the network NetPyNE would build from the spec (sim.net.createPops, createCells,
 * connectCells, addStims): the same gids, positions, cell parameters, connections and stimuli.
 * The spec must already be valid (see validateModel); problems only visible while building
 * (a string function evaluating to nan, an index out of range) throw NetworkBuildError, as does
 * a network estimated to need more than `limits` allow (limits.ts), before anything is made,
 * and one whose string functions make more connections than the memory left pays for.
 * `catalog` holds the mechanisms the model may use; the network keeps it for compiling.
 */
export function buildNetwork(netParams: NetParams, simConfig: SimConfig, catalog: Catalog, limits: ResourceLimits = {}): Network {
  const estimate = estimateResources(netParams, simConfig, catalog);
  const [problem] = resourceProblems(estimate, netParams, simConfig, 'network', limits);
  if (problem) throw new NetworkBuildError(problem.path, problem.value, problem.message);
  const warnings: string[] = [];
  const t0 = performance.now();
  const built = createCells(netParams, simConfig, warnings, catalog);
  if (netParams.defineCellShapes) defineCellShapes(built, simConfig);
  const t1 = performance.now();
  const builder = new ConnBuilder(built, netParams, simConfig, warnings, connectionBudget(estimate, limits));
  const hasSubConn = Object.keys(netParams.subConnParams ?? {}).length > 0;
  builder.synMechs.deferred = hasSubConn;
  connectCells(built, netParams, simConfig, builder);
  if (hasSubConn) {
    subcellularConn(built, netParams, simConfig, builder);
    fillDeferredSynMechs(builder, built.cells.count);
    builder.synMechs.deferred = false;
  }
  const t2 = performance.now();
  const stims = addStims(built, netParams, simConfig, builder, warnings);
  const t3 = performance.now();
  const { conns, synMechValues } = builder.finish(built.cells.count);
  return new Network(
    {
      netParams,
      simConfig,
      pops: built.pops,
      cells: built.cells,
      templates: built.templates,
      pointCells: built.pointCells,
      conns,
      synMechValues,
      stims,
      warnings,
      modifications: { synMechParams: new Map(), connFields: new Map() },
      timings: { cells: (t1 - t0) / 1e3, conns: (t2 - t1) / 1e3, stims: (t3 - t2) / 1e3, total: (performance.now() - t0) / 1e3 },
    },
    catalog,
  );
}

/** With subConnParams, synapse functions run after redistribution, cell by cell in connection order. */
function fillDeferredSynMechs(builder: ConnBuilder, cellCount: number): void {
  const { order } = stableOrderBy(builder.post.data, builder.count, cellCount);
  for (const row of order) {
    const r = builder.synMechRow.data[row];
    if (r >= 0) builder.synMechs.fill(builder.synMech.data[row], r, builder.post.data[row], builder.sec.data[row], builder.loc.data[row]);
  }
}
