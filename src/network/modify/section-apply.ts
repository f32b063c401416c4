import { type Catalog, canonicalParam, deepOrdered, ionReversal, orderedDict, POINTP_RESERVED_KEYS } from '../../spec/index.ts';
import type { CellTemplate, PointProcessTemplate, SectionTemplate } from '../types.ts';

// Applies one checked section modification to a template that only the modified cells use,
// as CompartCell.createPyStruct (the section as cell.secs shows it) and createNEURONObj (the
// simulated values) do. A value set here holds for every cell of the template, so a per-cell
// column that held drawn values for the same parameter is dropped.

/** `gid`: the gid of every cell (d.cells.gid), for 'gid' point-process values. */
export function applySectionEdit(template: CellTemplate, name: string, edit: Record<string, unknown>, gid: Int32Array, catalog: Catalog): void {
  const s = template.sectionIndex.get(name)!;
  const sec = template.sections[s];
  sec.spec = mergeIntoSpec(deepOrdered(sec.spec), edit);
  for (const [param, value] of Object.entries((edit.geom ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'number' || param === 'nseg') continue; // lists and dicts are skipped; nseg is unchanged
    (sec as unknown as Record<string, number>)[param] = value;
    dropColumns(template, (v) => v.section === s && v.kind === 'geom' && v.param === param);
  }
  for (const [mech, params] of Object.entries((edit.mechs ?? {}) as Record<string, Record<string, unknown>>)) {
    const values = insertMechanism(sec, mech, catalog);
    for (const [param, value] of Object.entries(params)) {
      if (value === null) continue;
      const canonical = canonicalParam(catalog.get(mech)!, param)!;
      const perSegment = Array.isArray(value)
        ? Float64Array.from({ length: sec.nseg }, (_, i) => (value.length === 1 ? value[0] : value[i]) as number)
        : new Float64Array(sec.nseg).fill(value as number);
      values.set(canonical, perSegment);
      dropColumns(template, (v) => v.section === s && v.kind === 'mech' && v.owner === mech && (v.param === param || v.param === canonical));
    }
  }
  for (const [ion, params] of Object.entries((edit.ions ?? {}) as Record<string, { e?: number }>)) {
    if (params.e !== undefined) sec.ions.set(ion, params.e);
  }
  for (const [label, params] of Object.entries((edit.pointps ?? {}) as Record<string, Record<string, unknown>>)) {
    replacePointProcess(template, s, label, params, gid, catalog);
  }
  if (typeof edit.vinit === 'number') sec.vinit = edit.vinit;
}

/** sec.insert(mech): NEURON's defaults on every segment, and the default reversal potentials of its ions. */
function insertMechanism(sec: SectionTemplate, mech: string, catalog: Catalog): Map<string, Float64Array> {
  let values = sec.mechs.get(mech);
  if (!values) {
    const info = catalog.get(mech)!;
    values = new Map(Object.entries(info.params).map(([p, v]) => [p, new Float64Array(sec.nseg).fill(v.default as number)]));
    sec.mechs.set(mech, values);
    for (const ion of info.ions ?? []) if (!sec.ions.has(ion)) sec.ions.set(ion, ionReversal(ion));
  }
  return values;
}

/**
 * CompartCell._addPointProcesses creates a new point process at loc (default 0.5) with only the
 * given parameters set (NEURON's defaults for the rest) and drops the old one; 'gid' is each
 * cell's gid, kept as a per-cell column.
 */
function replacePointProcess(template: CellTemplate, s: number, label: string, params: Record<string, unknown>, gid: Int32Array, catalog: Catalog): void {
  const sec = template.sections[s];
  const info = catalog.get(params.mod as string)!;
  const pp: PointProcessTemplate = {
    mod: info.name,
    loc: (params.loc as number | undefined) ?? 0.5,
    params: new Map(Object.entries(info.params).map(([k, v]) => [k, v.default as number])),
  };
  dropColumns(template, (v) => v.section === s && v.kind === 'pointp' && v.owner === label);
  for (const [param, value] of Object.entries(params)) {
    if (POINTP_RESERVED_KEYS.includes(param) || param.startsWith('_')) continue;
    const canonical = canonicalParam(info, param)!;
    if (value === 'gid') {
      template.varying.push({ section: s, kind: 'pointp', owner: label, param: canonical, width: 1, values: Float64Array.from(template.cells, (c) => gid[c]) });
    } else {
      pp.params.set(canonical, Number(value));
    }
  }
  sec.pointps.set(label, pp);
}

function dropColumns(template: CellTemplate, match: (v: CellTemplate['varying'][number]) => boolean): void {
  template.varying = template.varying.filter((v) => !match(v));
}

/** CompartCell.createPyStruct: the section as cell.secs shows it, keys set one by one. */
function mergeIntoSpec(spec: Record<string, unknown>, edit: Record<string, unknown>): Record<string, unknown> {
  const nested = (key: string): Record<string, unknown> => (spec[key] ??= orderedDict()) as Record<string, unknown>;
  for (const group of ['mechs', 'ions', 'pointps'] as const) {
    for (const [owner, params] of Object.entries((edit[group] ?? {}) as Record<string, Record<string, unknown>>)) {
      const target = (nested(group)[owner] ??= orderedDict()) as Record<string, unknown>;
      for (const [k, v] of Object.entries(params)) target[k] = deepOrdered(v);
    }
  }
  for (const [k, v] of Object.entries((edit.geom ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(v) && !(typeof v === 'object' && v !== null)) nested('geom')[k] = v;
  }
  for (const [k, v] of Object.entries((edit.topol ?? {}) as Record<string, unknown>)) nested('topol')[k] = deepOrdered(v);
  for (const key of ['spikeGenLoc', 'vinit', 'weightNorm', 'threshold']) if (edit[key] !== undefined) spec[key] = deepOrdered(edit[key]);
  return spec;
}
