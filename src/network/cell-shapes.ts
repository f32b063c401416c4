import { joinPath, type SimConfigData } from '../spec/index.ts';
import { storedPoints } from './cell-geometry.ts';
import type { CellsResult } from './cells.ts';
import { defineShape } from './define-shape.ts';
import { NetworkBuildError } from './errors.ts';
import type { CellTemplate } from './types.ts';

// netParams.defineCellShapes (network/shape.py defineCellShapes, called by Network.createCells
// once every cell exists): h.define_shape() lays out each section without 3-D points, then
// CompartCell.updateShape (compartCell.py:1867-1884) rewrites each point i of every section
// whose geom has no 'pt3d' as pt3d = [y3d(i), x3d(i), 0, diam3d(i)] (x and y swapped, z
// dropped), keeps that list in the cell's geom and calls pt3dchange(i, x + pt3d[0],
// -y + pt3d[1], z + pt3d[2], pt3d[3]) at the cell's position. From then on NEURON takes L, areas
// and resistances from the points (float32 arcs, diam_from_list), so everything built after the
// cells (connections, subConnParams, stimuli, the simulation) sees the 3-D geometry.

/** Gives each template's sections define_shape's points, as NetPyNE does after creating the cells. */
export function defineCellShapes(built: CellsResult, cfg: SimConfigData): void {
  built.templates.forEach((template, t) => {
    const path = joinPath('netParams.cellParams', template.ruleLabels.join('+'));
    const secPath = (s: number) => joinPath(joinPath(path, 'secs'), template.sections[s].name);
    const own = template.sections.map((sec) => sec.spec.geom !== undefined && 'pt3d' in (sec.spec.geom as object));
    template.sections.forEach((sec, s) => {
      if (sec.spec.geom === undefined)
        throw new NetworkBuildError(
          secPath(s),
          undefined,
          "has no geom: NetPyNE's updateShape leaves such a section at define_shape's own layout (100 um apart per section order), which is not supported",
        );
      if (sec.topol.childX !== 0)
        throw new NetworkBuildError(
          joinPath(joinPath(secPath(s), 'topol'), 'childX'),
          sec.topol.childX,
          'define_shape is only supported for sections attached by their x = 0 end',
        );
      if (own[s] && !sec.pt3d)
        throw new NetworkBuildError(
          joinPath(joinPath(secPath(s), 'geom'), 'pt3d'),
          [],
          "an empty pt3d keeps define_shape's points untransformed (updateShape skips the section): not supported",
        );
    });
    if (own.every(Boolean)) {
      checkNotMoved(built, template, cfg, secPath);
      return;
    }
    const mixed = own.findIndex(Boolean);
    if (mixed >= 0)
      throw new NetworkBuildError(
        joinPath(joinPath(secPath(mixed), 'geom'), 'pt3d'),
        undefined,
        'define_shape on a cell whose other sections have no pt3d (the layout then depends on the cell position) is not supported',
      );
    for (const v of template.varying) {
      if (v.kind === 'geom' && (v.param === 'L' || v.param === 'diam'))
        throw new NetworkBuildError(
          joinPath(joinPath(secPath(v.section), 'geom'), v.param),
          undefined,
          'a per-cell L or diam (string function) with defineCellShapes is not supported',
        );
    }
    const points = defineShape(
      template.sections.map((sec) => ({
        L: sec.L,
        diams: new Float64Array(sec.nseg).fill(sec.diam),
        parent: sec.topol.parent,
        parentX: sec.topol.parentX,
      })),
      built.builds[t].connections,
    );
    template.sections.forEach((sec, s) => {
      sec.pt3d = points[s].map(([x, y, diam]) => [y, x, 0, diam]);
      sec.generatedShape = true;
    });
  });
}

/**
 * define_shape moves a child section with its own points onto its parent's connection point
 * (nrn_translate_shape) without recomputing its arc lengths; refused unless the points are
 * already there (a child starting at its parent's end), which leaves them as they are.
 */
function checkNotMoved(built: CellsResult, template: CellTemplate, cfg: SimConfigData, secPath: (s: number) => string): void {
  for (const c of template.cells) {
    const points = storedPoints(template, built.cells, c, cfg);
    template.sections.forEach((sec, s) => {
      const { parent, parentX } = sec.topol;
      if (parent < 0) return;
      const p = points[parent]!;
      const first = p[0];
      const last = p[p.length - 1];
      const start = points[s]![0];
      const moved = [0, 1, 2].some((k) => Math.fround(last[k] * parentX + first[k] * (1 - parentX)) !== start[k]);
      if (moved)
        throw new NetworkBuildError(
          joinPath(secPath(s), 'topol'),
          sec.spec.topol,
          `define_shape moves the section's points onto its parent's point at parentX ${parentX} (cell gid ${built.cells.gid[c]}); not supported: start its pt3d there`,
        );
    });
  }
}
