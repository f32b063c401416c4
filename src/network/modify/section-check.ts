import { type Catalog, canonicalParam, didYouMean, IONS, joinPath, POINTP_RESERVED_KEYS, type SectionParams } from '../../spec/index.ts';
import { ModifyError } from '../errors.ts';
import type { CellTemplate, SectionTemplate } from '../types.ts';
import { asObject, finiteNumber, rejectUnknownKeys } from './params.ts';

// Checks one section of a modifyCells 'secs' entry against a template, following what
// CompartCell.createPyStruct + createNEURONObj do with it (cell/compartCell.py): everything that
// NetPyNE would apply must be applicable, everything NetPyNE would fail on or that spikegpu
// cannot reproduce is refused here, before any cell is changed.

export const SECTION_KEYS = ['geom', 'topol', 'mechs', 'ions', 'pointps', 'synMechs', 'spikeGenLoc', 'vinit', 'threshold', 'weightNorm'] as const;
const GEOM_PARAMS = ['L', 'diam', 'Ra', 'cm', 'nseg', 'pt3d'];

/** The cell rule NetPyNE consults for string functions while modifying: cellParams[cellType]. */
export interface RuleContext {
  label: string;
  section: SectionParams | undefined;
  /** The mechanisms of the network. */
  catalog: Catalog;
}

export function checkSectionEdit(path: string, template: CellTemplate, name: string, edit: Record<string, unknown>, rule: RuleContext): void {
  const s = template.sectionIndex.get(name);
  if (s === undefined) {
    throw new ModifyError(
      path,
      edit,
      `the cells' rules (${template.ruleLabels.join(', ')}) have no section '${name}'${didYouMean(name, template.sectionIndex.keys())}; NetPyNE would add a new, unconnected section, which spikegpu does not do: add the section to the cell rule instead`,
    );
  }
  const sec = template.sections[s];
  rejectUnknownKeys(path, edit, SECTION_KEYS, `a section has ${SECTION_KEYS.join(', ')}`);
  if (edit.geom !== undefined) checkGeometry(joinPath(path, 'geom'), sec, asObject(joinPath(path, 'geom'), edit.geom), rule);
  if (edit.topol !== undefined) checkTopology(joinPath(path, 'topol'), template, sec, asObject(joinPath(path, 'topol'), edit.topol));
  if (edit.mechs !== undefined) checkMechanisms(joinPath(path, 'mechs'), sec, asObject(joinPath(path, 'mechs'), edit.mechs), rule.catalog);
  if (edit.ions !== undefined) checkIons(joinPath(path, 'ions'), asObject(joinPath(path, 'ions'), edit.ions));
  if (edit.pointps !== undefined) checkPointProcesses(joinPath(path, 'pointps'), sec, asObject(joinPath(path, 'pointps'), edit.pointps), rule);
  if (edit.synMechs !== undefined) {
    throw new ModifyError(
      joinPath(path, 'synMechs'),
      edit.synMechs,
      'adding synaptic mechanisms without connections is not supported (they would receive no events); add connections with a connParams rule instead',
    );
  }
  if (edit.vinit !== undefined) finiteNumber(joinPath(path, 'vinit'), edit.vinit, 'expected an initial voltage [mV]');
  if (edit.threshold !== undefined) finiteNumber(joinPath(path, 'threshold'), edit.threshold, 'expected a threshold [mV]');
  if (edit.spikeGenLoc !== undefined) location(joinPath(path, 'spikeGenLoc'), edit.spikeGenLoc);
  if (edit.weightNorm !== undefined) {
    const w = edit.weightNorm;
    if (!Array.isArray(w) || w.some((v) => typeof v !== 'number'))
      throw new ModifyError(joinPath(path, 'weightNorm'), w, 'expected a list of numbers, one per segment');
  }
}

