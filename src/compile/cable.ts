import { pt3dSegments, type SegmentCable } from '../network/pt3d-segments.ts';
import type { TemplateLayout } from './layout.ts';

// Areas and Hines coefficients of one cell (NEURON treeset.c nrn_area_ri and connection_coef):
// a segment node of a cylinder has area pi*diam*dx [um2] and the resistance to its neighbour
// towards x = 0 is the sum of two half segments, 1e-2*Ra*(dx/2)/(pi*diam^2/4) [MOhm] each
// (only one half for the first segment of a section); sections given by 3-D points integrate
// both over the points instead (network/pt3d-segments.ts). Zero-area nodes get area 100 so that the coefficients
//   a = -1e2*rinv/area(parent)   (effect of the node on its parent's row)
//   b = -1e2*rinv/area(node)     (effect of the parent on the node's row)
// come out in the units of the other rows.

export interface SectionCable {
  L: number;
  diam: number;
  Ra: number;
  cm: number; // [um] [um] [ohm cm] [uF/cm2]
  nseg: number;
  /** [x, y, z, diam] points [um] as NEURON stores them (float32); they replace L and diam */
  pt3d: number[][] | null;
}

export interface CableArrays {
  area: Float64Array;
  cm: Float64Array;
  a: Float64Array;
  b: Float64Array;
}

/** Fills rows offset .. offset + layout.nodeCount of `out` for one cell. */
export function fillCable(layout: TemplateLayout, secs: SectionCable[], out: CableArrays, offset: number): void {
  const rinv = new Float64Array(layout.nodeCount);
  secs.forEach((sec, s) => {
    const segs = sec.pt3d ? pt3dSegments(sec.pt3d, sec.nseg, sec.Ra) : cylinder(sec);
    let rright = 0;
    const first = layout.firstSegment[s];
    for (let j = 0; j < sec.nseg; j++) {
      const nd = first + j;
      out.area[offset + nd] = segs.area[j];
      out.cm[offset + nd] = sec.cm;
      rinv[nd] = 1 / (segs.left[j] + rright);
      rright = segs.right[j];
    }
    const end = first + sec.nseg;
    out.area[offset + end] = 1e2;
    out.cm[offset + end] = 0;
    rinv[end] = 1 / rright;
  });
  for (let nd = 0; nd < layout.nodeCount; nd++) {
    const p = layout.parent[nd];
    if (p < 0) {
      out.area[offset + nd] = 1e2;
      out.cm[offset + nd] = 0;
      continue;
    }
    out.a[offset + nd] = (-1e2 * rinv[nd]) / out.area[offset + p];
    out.b[offset + nd] = (-1e2 * rinv[nd]) / out.area[offset + nd];
  }
}

/** Equal right circular cylinders of length L/nseg. */
function cylinder(sec: SectionCable): SegmentCable {
  const dx = sec.L / sec.nseg;
  const area = Math.PI * sec.diam * dx;
  const half = (1e-2 * sec.Ra * (dx / 2)) / ((Math.PI * sec.diam * sec.diam) / 4);
  const n = sec.nseg;
  return {
    area: new Float64Array(n).fill(area),
    left: new Float64Array(n).fill(half),
    right: new Float64Array(n).fill(half),
    meanDiam: new Float64Array(n).fill(sec.diam),
  };
}
