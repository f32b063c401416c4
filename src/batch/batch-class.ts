import { type BatchOptions, type BatchReport, runBatch } from './node-batch.ts';

// NetPyNE's Batch object in TypeScript (netpyne/batch/batch.py): constructed with the model and
// the params, then its attributes set as NetPyNE users set them, then run():
//   const b = new Batch({ netParams: (cfg) => netParamsFor(cfg), cfg, params: [{ label: 'connWeight', values: [0.005, 0.01] }] });
//   b.batchLabel = 'tauWeight'; b.saveFolder = 'tut8_data'; b.method = 'grid'; b.runCfg = { type: 'local' };
//   const report = await b.run();
// netParams is an object, or a function of each job's cfg (NetPyNE's netParams.py reading cfg).

type Json = Record<string, unknown>;

export interface BatchModel {
  netParams: Json | ((cfg: Json) => Json);
  cfg?: Json;
  /** [{label, values, group}] or NetPyNE's {label: values}. */
  params: unknown;
  groupedParams?: string[];
  initCfg?: Json;
  seed?: number;
}

export class Batch {
  batchLabel = 'batch';
  saveFolder?: string;
  method = 'grid';
  runCfg: Json = { type: 'local' };
  evolCfg?: Json;
  optimCfg?: Json;
  params: unknown;
  groupedParams?: string[];
  initCfg: Json;
  seed?: number;
  private readonly netParams: BatchModel['netParams'];
  private readonly cfg: Json;

  constructor(model: BatchModel) {
    this.netParams = model.netParams;
    this.cfg = model.cfg ?? {};
    this.params = model.params;
    this.initCfg = model.initCfg ?? {};
    if (model.groupedParams) this.groupedParams = model.groupedParams;
    if (model.seed !== undefined) this.seed = model.seed;
  }

  /** Runs every job (checked first: a BatchError lists what is wrong). */
  run(options: BatchOptions = {}): Promise<BatchReport> {
    const batch: Json = { batchLabel: this.batchLabel, method: this.method, params: this.params, initCfg: this.initCfg, runCfg: this.runCfg };
    for (const [key, value] of Object.entries({
      saveFolder: this.saveFolder,
      groupedParams: this.groupedParams,
      seed: this.seed,
      evolCfg: this.evolCfg,
      optimCfg: this.optimCfg,
    }))
      if (value !== undefined) batch[key] = value;
    return runBatch({ batch, netParams: this.netParams, cfg: this.cfg }, options);
  }
}
