import { orderedDict } from '../spec/index.ts';
import { sectionLength, sectionPoints } from './cell-geometry.ts';
import { pt3dSegments } from './pt3d-segments.ts';
import type { CellTemplate, NetworkData } from './types.ts';

// NetPyNE-shaped views of one cell, assembled from the compact tables on demand.

export interface RealisedSection {
  L: number;
  diam: number;
  Ra: number;
  cm: number;
  nseg: number;
  /** mechanism -> parameter -> value per segment */
  mechs: Record<string, Record<string, number[]>>;
  /** point process -> parameter -> value */
  pointps: Record<string, Record<string, number>>;
  ions: Record<string, number>;
}

/** Label lists of a network's spec, read once (the spec's ordered dicts are proxies, slow to walk per synapse). */
interface SpecLabels {
  synMechs: string[];
  synMechParams: Array<Array<[string, unknown]>>;
  rules: string[];
  ruleSecs: unknown[];
}
const labelCache = new WeakMap<NetworkData, SpecLabels>();

function specLabels(d: NetworkData): SpecLabels {
  let labels = labelCache.get(d);
  if (!labels) {
    const synMechs = Object.keys(d.netParams.synMechParams);
    labels = {
      synMechs,
      synMechParams: synMechs.map((m) => Object.entries(d.netParams.synMechParams[m])),
      rules: Object.keys(d.netParams.connParams),
      ruleSecs: Object.values(d.netParams.connParams).map((r) => r.sec ?? null),
    };
    labelCache.set(d, labels);
  }
  return labels;
}

function varying(
  template: CellTemplate,
  row: number,
  s: number,
  kind: 'geom' | 'mech' | 'pointp',
  owner: string | undefined,
  param: string,
): number[] | undefined {
  const column = template.varying.find((v) => v.section === s && v.kind === kind && v.param === param && v.owner === owner);
  return column ? Array.from(column.values.subarray(row * column.width, (row + 1) * column.width)) : undefined;
}

/** Realised values of every section of cell c: NEURON defaults, rule values, per-cell drawn values. */
export function realisedSections(d: NetworkData, c: number): Record<string, RealisedSection> {
  const t = d.cells.template[c];
  if (t < 0) return {};
  const template = d.templates[t];
  const row = d.cells.row[c];
  const out: Record<string, RealisedSection> = {};
  template.sections.forEach((sec, s) => {
    const set = (p: 'diam' | 'Ra' | 'cm') => varying(template, row, s, 'geom', undefined, p)?.[0] ?? sec[p];
    const geom = (p: 'L' | 'diam' | 'Ra' | 'cm') =>
      p === 'L' ? sectionLength(template, d.cells, c, s, d.simConfig) : p === 'diam' && sec.pt3d ? pointsDiam(d, c, s, set('diam')) : set(p);
    const mechs: RealisedSection['mechs'] = {};
    for (const [mech, params] of sec.mechs) {
      mechs[mech] = {};
      for (const [p, values] of params) mechs[mech][p] = varying(template, row, s, 'mech', mech, p) ?? Array.from(values);
    }
    const pointps: RealisedSection['pointps'] = {};
    for (const [label, pp] of sec.pointps) {
      pointps[label] = {};
      for (const [p, v] of pp.params) pointps[label][p] = varying(template, row, s, 'pointp', label, p)?.[0] ?? v;
    }
    out[sec.name] = { L: geom('L'), diam: geom('diam'), Ra: geom('Ra'), cm: geom('cm'), nseg: sec.nseg, mechs, pointps, ions: Object.fromEntries(sec.ions) };
  });
  return out;
}

/**
 * NEURON's sec.diam (the segment holding x = 0.5) of a section with points: diam_from_list
 * replaces the value set before by the segment's mean diameter unless they are within 1e-9.
 */
function pointsDiam(d: NetworkData, c: number, s: number, before: number): number {
  const template = d.templates[d.cells.template[c]];
  const sec = template.sections[s];
  const mean = pt3dSegments(sectionPoints(template, d.cells, c, s, d.simConfig)!, sec.nseg, sec.Ra).meanDiam[
    Math.min(Math.floor(0.5 * sec.nseg), sec.nseg - 1)
  ];
  return Math.abs(mean - before) > 1e-9 || mean < 1e-5 ? mean : before;
}

