import type { NetworkData } from '../types.ts';
import type { AttributeReader } from './conds.ts';

// The synMech parameters modifySynMechs set on synapse instances (one per connection row).

/** The parameters set on the synMech of connection row i, in the order first set; compile applies them over the synMech's own. */
export function modifiedSynMechParams(d: NetworkData, i: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [param, values] of d.modifications.synMechParams) if (!Number.isNaN(values[i])) out.push([param, values[i]]);
  return out;
}

/**
 * The synMech dict of connection row i as NetPyNE's cell.secs holds it (label, loc, the
 * synMechParams entry as written, values set by modifySynMechs), for matching conds.
 */
export function synMechReader(d: NetworkData): (i: number) => AttributeReader {
  const labels = Object.keys(d.netParams.synMechParams);
  const specs = Object.values(d.netParams.synMechParams).map((p) => Object.fromEntries(Object.entries(p)));
  const conns = d.conns;
  return (i) => (key) => {
    if (key === 'label') return labels[conns.synMech[i]];
    if (key === 'loc') return Number.isNaN(conns.loc[i]) ? undefined : conns.loc[i];
    const modified = d.modifications.synMechParams.get(key)?.[i];
    if (modified !== undefined && !Number.isNaN(modified)) return modified;
    return specs[conns.synMech[i]][key];
  };
}
