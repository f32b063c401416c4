// The instantiated network, as compact columns. Cell i (0-based, ascending gid) is described by
// row i of CellTable; its structure by its CellTemplate; values drawn per cell from string
// functions by the template's varying columns. Connections (synapses, including the NetStim →
// cell synapses of stimulation) are rows of ConnTable in NetPyNE's creation order.

import type { NetParams, SimConfig } from '../spec/index.ts';

export interface Population {
  label: string;
  /** NetPyNE's pop tags after creation (numCells, normalised ranges, 'pop'). */
  tags: Record<string, unknown>;
  kind: 'compartment' | 'point';
  cellModel?: string;
  /** Cells of this pop are rows firstCell .. firstCell+cellCount-1. */
  firstCell: number;
  cellCount: number;
}

export interface Topology {
  /** Parent section index, -1 for a root. */
  parent: number;
  parentX: number;
  childX: number;
}

/** A section after all matching cell rules were applied; string-function values are per cell. */
export interface SectionTemplate {
  name: string;
  L: number;
  diam: number;
  Ra: number;
  cm: number; // [um] [um] [ohm cm] [uF/cm2]
  nseg: number;
  /** [x, y, z, diam] points [um], relative to the cell. */
  pt3d: number[][] | null;
  /**
   * Whether netParams.defineCellShapes made the points (NEURON's define_shape, network/shape.py):
   * pt3d is then what CompartCell.updateShape passes to pt3dchange, placed at (x, -y, z)
   * whatever cfg.pt3dRelativeToCellLocation and invertedYCoord say.
   */
  generatedShape: boolean;
  topol: Topology;
  /** mechanism -> parameter -> value per segment (length nseg); NEURON defaults filled in. */
  mechs: Map<string, Map<string, Float64Array>>;
  /** ion -> reversal potential [mV] as set by the spec. */
  ions: Map<string, number>;
  /** ion -> inside (i) and outside (o) concentrations [mM] as set by the spec (NetPyNE's ions i, o). */
  ionConcentrations: Map<string, { i?: number; o?: number }>;
  pointps: Map<string, PointProcessTemplate>;
  spikeGenLoc?: number;
  vinit?: number;
  threshold?: number;
  weightNorm?: number[];
  /** The section as NetPyNE keeps it (spec values, string functions still strings). */
  spec: Record<string, unknown>;
}

export interface PointProcessTemplate {
  mod: string;
  loc: number;
  vref?: string;
  synList?: string[];
  /** Parameter values, NEURON defaults filled in. */
  params: Map<string, number>;
}

/** A per-cell value column: one row per cell of the template (x nseg for segment values), for values drawn from string functions or set per cell ('gid'). */
export interface VaryingParam {
  section: number;
  kind: 'geom' | 'mech' | 'pointp';
  /** mechanism or point-process label */
  owner?: string;
  param: string;
  /** values per segment (mech) or one per cell */
  width: number;
  values: Float64Array;
}

export interface CellTemplate {
  index: number;
  /** Labels of the cellParams rules applied, in order. */
  ruleLabels: string[];
  sections: SectionTemplate[];
  sectionIndex: Map<string, number>;
  secLists: Map<string, string[]>;
  /** Spike detector: section, location, optional point-process variable, threshold [mV]. */
  spikeGen: { section: number; loc: number; pointp?: string; vref?: string; threshold: number };
  /** Cells using this template, ascending; row r of every varying column is cells[r]. */
  cells: Int32Array;
  varying: VaryingParam[];
}

export interface CellTable {
  count: number;
  gid: Int32Array;
  pop: Int32Array;
  /** Template index, -1 for artificial (point) cells. */
  template: Int32Array;
  /** Row within the template's per-cell columns (or within PointCells for point cells). */
  row: Int32Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array; // [um]
  xnorm: Float64Array;
  ynorm: Float64Array;
  znorm: Float64Array;
  /** Tags beyond pop/cellType/cellModel/position (cellsList extras, borderCorrect), by cell. */
  extraTags: Map<number, Record<string, unknown>>;
}

