import type { CellTable, CellTemplate } from '../network/index.ts';
import { cellGeometry } from '../network/cell-geometry.ts';
import type { SimConfigData } from '../spec/index.ts';

// Segments of a section given by 3-D points, as NEURON computes them (src/nrnoc/treeset.c, .cpp in later versions).
// pt3dadd stores each point in float32 (struct Pt3d {float x, y, z, d; double arc;}), and
// nrn_pt3dmodified sums arc lengths from float32 coordinate differences; L is the last arc.
// diam_from_list walks the arc in half segments of L/(2*nseg), the diameter linear between
// points: each piece (length dx, end diameters d1, d2) adds pi/2*(d1 + d2)*sqrt(dx^2 + ((d2 - d1)/2)^2)
// to the segment's area [um2] (a frustum's side) and 4e-2*Ra*dx/(pi*d1*d2) to the half
// segment's resistance [MOhm].

export interface SegmentCable {
  /** per segment: membrane area [um2], resistance of its x -> 0 and x -> 1 halves [MOhm] */
  area: Float64Array;
  left: Float64Array;
  right: Float64Array;
}

/**
 * The points NetPyNE gives pt3dadd for each section of cell c (compartCell.py createNEURONObj:
 * x + pt3d[0], ..., placed at the cell as cellGeometry does), as NEURON stores them: float32.
 */
export function storedPoints(template: CellTemplate, cells: CellTable, c: number, cfg: SimConfigData): Array<number[][] | null> {
  return cellGeometry(template, cells, c, cfg).map((g) => g.pt3d?.map((p) => p.map(Math.fround)) ?? null);
}

/** Cumulative arc length [um] of stored points (nrn_pt3dmodified). */
export function arcLengths(points: number[][]): Float64Array {
  const arc = new Float64Array(points.length);
  for (let i = 1; i < points.length; i++) {
    const t1 = Math.fround(points[i][0] - points[i - 1][0]);
    const t2 = Math.fround(points[i][1] - points[i - 1][1]);
    const t3 = Math.fround(points[i][2] - points[i - 1][2]);
    arc[i] = arc[i - 1] + Math.sqrt(t1 * t1 + t2 * t2 + t3 * t3);
  }
  return arc;
}

/** Areas and half-segment resistances of nseg segments over stored points (diam_from_list). */
export function pt3dSegments(points: number[][], nseg: number, Ra: number): SegmentCable {
  const arc = arcLengths(points);
  const diam = points.map((p) => Math.abs(p[3])); // a negative diameter marks a spine (of area 0 by default)
  const last = points.length - 1;
  const ds = arc[last] / nseg;
  const out: SegmentCable = { area: new Float64Array(nseg), left: new Float64Array(nseg), right: new Float64Array(nseg) };
  let j = 0;
  let x1 = arc[0];
  let y1 = diam[0];
  for (let inode = 0; inode < nseg; inode++) {
    let si = inode * ds;
    let area = 0;
    for (let half = 0; half < 2; half++) {
      let ri = 0;
      const sip = si + ds / 2;
      for (;;) {
        const jp = j + 1;
        const xj = arc[j];
        const xjp = arc[jp];
        let x2: number, y2: number, jnext: number;
        if (xjp > sip || jp === last) {
          // the half segment ends between points j and jp (or past the last point)
          const frac = Math.abs(xjp - xj) < 1e-10 ? 1 : (sip - xj) / (xjp - xj);
          x2 = sip;
          y2 = (1 - frac) * diam[j] + frac * diam[jp];
          jnext = j;
        } else {
          x2 = xjp;
          y2 = diam[jp];
          jnext = jp;
        }
        let delta = x2 - x1;
        if (delta < 1e-15) delta = 1e-15;
        let temp = y2 * y1 / delta;
        if (temp === 0) temp = 1e-15;
        ri += 1 / temp;
        temp = 0.5 * (y2 - y1);
        area += (y2 + y1) * Math.sqrt(delta * delta + temp * temp);
        x1 = x2;
        y1 = y2;
        if (j === jnext) break;
        j = jnext;
      }
      (half === 0 ? out.left : out.right)[inode] = ri * Ra / Math.PI * (4 * 0.01);
      si = sip;
    }
    out.area[inode] = area * 0.5 * Math.PI;
  }
  return out;
}
