import { arcLengths } from './morphology.ts';

// Segments of a section given by 3-D points, as NEURON computes them (src/nrnoc/treeset.c, .cpp in later versions).
// pt3dadd stores each point in float32 (struct Pt3d {float x, y, z, d; double arc;}), and
// nrn_pt3dmodified sums arc lengths from float32 coordinate differences; L is the last arc.
// diam_from_list walks the arc in half segments of L/(2*nseg), the diameter linear between
// points: each piece (length dx, end diameters d1, d2) adds pi/2*(d1 + d2)*sqrt(dx^2 + ((d2 - d1)/2)^2)
// to the segment's area [um2] (a frustum's side) and 4e-2*Ra*dx/(pi*d1*d2) to the half
// segment's resistance [MOhm]; the segment's diam becomes the mean of the diameter over it.

export interface SegmentCable {
  /** per segment: membrane area [um2], resistance of its x -> 0 and x -> 1 halves [MOhm], mean diameter [um] */
  area: Float64Array;
  left: Float64Array;
  right: Float64Array;
  meanDiam: Float64Array;
}

/** Areas, half-segment resistances and mean diameters of nseg segments over stored points (diam_from_list). */
export function pt3dSegments(points: number[][], nseg: number, Ra: number): SegmentCable {
  const arc = arcLengths(points);
  const d = points.map((p) => Math.abs(p[3])); // a negative diameter marks a spine (of area 0 by default)
  const last = points.length - 1;
  const ds = arc[last] / nseg;
  const out: SegmentCable = { area: new Float64Array(nseg), left: new Float64Array(nseg), right: new Float64Array(nseg), meanDiam: new Float64Array(nseg) };
  let j = 0;
  let x1 = arc[0];
  let y1 = d[0];
  for (let inode = 0; inode < nseg; inode++) {
    let si = inode * ds;
    let area = 0;
    let diam = 0;
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
          y2 = (1 - frac) * d[j] + frac * d[jp];
          jnext = j;
        } else {
          x2 = xjp;
          y2 = d[jp];
          jnext = jp;
        }
        let delta = x2 - x1;
        diam += (y2 + y1) * delta;
        if (delta < 1e-15) delta = 1e-15;
        let temp = (y2 * y1) / delta;
        if (temp === 0) temp = 1e-15;
        ri += 1 / temp;
        temp = 0.5 * (y2 - y1);
        area += (y2 + y1) * Math.sqrt(delta * delta + temp * temp);
        x1 = x2;
        y1 = y2;
        if (j === jnext) break;
        j = jnext;
      }
      (half === 0 ? out.left : out.right)[inode] = ((ri * Ra) / Math.PI) * (4 * 0.01);
      si = sip;
    }
    out.area[inode] = area * 0.5 * Math.PI;
    out.meanDiam[inode] = diam * (0.5 / ds);
  }
  return out;
}