/** Artificial cells: the model's parameters per cell, and VecStim spike trains. */
export interface PointCellTable {
  /** Cell indices, ascending. */
  cells: Int32Array;
  model: string[];
  /** Parameter values per cell as NetPyNE holds them (cell.params), string functions evaluated. */
  params: Record<string, unknown>[];
  /** The NEURON object's parameter values per cell (NEURON defaults where unset). */
  mechParams: Record<string, number>[];
  /** VecStim spike times [ms]: cell r's times are spikeTimes[spikeStart[r] .. spikeStart[r+1]). */
  spikeStart: Int32Array;
  spikeTimes: Float64Array;
}

export interface ConnTable {
  count: number;
  /** Presynaptic cell index; -1 for a NetStim stimulus (see stim). */
  pre: Int32Array;
  post: Int32Array;
  /** connParams rule index, or -1 for stimulus synapses. */
  rule: Int32Array;
  /** synMechParams index; -1 when the target has none (artificial cells). */
  synMech: Int32Array;
  /** Section index in the post cell's template; -1 for artificial cells. */
  sec: Int32Array;
  /** [0-1], NaN where NetPyNE keeps None */
  loc: Float64Array;
  weight: Float64Array;
  delay: Float64Array; // [ms]
  /** Stimulus index (StimTable row) for NetStim synapses, else -1. */
  stim: Int32Array;
  /** NetCon weight index into a point process's synList; 0 otherwise. */
  weightIndex: Uint8Array;
  /** Row in synMechValues[synMech] when that synMech has string-function parameters, else -1. */
  synMechRow: Int32Array;
  /**
   * The synapse (synMech instance) the connection's NetCon targets: its own one, or with
   * simConfig.oneSynPerNetcon false the one of that label already at that section and loc;
   * -1 for connections without a synMech instance (artificial cells, vref point processes).
   */
  synapse: Int32Array;
  /** Connection order grouped by post cell (stable): conns of cell c are byPost[postStart[c] .. postStart[c+1]). */
  byPost: Int32Array;
  postStart: Int32Array;
}

/** Drawn synMech parameter values: synMech index -> parameter -> value per instance row. */
export type SynMechValues = Map<number, Map<string, Float64Array>>;

export interface StimTable {
  count: number;
  cell: Int32Array;
  /** stimTargetParams index */
  target: Int32Array;
  /** The stim as NetPyNE records it in cell.stims (type, source, parameters, sec/loc for clamps). */
  params: Record<string, unknown>[];
  /** Random123 ids (id1, id2, id3) of each NetStim's noise stream, 3 per row (0s for clamps). */
  streamIds: Uint32Array;
  /** Stims grouped by cell in creation order: cell c's are byCell[cellStart[c] .. cellStart[c+1]). */
  byCell: Int32Array;
  cellStart: Int32Array;
}

/**
 * Values changed after creation by the modify API (NetPyNE's sim.net.modifySynMechs and
 * modifyConns) that have no place in the creation columns. Cell changes (modifyCells) live in
 * the templates: the modified cells get their own template; weights, delays and stimulus
 * parameters are changed in place.
 */
export interface NetworkModifications {
  /** synMech parameter -> value per connection row (NaN where unchanged), set over the synMech's own parameters. */
  synMechParams: Map<string, Float64Array>;
  /** Fields NetPyNE only records in cell.conns (threshold) -> value per connection row (NaN where absent). */
  connFields: Map<string, Float64Array>;
}

export interface NetworkTimings {
  /** [s] */
  cells: number;
  conns: number;
  stims: number;
  total: number;
}

export interface NetworkData {
  netParams: NetParams;
  simConfig: SimConfig;
  pops: Population[];
  cells: CellTable;
  templates: CellTemplate[];
  pointCells: PointCellTable;
  conns: ConnTable;
  synMechValues: SynMechValues;
  stims: StimTable;
  modifications: NetworkModifications;
  warnings: string[];
  timings: NetworkTimings;
}