function checkGeometry(path: string, sec: SectionTemplate, geom: Record<string, unknown>, rule: RuleContext): void {
  for (const [param, value] of Object.entries(geom)) {
    const p = joinPath(path, param);
    if (!GEOM_PARAMS.includes(param))
      throw new ModifyError(p, value, `unknown geometry parameter '${param}'${didYouMean(param, GEOM_PARAMS)} (sections have ${GEOM_PARAMS.join(', ')})`);
    if (param === 'pt3d') throw new ModifyError(p, value, 'changing 3D points of created cells is not supported; give pt3d in the cell rule');
    if (Array.isArray(value) || (typeof value === 'object' && value !== null)) continue; // NetPyNE skips list and dict values
    if (typeof rule.section?.geom?.[param as 'L'] === 'string') throw stringFunctionQuirk(p, value, rule, `geom.${param}`);
    const v = finiteNumber(
      p,
      value,
      typeof value === 'string' ? "expected a number (NetPyNE fails on a string that is not one of the cell rule's string functions)" : 'expected a number',
    );
    if (param === 'nseg') {
      if (v !== sec.nseg)
        throw new ModifyError(p, value, `changing nseg of created cells is not supported (the section has nseg ${sec.nseg}); set nseg in the cell rule`);
      continue;
    }
    if (sec.pt3d && (param === 'L' || param === 'diam'))
      throw new ModifyError(p, value, `section '${sec.name}' is defined by pt3d points; changing its ${param} is not supported`);
    if (param === 'cm' ? v < 0 : v <= 0) throw new ModifyError(p, value, param === 'cm' ? 'expected a capacitance >= 0 [uF/cm2]' : `expected ${param} > 0`);
  }
}

function checkTopology(path: string, template: CellTemplate, sec: SectionTemplate, topol: Record<string, unknown>): void {
  if (Object.keys(topol).length === 0) return; // NetPyNE connects only for a non-empty topol
  const parent = sec.topol.parent >= 0 ? template.sections[sec.topol.parent].name : undefined;
  const same = topol.parentSec === parent && topol.parentX === sec.topol.parentX && topol.childX === sec.topol.childX;
  if (!same) {
    const current =
      parent === undefined ? 'it is a root section' : `it is connected as {parentSec: '${parent}', parentX: ${sec.topol.parentX}, childX: ${sec.topol.childX}}`;
    throw new ModifyError(path, topol, `changing the topology of created cells is not supported (${current}); set topol in the cell rule`);
  }
}

function checkMechanisms(path: string, sec: SectionTemplate, mechs: Record<string, unknown>, catalog: Catalog): void {
  for (const [mech, rawParams] of Object.entries(mechs)) {
    const mp = joinPath(path, mech);
    const info = catalog.get(mech);
    if (!info?.kinds.includes('density')) {
      const known = catalog.ofKind('density');
      throw new ModifyError(
        mp,
        rawParams,
        `unknown density mechanism '${mech}'${didYouMean(mech, known)} (known: ${known.join(', ')}; NetPyNE raises RuntimeError when it cannot insert one)`,
      );
    }
    for (const [param, value] of Object.entries(asObject(mp, rawParams))) {
      const p = joinPath(mp, param);
      if (canonicalParam(info, param) === undefined)
        throw new ModifyError(
          p,
          value,
          `${mech} has no parameter '${param}'${didYouMean(param, Object.keys(info.params))} (parameters: ${Object.keys(info.params).join(', ')})`,
        );
      if (value === null) continue; // NetPyNE skips None
      if (Array.isArray(value)) {
        if (value.length !== 1 && value.length < sec.nseg)
          throw new ModifyError(p, value, `expected one value or one per segment (${sec.nseg}); NetPyNE raises IndexError on a shorter list`);
        value.slice(0, sec.nseg).forEach((v, i) => finiteNumber(joinPath(p, i), v));
        continue;
      }
      finiteNumber(
        p,
        value,
        typeof value === 'string'
          ? "expected a number or a list of numbers (NetPyNE evaluates the cell rule's own string function for a string here, or fails)"
          : 'expected a number or a list of numbers',
      );
    }
  }
}

