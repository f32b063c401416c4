import { type CompiledExpr, cellParamContext, cellVarsContext, compileExpression, ExprError } from '../expr/index.ts';
import {
  type Catalog,
  type CellParams,
  FINITE,
  GEOM_RANGES,
  ionReversal,
  joinPath,
  mechanismRange,
  type NetParamsData,
  numericNetParams,
  POINTP_RESERVED_KEYS,
  SECTION_DEFAULTS,
  type SectionParams,
  type ValueRange,
} from '../spec/index.ts';
import { ruleSections } from './cell-rules.ts';
import type { Connection } from './define-shape.ts';
import { NetworkBuildError } from './errors.ts';
import type { CellTemplate, PointProcessTemplate, SectionTemplate } from './types.ts';

// A CellTemplate merges the cellParams rules that apply to a group of cells, in rule order,
// as NetPyNE's CompartCell.create applies them one after another. Values given as numbers are
// stored once; string functions become steps of a per-cell evaluation plan, kept in NetPyNE's
// order (per rule: vars, then per section: geom, mechs per segment, point processes), because
// that order decides which draws of the cell's 'cellParams' stream each function receives.

// Every function step carries the range its values must lie in (spec/schema/ranges.ts).
export type PlanStep =
  | { kind: 'var'; rule: number; name: string; fn: CompiledExpr; path: string; range: ValueRange }
  | { kind: 'geom'; rule: number; section: number; param: string; fn: CompiledExpr; path: string; column: number; range: ValueRange }
  | { kind: 'mech'; rule: number; section: number; mech: string; param: string; fn: CompiledExpr; path: string; column: number; range: ValueRange }
  | {
      kind: 'pointp';
      rule: number;
      section: number;
      label: string;
      param: string;
      fn: CompiledExpr | null;
      path: string;
      column: number;
      range: ValueRange;
    }
  /** a constant geometry assignment: replayed per cell only when path distances are needed */
  | { kind: 'geomConst'; section: number; param: string; value: number };

export interface TemplateBuild {
  template: Omit<CellTemplate, 'cells' | 'index'>;
  plan: PlanStep[];
  /** Rule labels in order (plan steps refer to them by index). */
  rules: string[];
  /** Whether any string function uses dist_path or dist_euclidean (needs the geometry replay). */
  usesDistance: boolean;
  /** Whether any step draws random numbers (needs the cell's stream). */
  usesRandom: boolean;
  /** The sec.connect calls of the rules, in NetPyNE's order (they order each parent's child list). */
  connections: Connection[];
}

