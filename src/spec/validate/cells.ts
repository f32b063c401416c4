import { type Catalog, canonicalParam, IONS, POINTP_RESERVED_KEYS } from '../catalog.ts';
import { type Diagnostics, didYouMean, joinPath } from '../diagnostics.ts';
import { globalVariable } from '../globals.ts';
import { check } from '../schema/helpers.ts';
import { cellEntry } from '../schema/net-params.ts';
import { GEOM_RANGES, mechanismRange } from '../schema/ranges.ts';
import type { CellParams, SectionParams } from '../types.ts';
import { checkConds } from './conds.ts';
import { POINT_CELL_EXTRAS } from './pops.ts';
import { checkRange } from './ranges.ts';
import type { SpecIndex } from './spec-index.ts';

export function checkCellRules(index: SpecIndex, diagnostics: Diagnostics): void {
  for (const [label, rule] of Object.entries(index.net.cellParams ?? {}) as [string, CellParams][]) {
    const path = joinPath('netParams.cellParams', label);
    if (!check(cellEntry, rule, path, diagnostics)) continue;
    checkConds(rule.conds, joinPath(path, 'conds'), index, diagnostics, 'rule');
    for (const [name, value] of Object.entries(rule.globals ?? {}))
      if (!globalVariable(name, index.catalog))
        diagnostics.warning(
          joinPath(joinPath(path, 'globals'), name),
          value,
          'not a GLOBAL of any loaded mechanism (<param>_<mechanism>), usetable_<mechanism> or <ion>i0_<ion>_ion: NEURON creates a new variable that nothing reads',
        );
    if (rule.diversityFraction !== undefined && rule.conds === undefined)
      diagnostics.error(
        joinPath(path, 'diversityFraction'),
        rule.diversityFraction,
        'a diversity rule needs conds (NetPyNE reads cellType, cellModel and pop from them)',
      );
    if (rule.cellModel !== undefined) {
      checkPointCellRule(rule, path, index.catalog, diagnostics);
      continue;
    }
    if (!rule.secs || Object.keys(rule.secs).length === 0) {
      diagnostics.error(joinPath(path, 'secs'), rule.secs, 'a compartmental cell rule needs at least one section (or a cellModel for an artificial cell)');
      continue;
    }
    const secNames = Object.keys(rule.secs);
    for (const [secName, sec] of Object.entries(rule.secs) as [string, SectionParams][]) {
      checkSection(sec, joinPath(joinPath(path, 'secs'), secName), secNames, index.catalog, diagnostics);
    }
    checkTopologyIsTree(rule.secs as Record<string, SectionParams>, joinPath(path, 'secs'), diagnostics);
    for (const [listName, list] of Object.entries(rule.secLists ?? {})) {
      for (const [i, sec] of (list as string[]).entries()) {
        if (!secNames.includes(sec))
          diagnostics.error(`${joinPath(joinPath(path, 'secLists'), listName)}[${i}]`, sec, `undefined section${didYouMean(sec, secNames)}`);
      }
    }
  }
}

function checkPointCellRule(rule: CellParams, path: string, catalog: Catalog, diagnostics: Diagnostics): void {
  const model = rule.cellModel!;
  const info = catalog.get(model);
  if (!info?.kinds.includes('artificialCell')) {
    diagnostics.error(joinPath(path, 'cellModel'), model, `not an artificial cell: expected one of ${catalog.ofKind('artificialCell').join(', ')}`);
    return;
  }
  const known = [...Object.keys(info.params), ...(POINT_CELL_EXTRAS[model] ?? [])];
  for (const [key, value] of Object.entries(rule.params ?? {})) {
    if (!known.includes(key) && !canonicalParam(info, key))
      diagnostics.error(joinPath(joinPath(path, 'params'), key), value, `${model} has no parameter '${key}'${didYouMean(key, known)}`);
    else checkRange(value, mechanismRange(model, canonicalParam(info, key) ?? key), joinPath(joinPath(path, 'params'), key), diagnostics);
  }
}

function checkSection(sec: SectionParams, path: string, secNames: string[], catalog: Catalog, diagnostics: Diagnostics): void {
  const nseg = typeof sec.geom?.nseg === 'number' ? sec.geom.nseg : typeof sec.geom?.nseg === 'string' ? undefined : 1;
  for (const key of ['L', 'diam', 'Ra', 'cm', 'nseg'] as const)
    checkRange(sec.geom?.[key], GEOM_RANGES[key], joinPath(joinPath(path, 'geom'), key), diagnostics);
  if (typeof sec.geom?.nseg === 'string')
    diagnostics.error(joinPath(joinPath(path, 'geom'), 'nseg'), sec.geom.nseg, 'nseg must be a number (a per-cell number of segments is not supported)');
  if (sec.geom?.pt3d && sec.geom.pt3d.length === 1)
    diagnostics.error(joinPath(joinPath(path, 'geom'), 'pt3d'), sec.geom.pt3d, 'a 3-D section needs at least two points');
  const parent = sec.topol?.parentSec;
  if (sec.topol && Object.keys(sec.topol).length > 0 && parent === undefined) {
    diagnostics.error(joinPath(joinPath(path, 'topol'), 'parentSec'), undefined, 'missing parentSec (use an empty topol {} for the root section)');
  }
  if (parent !== undefined && !secNames.includes(parent)) {
    diagnostics.error(joinPath(joinPath(path, 'topol'), 'parentSec'), parent, `undefined section${didYouMean(parent, secNames)}`);
  }
  checkMechs(sec, path, nseg, catalog, diagnostics);
  checkIons(sec, path, catalog, diagnostics);
  checkPointProcesses(sec, path, catalog, diagnostics);
  if (sec.weightNorm && nseg !== undefined && sec.weightNorm.length !== nseg) {
    diagnostics.error(joinPath(path, 'weightNorm'), sec.weightNorm, `expected ${nseg} value${nseg === 1 ? '' : 's'} (one per segment)`);
  }
}

