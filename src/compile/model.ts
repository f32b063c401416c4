// CompiledModel: everything a backend needs to simulate a network, as plain typed arrays.
// Built once from a Network by compile(); backends (cpu, webgpu) only read it.
//
// Memory (f64 arrays as built here; the WebGPU backend stores f32):
//   per node (compartment):  parent 4 + area 8 + cm 8 + a 8 + b 8 + vInit 8 = 44 bytes,
//                            plus per density-mechanism instance 8 bytes per field (hh: 15 fields),
//   per synapse:             one synMech instance (node 4 + 8 per field; Exp2Syn: 9 fields)
//                            + one NetCon (group 4 + instance 4 + weight 8 + delay 8 + weight index 1 = 25 bytes).

export interface NodeTable {
  count: number;
  /** Parent node, -1 for a cell's root node; parent < node within a cell. */
  parent: Int32Array;
  /** [um2]; 100 on zero-area nodes (section ends), as NEURON stores them. */
  area: Float64Array;
  /** [uF/cm2]; 0 on zero-area nodes (no capacitance there). */
  cm: Float64Array;
  /** Hines coefficients (NEURON's NODEA, NODEB) [mS/cm2 per the area in the row]. */
  a: Float64Array;
  b: Float64Array;
  /** Initial voltage [mV]: v_init, or the section's vinit. */
  vInit: Float64Array;
}

/** IonTable.style bits (NEURON's ion_style, from nrn_promote over the segment's mechanisms). */
export const ION_RESET_CONC = 1;
export const ION_NERNST_INIT = 2;
export const ION_NERNST_STEP = 4;
/** The node has the ion at all. */
export const ION_PRESENT = 8;

/**
 * One ion (NEURON's <ion>_ion mechanism) on every node where a mechanism uses it from the
 * segment (ionVars): its reversal potential, concentrations and the total current of the step.
 */
export interface IonTable {
  ion: string;
  valence: number;
  /** Initial values per node: e [mV], inside and outside concentrations [mM]. */
  e: Float64Array;
  ci: Float64Array;
  co: Float64Array;
  /** NEURON's <ion>i0_<ion>_ion and <ion>o0_<ion>_ion [mM]: what a reset sets. */
  ci0: number;
  co0: number;
  /** Per node: ION_* bits; 0 where the ion is absent. */
  style: Uint8Array;
}

/** Instances of one mechanism (merged over all cells): SoA fields, one row per instance. */
export interface MechGroup {
  mech: string;
  count: number;
  /** Node each instance sits on. */
  node: Int32Array;
  /** Cell of each instance. */
  cell: Int32Array;
  /** Initial value of every field (params, ion reversal potentials, states, assigned), per instance. */
  fields: Record<string, Float64Array>;
  /** Point processes: 1e2/area of the node (nA -> mA/cm2); density mechanisms: 1. */
  scale: Float64Array;
}

/** One NetCon: from a spike source to a mechanism instance. CSR by source. */
export interface NetConTable {
  count: number;
  /** NetCons of source s are start[s] .. start[s+1]. */
  start: Int32Array;
  group: Int32Array;
  instance: Int32Array;
  /** [uS] for conductance synapses */
  weight: Float64Array;
  /** [ms] */
  delay: Float64Array;
  /** Element of the target's NET_RECEIVE weight vector (NetPyNE synList index; 0 otherwise). */
  weightIndex: Uint8Array;
}

/**
 * Threshold detectors of compartmental cells: a spike when v[node] exceeds threshold from
 * below, or, for a point process with its own voltage (vref), when its field does.
 */
export interface DetectorTable {
  count: number;
  cell: Int32Array;
  node: Int32Array;
  /** [mV] */
  threshold: Float64Array;
  /** vref detectors: the point process's group and instance, and the field watched; group -1 watches v[node]. */
  group: Int32Array;
  instance: Int32Array;
  field: string[];
}

/**
 * Spike trains fixed before the run (NetStim stimuli, NetStim and VecStim populations),
 * merged in time order: spike k is source[k] at time[k] [ms].
 */
export interface TrainTable {
  count: number;
  source: Int32Array;
  time: Float64Array;
}

/** A recorded quantity: node voltage or a mechanism field. */
export type ProbeTarget =
  | { kind: 'node'; node: number }
  | { kind: 'field'; group: number; instance: number; field: string }
  /** A segment ion's variable: model.ions[ion]'s e, i, in or out at the node. */
  | { kind: 'ion'; ion: number; role: 'e' | 'i' | 'in' | 'out'; node: number };

export interface Probe {
  /** recordTraces key */
  trace: string;
  gid: number;
  target: ProbeTarget;
}

export interface CompiledModel {
  /** [ms] */
  dt: number;
  /** Number of fixed steps: round(duration/dt). */
  steps: number;
  /** [degC] */
  celsius: number;
  /** Table switches on (usetable_<mech> = 1). */
  tablesOn: string[];
  cellCount: number;
  gid: Int32Array;
  /** Cell c's nodes are nodeStart[c] .. nodeStart[c+1] (none for artificial cells). */
  nodeStart: Int32Array;
  nodes: NodeTable;
  groups: MechGroup[];
  /** Spike sources: cells 0..cellCount-1, then NetStim stimuli cellCount + stim row. */
  sourceCount: number;
  netcons: NetConTable;
  detectors: DetectorTable;
  trains: TrainTable;
  probes: Probe[];
  /** Ions used from segments (empty for models of built-in mechanisms only). */
  ions: IonTable[];
  /** simConfig.recordTraces entries no recorded cell has the target of (NetPyNE records nothing for them, silently). */
  unrecordedTraces: string[];
  /** [ms] simConfig.recordStep, a multiple of dt ... */
  recordStep: number;
  /** ... recordStep/dt steps. */
  recordEvery: number;
}
