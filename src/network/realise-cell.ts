import { ExprRuntimeError } from '../expr/index.ts';
import { hashStr, NeuronRandom } from '../rng/index.ts';
import { inRange, type NetParamsData, type SimConfigData } from '../spec/index.ts';
import { cellGeometry } from './cell-geometry.ts';
import { drawnOutOfRange, NetworkBuildError } from './errors.ts';
import { pathDistance, positionAt, type SectionGeometry } from './morphology.ts';
import type { PlanStep, TemplateBuild } from './template.ts';
import type { CellTable, CellTemplate } from './types.ts';

/** Per-cell inputs of string functions: position tags and the cell's random stream. */
export interface CellContext {
  cell: number;
  gid: number;
  /** Draw index of the cell's 'cellParams' stream after its cell parameters (synMechs continue from it). */
  streamIndex: number;
}

/**
 * Evaluates a template's string functions for every cell using it, in NetPyNE's order, from
 * each cell's stream Random123(hashStr('cellParams'), gid, seeds.cell). Fills the template's
 * varying columns and returns each cell's stream position.
 */
export function realiseTemplateCells(
  build: TemplateBuild,
  template: CellTemplate,
  cells: CellTable,
  net: NetParamsData,
  cfg: SimConfigData,
  streamIndex: Uint32Array,
): void {
  const cellSeed = cfg.seeds.cell ?? 1;
  const n = template.cells.length;
  for (const column of template.varying) column.values = new Float64Array(n * column.width);
  const fnSteps = build.plan.filter((s) => s.kind !== 'geomConst');
  if (fnSteps.length === 0) return;
  const env = new Float64Array(64);
  const idStream = hashStr('cellParams');
  for (let row = 0; row < n; row++) {
    const c = template.cells[row];
    const gid = cells.gid[c];
    const rand = build.usesRandom ? new NeuronRandom(idStream, gid, cellSeed) : null;
    // Before a rule sets L, a section has NEURON's default 100 um (pt3d sections take L from their points).
    const geometry = build.usesDistance ? cellGeometry(template, cells, c, cfg, () => 100) : null;
    let ruleVars = new Map<string, number>();
    let currentRule = -1;
    for (const step of build.plan) {
      if (step.kind === 'geomConst') {
        if (geometry && step.param === 'L' && !geometry[step.section].pt3d) geometry[step.section].L = step.value;
        continue;
      }
      if (step.rule !== currentRule) {
        currentRule = step.rule;
        ruleVars = constantVars(net, build.rules[step.rule]);
      }
      if (step.kind === 'var') {
        ruleVars.set(step.name, evaluate(step, env, cells, c, rand, geometry, template, ruleVars, 0, 0.5));
        continue;
      }
      if (step.kind === 'pointp' && step.fn === null) {
        if (step.column >= 0) template.varying[step.column].values[row] = gid;
        continue;
      }
      const width = step.kind === 'mech' ? template.sections[step.section].nseg : 1;
      for (let i = 0; i < width; i++) {
        const x = step.kind === 'mech' ? (i + 0.5) / width : 0.5;
        const value = evaluate(step, env, cells, c, rand, geometry, template, ruleVars, step.section, x);
        if (step.column >= 0) template.varying[step.column].values[row * width + i] = value;
        if (geometry && step.kind === 'geom' && step.param === 'L' && !geometry[step.section].pt3d) geometry[step.section].L = value;
      }
    }
    if (rand) streamIndex[c] = rand.stream.index;
  }
}

function evaluate(
  step: Exclude<PlanStep, { kind: 'geomConst' }>,
  env: Float64Array,
  cells: CellTable,
  c: number,
  rand: NeuronRandom | null,
  geometry: SectionGeometry[] | null,
  template: CellTemplate,
  ruleVars: Map<string, number>,
  section: number,
  x: number,
): number {
  const fn = step.fn!;
  const vars = fn.context.variables;
  for (let k = 0; k < fn.slots.length; k++) {
    const name = vars[fn.slots[k]];
    env[fn.slots[k]] = variable(name, cells, c, geometry, template, ruleVars, section, x, step.path);
  }
  let value: number;
  try {
    value = fn.evaluate(env, rand);
  } catch (e) {
    if (e instanceof ExprRuntimeError) throw new NetworkBuildError(step.path, fn.source, `${e.message} (cell gid ${cells.gid[c]})`);
    throw e;
  }
  if (!inRange(step.range, value)) throw drawnOutOfRange(step.path, fn.source, value, step.range, `cell gid ${cells.gid[c]}`);
  return value;
}

function variable(
  name: string,
  cells: CellTable,
  c: number,
  geometry: SectionGeometry[] | null,
  template: CellTemplate,
  ruleVars: Map<string, number>,
  section: number,
  x: number,
  path: string,
): number {
  switch (name) {
    case 'x':
      return cells.x[c];
    case 'y':
      return cells.y[c];
    case 'z':
      return cells.z[c];
    case 'xnorm':
      return cells.xnorm[c];
    case 'ynorm':
      return cells.ynorm[c];
    case 'znorm':
      return cells.znorm[c];
    case 'dist_path': {
      const origin = originSection(template);
      return pathDistance(geometry!, origin, 0.5, section, x);
    }
    case 'dist_euclidean': {
      const origin = originSection(template);
      const a = positionAt(geometry![origin], 0.5);
      const b = positionAt(geometry![section], x);
      if (!a || !b)
        throw new NetworkBuildError(
          path,
          name,
          `dist_euclidean needs pt3d points on sections '${template.sections[origin].name}' and '${template.sections[section].name}'`,
        );
      return Math.sqrt((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2 + (b[2] - a[2]) ** 2);
    }
    default: {
      const v = ruleVars.get(name);
      if (v === undefined) throw new NetworkBuildError(path, name, 'cell var used before it has a value');
      return v;
    }
  }
}

/** NetPyNE originSecName: 'soma', else the first section whose name starts with 'soma', else the first. */
export function originSection(template: CellTemplate): number {
  const soma = template.sectionIndex.get('soma');
  if (soma !== undefined) return soma;
  const named = template.sections.findIndex((s) => s.name.startsWith('soma'));
  return named >= 0 ? named : 0;
}

function constantVars(net: NetParamsData, rule: string): Map<string, number> {
  const vars = new Map<string, number>();
  for (const [k, v] of Object.entries(net.cellParams[rule]?.vars ?? {})) if (typeof v === 'number') vars.set(k, v);
  return vars;
}
