import { deepOrdered } from './deep-ordered.ts';
import { defaultQuirks, defaultSimConfig } from './defaults.ts';
import type { SimConfigData } from './types.ts';

/** NetPyNE's simConfig (cfg): run, recording, saving and analysis options with NetPyNE's defaults. */
export class SimConfig {
  constructor(data: Partial<SimConfigData> = {}) {
    Object.assign(this, defaultSimConfig());
    for (const [key, value] of Object.entries(data)) (this as Record<string, unknown>)[key] = deepOrdered(value);
    // duration and tstop are one setting in NetPyNE; a spec may give either.
    if ('tstop' in data && !('duration' in data)) this.duration = data.tstop as number;
    this.tstop = this.duration;
    this.netpyneQuirks = { ...defaultQuirks(), ...(data.netpyneQuirks ?? {}) };
    // NetPyNE reads seeds['cell'] with a default of 1; older cfg files give only conn, stim, loc.
    this.seeds = { ...defaultSimConfig().seeds, ...(data.seeds ?? {}) };
  }

  /** NetPyNE's cfg.addAnalysis(func, params). */
  addAnalysis(func: string, params: boolean | Record<string, unknown>): void {
    this.analysis[func] = deepOrdered(params);
  }

  toJSON(): Record<string, unknown> {
    return { ...this };
  }
}

export interface SimConfig extends SimConfigData {}