export function buildTemplate(ruleLabels: string[], net: NetParamsData, catalog: Catalog): TemplateBuild {
  const constants = numericNetParams(net);
  const sections: SectionTemplate[] = [];
  const sectionIndex = new Map<string, number>();
  const secLists = new Map<string, string[]>();
  const plan: PlanStep[] = [];
  const connections: Connection[] = [];
  const columns: Array<{ section: number; kind: 'geom' | 'mech' | 'pointp'; owner?: string; param: string }> = [];
  /** Column key -> index of the plan step whose value survives (or -1 when a constant came later). */
  const finalWriter = new Map<string, number>();
  const columnOf = (key: string, spec: (typeof columns)[number]) => {
    let i = columns.findIndex((c) => columnKey(c) === key);
    if (i < 0) i = columns.push(spec) - 1;
    return i;
  };

  ruleLabels.forEach((label, ruleIndex) => {
    const rule = net.cellParams[label] as CellParams;
    const rulePath = joinPath('netParams.cellParams', label);
    const varNames = Object.keys(rule.vars ?? {});
    for (const [name, value] of Object.entries(rule.vars ?? {})) {
      if (typeof value === 'string') {
        const path = joinPath(joinPath(rulePath, 'vars'), name);
        plan.push({ kind: 'var', rule: ruleIndex, name, fn: compile(value, path, cellVarsContext(constants)), path, range: FINITE });
      }
    }
    const context = cellParamContext(varNames, constants);
    for (const [name] of ruleSections(rule)) {
      if (!sectionIndex.has(name)) {
        sectionIndex.set(name, sections.length);
        sections.push(newSection(name));
      }
    }
    for (const [name, sp] of ruleSections(rule)) {
      if (sp.topol && Object.keys(sp.topol).length > 0) {
        const section = sectionIndex.get(name)!;
        const sec = sections[section];
        sec.topol = { parent: sectionIndex.get(sp.topol.parentSec!) ?? -1, parentX: sp.topol.parentX ?? 1, childX: sp.topol.childX ?? 0 };
        connections.push({ section, parent: sec.topol.parent, parentX: sec.topol.parentX });
      }
    }
    for (const [name, sp] of ruleSections(rule)) {
      const s = sectionIndex.get(name)!;
      const sec = sections[s];
      const secPath = joinPath(joinPath(rulePath, 'secs'), name);
      sec.spec = mergeSpec(sec.spec, sp);
      applyGeometry(sec, s, sp, secPath, ruleIndex, context, plan, finalWriter, columnOf);
      applyMechanisms(sec, s, sp, secPath, ruleIndex, context, plan, finalWriter, columnOf, catalog);
      for (const [ion, params] of Object.entries(sp.ions ?? {})) {
        if (typeof params?.e === 'number') sec.ions.set(ion, params.e);
        const conc = { ...sec.ionConcentrations.get(ion) };
        if (typeof params?.i === 'number') conc.i = params.i;
        if (typeof params?.o === 'number') conc.o = params.o;
        if (conc.i !== undefined || conc.o !== undefined) sec.ionConcentrations.set(ion, conc);
      }
      applyPointProcesses(sec, s, sp, secPath, ruleIndex, context, plan, finalWriter, columnOf, catalog);
      if (sp.spikeGenLoc !== undefined) sec.spikeGenLoc = sp.spikeGenLoc;
      if (sp.vinit !== undefined) sec.vinit = sp.vinit;
      if (sp.threshold !== undefined) sec.threshold = sp.threshold;
      if (sp.weightNorm !== undefined) sec.weightNorm = [...sp.weightNorm];
    }
    for (const [list, names] of Object.entries(rule.secLists ?? {})) secLists.set(list, [...names]);
  });

  for (const sec of sections) for (const ion of ionsUsed(sec, catalog)) if (!sec.ions.has(ion)) sec.ions.set(ion, ionReversal(ion));
  // Steps whose value a later constant overwrote still run (they consume stream draws) but keep no column.
  for (const step of plan) {
    if (step.kind === 'geom' || step.kind === 'mech' || step.kind === 'pointp') {
      if (finalWriter.get(columnKey(columns[step.column])) !== plan.indexOf(step)) step.column = -1;
    }
  }
  const varying = columns.map((c) => ({ ...c, width: c.kind === 'mech' ? sections[c.section].nseg : 1, values: new Float64Array(0) }));
  const fnSteps = plan.filter((p): p is Exclude<PlanStep, { kind: 'geomConst' }> => p.kind !== 'geomConst');
  return {
    template: { ruleLabels, sections, sectionIndex, secLists, spikeGen: spikeGenerator(sections, net), varying },
    plan,
    rules: ruleLabels,
    usesDistance: fnSteps.some((p) => p.fn?.variables.some((v) => v === 'dist_path' || v === 'dist_euclidean')),
    usesRandom: fnSteps.some((p) => p.fn?.usesRandom),
    connections,
  };
}

type ColumnOf = (key: string, spec: { section: number; kind: 'geom' | 'mech' | 'pointp'; owner?: string; param: string }) => number;