function checkMechs(sec: SectionParams, path: string, nseg: number | undefined, catalog: Catalog, diagnostics: Diagnostics): void {
  const densityMechs = catalog.ofKind('density');
  for (const [mechName, params] of Object.entries(sec.mechs ?? {})) {
    const mechPath = joinPath(joinPath(path, 'mechs'), mechName);
    const info = catalog.get(mechName);
    if (!info?.kinds.includes('density')) {
      diagnostics.error(
        mechPath,
        undefined,
        `unknown membrane mechanism '${mechName}'${didYouMean(mechName, densityMechs)} (known: ${densityMechs.join(', ')}; load the model's own mod files with --mod)`,
      );
      continue;
    }
    for (const [param, value] of Object.entries(params ?? {})) {
      if (!(param in info.params)) {
        diagnostics.error(
          joinPath(mechPath, param),
          value,
          `${mechName} has no parameter '${param}'${didYouMean(param, Object.keys(info.params))} (parameters: ${Object.keys(info.params).join(', ')})`,
        );
      } else if (Array.isArray(value) && value.length !== 1 && nseg !== undefined && value.length !== nseg) {
        diagnostics.error(joinPath(mechPath, param), value, `a per-segment list needs ${nseg} value${nseg === 1 ? '' : 's'} (nseg)`);
      } else {
        checkRange(value, mechanismRange(mechName, param), joinPath(mechPath, param), diagnostics);
      }
    }
  }
}

function checkIons(sec: SectionParams, path: string, catalog: Catalog, diagnostics: Diagnostics): void {
  for (const [ion, params] of Object.entries(sec.ions ?? {})) {
    const ionPath = joinPath(joinPath(path, 'ions'), ion);
    if (!(ion in IONS) && !catalog.names().some((m) => catalog.get(m)!.ions?.includes(ion))) {
      diagnostics.error(
        ionPath,
        undefined,
        `unknown ion '${ion}': the mechanisms use ${[...new Set([...Object.keys(IONS), ...catalog.names().flatMap((m) => catalog.get(m)!.ions ?? [])])].join(', ')}`,
      );
      continue;
    }
    for (const [key, value] of Object.entries(params ?? {})) {
      if (key === 'e') {
        if (typeof value !== 'number') diagnostics.error(joinPath(ionPath, key), value, 'expected a reversal potential [mV]');
      } else if (key === 'i' || key === 'o') {
        if (typeof value !== 'number')
          diagnostics.error(joinPath(ionPath, key), value, `expected the ${key === 'i' ? 'inside' : 'outside'} concentration [mM]`);
      } else {
        diagnostics.error(joinPath(ionPath, key), value, `unknown ion parameter '${key}' (expected e, i or o)`);
      }
    }
  }
}

function checkPointProcesses(sec: SectionParams, path: string, catalog: Catalog, diagnostics: Diagnostics): void {
  const pointMechs = catalog.ofKind('pointProcess');
  for (const [label, pointp] of Object.entries(sec.pointps ?? {})) {
    const pPath = joinPath(joinPath(path, 'pointps'), label);
    const info = catalog.get(pointp.mod);
    if (!info?.kinds.includes('pointProcess')) {
      diagnostics.error(
        joinPath(pPath, 'mod'),
        pointp.mod,
        `unknown point process${didYouMean(String(pointp.mod), pointMechs)} (known: ${pointMechs.join(', ')}; load the model's own mod files with --mod)`,
      );
      continue;
    }
    for (const [param, value] of Object.entries(pointp)) {
      if (POINTP_RESERVED_KEYS.includes(param) || param.startsWith('_')) continue;
      if (!(param in info.params))
        diagnostics.error(joinPath(pPath, param), value, `${pointp.mod} has no parameter '${param}'${didYouMean(param, Object.keys(info.params))}`);
      else checkRange(value, mechanismRange(pointp.mod, param), joinPath(pPath, param), diagnostics);
    }
    const variables = info.variables ?? [];
    if (pointp.vref !== undefined && !variables.includes(pointp.vref as string)) {
      diagnostics.error(
        joinPath(pPath, 'vref'),
        pointp.vref,
        variables.length > 0
          ? `${pointp.mod} has no STATE or ASSIGNED variable '${pointp.vref}'${didYouMean(String(pointp.vref), [...variables])}`
          : `${pointp.mod} has no own voltage variable (it acts on the section voltage)`,
      );
    }
  }
}

function checkTopologyIsTree(secs: Record<string, SectionParams>, path: string, diagnostics: Diagnostics): void {
  for (const start of Object.keys(secs)) {
    const seen = new Set<string>();
    let sec: string | undefined = start;
    while (sec !== undefined && secs[sec]) {
      if (seen.has(sec)) {
        diagnostics.error(joinPath(joinPath(path, start), 'topol'), secs[start].topol, `sections form a loop (${[...seen, sec].join(' -> ')})`);
        break;
      }
      seen.add(sec);
      sec = secs[sec].topol?.parentSec;
    }
  }
}
