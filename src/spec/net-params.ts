import { deepOrdered } from './deep-ordered.ts';
import { defaultNetParams } from './defaults.ts';
import type { CellParams, ConnParams, NetParamsData, PopParams, StimSourceParams, StimTargetParams, SubConnParams, SynMechParams } from './types.ts';

const COLLECTIONS = ['cellParams', 'popParams', 'synMechParams', 'connParams', 'subConnParams', 'stimSourceParams', 'stimTargetParams'] as const;
type Collection = (typeof COLLECTIONS)[number];

/**
 * NetPyNE's netParams: the network description. Every attribute starts at NetPyNE's
 * default; assign fields directly (`netParams.popParams.S = {...}`) or use the add*Params
 * methods. Extra numeric attributes become variables of connection and stimulation strings.
 */
export class NetParams {
  /** Counter for add*Params calls without a label (NetPyNE's _labelid). */
  _labelid = 0;

  constructor(data: Partial<NetParamsData> = {}) {
    Object.assign(this, defaultNetParams());
    for (const [key, value] of Object.entries(data)) (this as Record<string, unknown>)[key] = deepOrdered(value);
  }

  addCellParams(label: string | null, params: CellParams): string {
    return this.add('cellParams', label, params);
  }
  addPopParams(label: string | null, params: PopParams): string {
    return this.add('popParams', label, params);
  }
  addSynMechParams(label: string | null, params: SynMechParams): string {
    return this.add('synMechParams', label, params);
  }
  addConnParams(label: string | null, params: ConnParams): string {
    return this.add('connParams', label, params);
  }
  addSubConnParams(label: string | null, params: SubConnParams): string {
    return this.add('subConnParams', label, params);
  }
  addStimSourceParams(label: string | null, params: StimSourceParams): string {
    return this.add('stimSourceParams', label, params);
  }
  addStimTargetParams(label: string | null, params: StimTargetParams): string {
    return this.add('stimTargetParams', label, params);
  }

  /** The plain attributes (for serialisation), NetPyNE's order first. */
  toJSON(): Record<string, unknown> {
    return { ...this };
  }

  private add(collection: Collection, label: string | null, params: unknown): string {
    const key = label ?? String(this._labelid++);
    (this as unknown as Record<Collection, Record<string, unknown>>)[collection][key] = deepOrdered(params);
    return key;
  }
}

// The declared fields come from defaultNetParams() via Object.assign.
export interface NetParams extends NetParamsData {}
