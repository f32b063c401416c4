import type { SimConfigData } from '../spec/index.ts';
import { arcLengths, type SectionGeometry } from './morphology.ts';
import type { CellTable, CellTemplate } from './types.ts';

/**
 * The points NEURON stores for each section of cell c [um], float32 (struct Pt3d), or null:
 * geom.pt3d as CompartCell._setGeometryParams adds them (pt3dadd(x + pt3d[0], ...), placed at the
 * cell by cfg.pt3dRelativeToCellLocation, y inverted by cfg.invertedYCoord); define_shape's
 * points as CompartCell.updateShape passes them to pt3dchange (always at (x, -y, z)).
 */
export function storedPoints(template: CellTemplate, cells: CellTable, c: number, cfg: SimConfigData): Array<number[][] | null> {
  return template.sections.map((_, s) => sectionPoints(template, cells, c, s, cfg));
}

/** storedPoints of one section. */
export function sectionPoints(template: CellTemplate, cells: CellTable, c: number, s: number, cfg: SimConfigData): number[][] | null {
  const sec = template.sections[s];
  if (!sec.pt3d) return null;
  const x = cells.x[c],
    y = cells.y[c],
    z = cells.z[c];
  const [dx, dy, dz] = sec.generatedShape ? [x, -y, z] : cfg.pt3dRelativeToCellLocation ? [x, cfg.invertedYCoord ? -y : y, z] : [0, 0, 0];
  return sec.pt3d.map((p) => [Math.fround(p[0] + dx), Math.fround(p[1] + dy), Math.fround(p[2] + dz), Math.fround(p[3])]);
}

/** Realised length [um] of section s of cell c: the last arc of its stored points, else a per-cell L function's value, else the rule's L. */
export function sectionLength(template: CellTemplate, cells: CellTable, c: number, s: number, cfg: SimConfigData): number {
  const sec = template.sections[s];
  if (sec.pt3d) return lastArc(sectionPoints(template, cells, c, s, cfg)!);
  const column = template.varying.find((v) => v.kind === 'geom' && v.param === 'L' && v.section === s);
  return column ? column.values[cells.row[c]] : sec.L;
}

/**
 * A cell's sections as path distances and 3-D positions see them: stored points and their arc
 * length for sections with points, `length` (default: the realised one) for the others, and
 * the template's topology.
 */
export function cellGeometry(
  template: CellTemplate,
  cells: CellTable,
  c: number,
  cfg: SimConfigData,
  length: (s: number) => number = (s) => sectionLength(template, cells, c, s, cfg),
): SectionGeometry[] {
  const points = storedPoints(template, cells, c, cfg);
  return template.sections.map((s, i) => ({
    L: points[i] ? lastArc(points[i]!) : length(i),
    parent: s.topol.parent,
    parentX: s.topol.parentX,
    childX: s.topol.childX,
    pt3d: points[i],
  }));
}

function lastArc(points: number[][]): number {
  const arc = arcLengths(points);
  return arc[arc.length - 1];
}