/** cell.secs as NetPyNE's createPyStruct keeps them, with string functions replaced by drawn values. */
export function cellSecs(d: NetworkData, c: number): Record<string, Record<string, unknown>> {
  const template = d.templates[d.cells.template[c]];
  const row = d.cells.row[c];
  const secs: Record<string, Record<string, unknown>> = orderedDict();
  template.sections.forEach((sec, s) => {
    const spec = sec.spec;
    const out: Record<string, unknown> = {};
    if (spec.geom)
      out.geom = mapValues(spec.geom as Record<string, unknown>, (v, p) =>
        typeof v === 'string' ? (varying(template, row, s, 'geom', undefined, p)?.[0] ?? v) : v,
      );
    // CompartCell.updateShape keeps define_shape's points (relative, x and y swapped) in the geom
    if (sec.generatedShape) (out.geom as Record<string, unknown>).pt3d = sec.pt3d!.map((p) => [...p]);
    if (spec.mechs) {
      out.mechs = mapValues(spec.mechs as Record<string, Record<string, unknown>>, (params, mech) =>
        mapValues(params, (v, p) => {
          if (typeof v !== 'string') return v;
          const values = varying(template, row, s, 'mech', mech, p);
          return values ? (values.length === 1 ? values[0] : values) : v;
        }),
      );
    }
    if (spec.ions) out.ions = spec.ions;
    if (spec.pointps) {
      out.pointps = mapValues(spec.pointps as Record<string, Record<string, unknown>>, (pp, label) =>
        mapValues(pp, (v, p) => {
          if (v === 'gid') return d.cells.gid[c];
          return typeof v === 'string' && p !== 'mod' && p !== 'vref' ? (varying(template, row, s, 'pointp', label, p)?.[0] ?? v) : v;
        }),
      );
    }
    out.topol = spec.topol ?? {};
    for (const key of ['spikeGenLoc', 'vinit', 'threshold', 'weightNorm']) if (spec[key] !== undefined) out[key] = spec[key];
    out.synMechs = [];
    secs[sec.name] = out;
  });
  const conns = d.conns;
  const listed = new Set<number>(); // a shared synapse (oneSynPerNetcon false) is listed once
  for (let k = conns.postStart[c]; k < conns.postStart[c + 1]; k++) {
    const i = conns.byPost[k];
    if (conns.synMech[i] < 0 || isPointProcessTarget(template, conns.sec[i]) || listed.has(conns.synapse[i])) continue;
    listed.add(conns.synapse[i]);
    const sec = template.sections[conns.sec[i]];
    (secs[sec.name].synMechs as unknown[]).push(synMechEntry(d, i));
  }
  return secs;
}

function synMechEntry(d: NetworkData, i: number): Record<string, unknown> {
  const c = d.conns;
  const labels = specLabels(d);
  const entry: Record<string, unknown> = { label: labels.synMechs[c.synMech[i]], loc: c.loc[i] };
  const drawn = c.synMechRow[i] >= 0 ? d.synMechValues.get(c.synMech[i]) : undefined;
  for (const [k, v] of labels.synMechParams[c.synMech[i]]) {
    entry[k] = typeof v === 'string' && drawn?.has(k) ? drawn.get(k)![c.synMechRow[i]] : v;
  }
  for (const [param, values] of d.modifications.synMechParams) if (!Number.isNaN(values[i])) entry[param] = values[i];
  return entry;
}

/** Whether section `sec` holds a point process with its own voltage (vref): connections there target it, not a synMech. */
export function isPointProcessTarget(template: CellTemplate, sec: number): boolean {
  return sec >= 0 && [...template.sections[sec].pointps.values()].some((p) => p.vref !== undefined);
}

/** cell.conns as NetPyNE records them. */
export function cellConns(d: NetworkData, c: number): Record<string, unknown>[] {
  const conns = d.conns;
  const out: Record<string, unknown>[] = [];
  for (let k = conns.postStart[c]; k < conns.postStart[c + 1]; k++) out.push(connRecord(d, conns.byPost[k]));
  return out;
}

/** Connection row i as NetPyNE records it in its post cell's conns, with fields set by modifyConns. */
export function connRecord(d: NetworkData, i: number): Record<string, unknown> {
  const conns = d.conns;
  const { synMechs: synMechLabels, rules: ruleLabels } = specLabels(d);
  const post = conns.post[i];
  const template = d.cells.template[post] >= 0 ? d.templates[d.cells.template[post]] : null;
  const fromStim = conns.pre[i] < 0;
  const synMech = conns.synMech[i] >= 0 ? synMechLabels[conns.synMech[i]] : null;
  const sec = template && conns.sec[i] >= 0 ? template.sections[conns.sec[i]].name : pointCellSec(d, i);
  const conn: Record<string, unknown> = {
    preGid: fromStim ? 'NetStim' : d.cells.gid[conns.pre[i]],
    sec,
    loc: Number.isNaN(conns.loc[i]) ? null : conns.loc[i],
    synMech,
    weight: conns.weight[i],
    delay: conns.delay[i],
  };
  if (fromStim) {
    conn.preLoc = 0.5;
    conn.preLabel = d.stims.params[conns.stim[i]].source;
  } else {
    if (d.simConfig.includeParamsLabel) conn.label = ruleLabels[conns.rule[i]];
    if (template) conn.preLoc = 0.5;
    else conn.weightIndex = conns.weightIndex[i];
  }
  if (template && isPointProcessTarget(template, conns.sec[i])) conn.weightIndex = conns.weightIndex[i];
  for (const [field, values] of d.modifications.connFields) if (!Number.isNaN(values[i])) conn[field] = values[i];
  return conn;
}

/** For artificial targets NetPyNE keeps the rule's own sec value (usually None). */
function pointCellSec(d: NetworkData, i: number): unknown {
  const rule = d.conns.rule[i];
  return rule >= 0 ? specLabels(d).ruleSecs[rule] : null;
}

export function cellStims(d: NetworkData, c: number): Record<string, unknown>[] {
  const { byCell, cellStart, params } = d.stims;
  return Array.from(byCell.subarray(cellStart[c], cellStart[c + 1]), (i) => params[i]);
}

function mapValues<T, U>(obj: Record<string, T>, fn: (v: T, k: string) => U): Record<string, U> {
  const out: Record<string, U> = orderedDict();
  for (const [k, v] of Object.entries(obj)) out[k] = fn(v, k);
  return out;
}
