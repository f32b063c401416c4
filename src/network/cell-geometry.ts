import type { SimConfigData } from '../spec/index.ts';
import type { SectionGeometry } from './morphology.ts';
import type { CellTable, CellTemplate } from './types.ts';

/** Realised length [um] of section s for the template row `row` (per-cell L functions included; pt3d wins). */
export function sectionLength(template: CellTemplate, row: number, s: number): number {
  const sec = template.sections[s];
  if (sec.pt3d) return sec.L;
  const column = template.varying.find((v) => v.kind === 'geom' && v.param === 'L' && v.section === s);
  return column ? column.values[row] : sec.L;
}

/**
 * A cell's sections as path distances and 3-D positions see them: lengths from `length`
 * (default: the realised ones), the template's topology, pt3d points placed at the cell
 * (cfg.pt3dRelativeToCellLocation, y inverted with cfg.invertedYCoord).
 */
export function cellGeometry(
  template: CellTemplate, cells: CellTable, c: number, cfg: SimConfigData,
  length: (s: number) => number = (s) => sectionLength(template, cells.row[c], s),
): SectionGeometry[] {
  const relative = cfg.pt3dRelativeToCellLocation;
  const dx = relative ? cells.x[c] : 0;
  const dy = relative ? (cfg.invertedYCoord ? -cells.y[c] : cells.y[c]) : 0;
  const dz = relative ? cells.z[c] : 0;
  return template.sections.map((s, i) => ({
    L: length(i),
    parent: s.topol.parent,
    parentX: s.topol.parentX,
    childX: s.topol.childX,
    pt3d: s.pt3d ? s.pt3d.map((p) => [p[0] + dx, p[1] + dy, p[2] + dz, p[3]]) : null,
  }));
}