function applyGeometry(
  sec: SectionTemplate,
  s: number,
  sp: SectionParams,
  path: string,
  rule: number,
  context: ReturnType<typeof cellParamContext>,
  plan: PlanStep[],
  finalWriter: Map<string, number>,
  columnOf: ColumnOf,
): void {
  for (const [param, value] of Object.entries(sp.geom ?? {})) {
    if (param === 'pt3d' || Array.isArray(value) || (typeof value === 'object' && value !== null)) continue;
    const key = columnKey({ section: s, kind: 'geom', param });
    const p = joinPath(joinPath(path, 'geom'), param);
    if (typeof value === 'string') {
      if (param === 'nseg') throw new NetworkBuildError(p, value, 'nseg must be a number (a per-cell number of segments is not supported)');
      const column = columnOf(key, { section: s, kind: 'geom', param });
      const range = Object.hasOwn(GEOM_RANGES, param) ? GEOM_RANGES[param as keyof typeof GEOM_RANGES] : FINITE;
      finalWriter.set(key, plan.push({ kind: 'geom', rule, section: s, param, fn: compile(value, p, context), path: p, column, range }) - 1);
    } else if (typeof value === 'number') {
      if (param === 'nseg' && sec.mechs.size > 0 && value !== sec.nseg)
        throw new NetworkBuildError(p, value, 'changing nseg after mechanisms were set on the section (by an earlier cell rule) is not supported');
      (sec as unknown as Record<string, number>)[param] = value;
      finalWriter.set(key, -1);
      plan.push({ kind: 'geomConst', section: s, param, value });
    }
  }
  if (sp.geom?.pt3d && sp.geom.pt3d.length > 0) {
    sec.pt3d = sp.geom.pt3d.map((pt) => [...pt]);
  } else if (sp.geom?.pt3d) {
    // NetPyNE calls h.pt3dclear() and adds no point: the section keeps its L and diam (HybridTut)
    sec.pt3d = null;
  }
}

function applyMechanisms(
  sec: SectionTemplate,
  s: number,
  sp: SectionParams,
  path: string,
  rule: number,
  context: ReturnType<typeof cellParamContext>,
  plan: PlanStep[],
  finalWriter: Map<string, number>,
  columnOf: ColumnOf,
  catalog: Catalog,
): void {
  for (const [mech, params] of Object.entries(sp.mechs ?? {})) {
    if (!sec.mechs.has(mech)) {
      const defaults = new Map<string, Float64Array>();
      for (const [name, info] of Object.entries(catalog.get(mech)!.params)) defaults.set(name, new Float64Array(sec.nseg).fill(info.default as number));
      sec.mechs.set(mech, defaults);
    }
    const values = sec.mechs.get(mech)!;
    for (const [param, value] of Object.entries(params ?? {})) {
      if (value === null) continue;
      const key = columnKey({ section: s, kind: 'mech', owner: mech, param });
      const p = joinPath(joinPath(joinPath(path, 'mechs'), mech), param);
      if (typeof value === 'string') {
        const column = columnOf(key, { section: s, kind: 'mech', owner: mech, param });
        const range = mechanismRange(mech, param);
        finalWriter.set(key, plan.push({ kind: 'mech', rule, section: s, mech, param, fn: compile(value, p, context), path: p, column, range }) - 1);
      } else if (Array.isArray(value)) {
        if (value.length !== 1 && value.length !== sec.nseg)
          throw new NetworkBuildError(p, value, `expected ${sec.nseg} values (one per segment) or one value`);
        if (value.some((v) => typeof v !== 'number')) throw new NetworkBuildError(p, value, 'per-segment lists must hold numbers');
        values.set(
          param,
          Float64Array.from({ length: sec.nseg }, (_, i) => (value.length === 1 ? value[0] : value[i])),
        );
        finalWriter.set(key, -1);
      } else {
        values.set(param, new Float64Array(sec.nseg).fill(value));
        finalWriter.set(key, -1);
      }
    }
  }
}