function checkIons(path: string, ions: Record<string, unknown>): void {
  for (const [ion, rawParams] of Object.entries(ions)) {
    const ip = joinPath(path, ion);
    if (!(ion in IONS)) throw new ModifyError(ip, rawParams, `unknown ion '${ion}' (spikegpu's mechanisms use ${Object.keys(IONS).join(', ')})`);
    for (const [param, value] of Object.entries(asObject(ip, rawParams))) {
      const p = joinPath(ip, param);
      if (param === 'i' || param === 'o') throw new ModifyError(p, value, 'ion concentrations are not supported; only the reversal potential e can be set');
      if (param !== 'e') throw new ModifyError(p, value, `unknown ion parameter '${param}' (NetPyNE sets e, i, o)`);
      finiteNumber(p, value, 'expected a reversal potential [mV]');
    }
  }
}

function checkPointProcesses(path: string, sec: SectionTemplate, pointps: Record<string, unknown>, rule: RuleContext): void {
  for (const [label, rawParams] of Object.entries(pointps)) {
    const pp = asObject(joinPath(path, label), rawParams);
    const lp = joinPath(path, label);
    const existing = sec.pointps.get(label);
    if (existing?.vref !== undefined)
      throw new ModifyError(
        lp,
        rawParams,
        `modifying a point process with its own voltage (vref '${existing.vref}') is not supported: the cell's spike detector watches the object NetPyNE would replace`,
      );
    if (pp.mod === undefined)
      throw new ModifyError(
        joinPath(lp, 'mod'),
        undefined,
        'is required: NetPyNE creates a new point process of type mod (getattr(h, mod)) and raises KeyError without it',
      );
    const info = typeof pp.mod === 'string' ? rule.catalog.get(pp.mod) : undefined;
    if (!info?.kinds.includes('pointProcess')) {
      const known = rule.catalog.ofKind('pointProcess');
      throw new ModifyError(joinPath(lp, 'mod'), pp.mod, `unknown point process (known: ${known.join(', ')})`);
    }
    if (pp.vref !== undefined || pp.synList !== undefined)
      throw new ModifyError(
        lp,
        rawParams,
        'vref and synList cannot be set by modifyCells (the spike detector and connections keep the objects made at creation)',
      );
    if (pp.loc !== undefined) location(joinPath(lp, 'loc'), pp.loc);
    for (const [param, value] of Object.entries(pp)) {
      if (POINTP_RESERVED_KEYS.includes(param) || param.startsWith('_')) continue;
      const p = joinPath(lp, param);
      if (canonicalParam(info, param) === undefined)
        throw new ModifyError(p, value, `${info.name} has no parameter '${param}'${didYouMean(param, Object.keys(info.params))}`);
      const ruleValue = (rule.section?.pointps?.[label] as Record<string, unknown> | undefined)?.[param];
      if (typeof ruleValue === 'string' && ruleValue !== 'gid') throw stringFunctionQuirk(p, value, rule, `pointps.${label}.${param}`);
      if (value === 'gid' || typeof value === 'boolean') continue;
      finiteNumber(p, value, "expected a number or 'gid'");
    }
  }
}

function location(path: string, value: unknown): void {
  const v = finiteNumber(path, value, 'expected a location in [0, 1]');
  if (v < 0 || v > 1) throw new ModifyError(path, value, 'expected a location in [0, 1]');
}

/** NetPyNE evaluates the rule's string function again (a new draw from the cell's stream) and ignores the given value. */
function stringFunctionQuirk(path: string, value: unknown, rule: RuleContext, where: string): ModifyError {
  return new ModifyError(
    path,
    value,
    `netParams.cellParams.${rule.label} gives ${where} as a string function; NetPyNE 1.1 then ignores the value given here and evaluates that function again from the cell's random stream (CompartCell._setGeometryParams / _addPointProcesses), which spikegpu does not reproduce: change the cell rule and create the network again`,
  );
}