function applyPointProcesses(
  sec: SectionTemplate,
  s: number,
  sp: SectionParams,
  path: string,
  rule: number,
  context: ReturnType<typeof cellParamContext>,
  plan: PlanStep[],
  finalWriter: Map<string, number>,
  columnOf: ColumnOf,
  catalog: Catalog,
): void {
  for (const [label, pp] of Object.entries(sp.pointps ?? {})) {
    const info = catalog.get(pp.mod)!;
    const template: PointProcessTemplate = {
      mod: pp.mod,
      loc: pp.loc ?? 0.5,
      vref: pp.vref,
      synList: pp.synList ? [...pp.synList] : undefined,
      params: new Map(Object.entries(info.params).map(([k, v]) => [k, v.default as number])),
    };
    sec.pointps.set(label, template);
    for (const [param, value] of Object.entries(pp)) {
      if (POINTP_RESERVED_KEYS.includes(param) || param.startsWith('_')) continue;
      const key = columnKey({ section: s, kind: 'pointp', owner: label, param });
      const p = joinPath(joinPath(joinPath(path, 'pointps'), label), param);
      if (value === 'gid' || typeof value === 'string') {
        const column = columnOf(key, { section: s, kind: 'pointp', owner: label, param });
        const fn = value === 'gid' ? null : compile(value, p, context);
        const range = mechanismRange(pp.mod, param);
        finalWriter.set(key, plan.push({ kind: 'pointp', rule, section: s, label, param, fn, path: p, column, range }) - 1);
      } else if (typeof value === 'number' || typeof value === 'boolean') {
        template.params.set(param, Number(value));
        finalWriter.set(key, -1);
      }
    }
  }
}

/** NetPyNE spikeGenLocAndSec: first section with spikeGenLoc, else the first root section at 0.5. */
function spikeGenerator(sections: SectionTemplate[], net: NetParamsData): CellTemplate['spikeGen'] {
  let section = sections.findIndex((s) => s.spikeGenLoc !== undefined);
  let loc = 0.5;
  if (section >= 0) loc = sections[section].spikeGenLoc!;
  else
    section = Math.max(
      0,
      sections.findIndex((s) => s.topol.parent < 0),
    );
  const sec = sections[section];
  const withVref = [...sec.pointps.entries()].find(([, p]) => p.vref !== undefined);
  return {
    section,
    loc,
    pointp: withVref?.[0],
    vref: withVref?.[1].vref,
    threshold: sec.threshold ?? net.defaultThreshold,
  };
}

function newSection(name: string): SectionTemplate {
  return {
    name,
    ...SECTION_DEFAULTS,
    pt3d: null,
    generatedShape: false,
    topol: { parent: -1, parentX: 1, childX: 0 },
    mechs: new Map(),
    ions: new Map(),
    ionConcentrations: new Map(),
    pointps: new Map(),
    spec: {},
  };
}

/** The section as NetPyNE's createPyStruct accumulates it over rules (later rules override keys). */
function mergeSpec(previous: Record<string, unknown>, sp: SectionParams): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...previous };
  for (const [key, value] of Object.entries(sp)) {
    if (key === 'geom' || key === 'mechs' || key === 'ions' || key === 'pointps' || key === 'topol') {
      merged[key] = deepMerge((merged[key] as Record<string, unknown>) ?? {}, value as Record<string, unknown>);
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' && !Array.isArray(out[k])
        ? deepMerge(out[k] as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

function ionsUsed(sec: SectionTemplate, catalog: Catalog): string[] {
  return [...sec.mechs.keys()].flatMap((m) => catalog.get(m)!.ions ?? []);
}

function columnKey(c: { section: number; kind: string; owner?: string; param: string }): string {
  return `${c.section}|${c.kind}|${c.owner ?? ''}|${c.param}`;
}

function compile(source: string, path: string, context: Parameters<typeof compileExpression>[1]): CompiledExpr {
  try {
    return compileExpression(source, context);
  } catch (e) {
    if (e instanceof ExprError) throw new NetworkBuildError(path, source, e.message);
    throw e;
  }
}
