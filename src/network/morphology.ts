// Section-tree geometry as NEURON sees it: path distance between two points (h.distance) and
// the 3-D position of a point interpolated along a section's pt3d arc (netpyne posFromLoc).

export interface SectionGeometry {
  /** [um] */
  L: number;
  parent: number;
  /** where this section attaches on its parent [0-1] */
  parentX: number;
  /** which end of this section attaches [0-1] */
  childX: number;
  /** [x, y, z, diam] points [um] in absolute coordinates as NEURON stores them (float32), or null */
  pt3d: number[][] | null;
}

/** Path distance [um] between (a, xa) and (b, xb) along the tree, like NEURON's h.distance. */
export function pathDistance(secs: SectionGeometry[], a: number, xa: number, b: number, xb: number): number {
  if (a === b) return Math.abs(xa - xb) * secs[a].L;
  // Walk both points up to the root, recording at which x each path enters every ancestor.
  const entryA = ancestry(secs, a, xa);
  const entryB = ancestry(secs, b, xb);
  let distA = 0;
  for (const [sec, x, below] of entryA) {
    const hit = entryB.find(([s]) => s === sec);
    if (hit) {
      let distB = 0;
      for (const [s, xb2, belowB] of entryB) {
        if (s === sec) return distA + distB + Math.abs(x - xb2) * secs[sec].L;
        distB += belowB;
      }
    }
    distA += below;
  }
  return NaN; // different trees: NEURON reports an error
}

/**
 * [section, x where the path is on that section, distance travelled on it until its parent]
 * from the point up to the root.
 */
function ancestry(secs: SectionGeometry[], sec: number, x: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let s = sec;
  let xs = x;
  const seen = new Set<number>();
  while (s >= 0 && !seen.has(s)) {
    seen.add(s);
    const g = secs[s];
    out.push([s, xs, Math.abs(xs - g.childX) * g.L]);
    xs = g.parentX;
    s = g.parent;
  }
  return out;
}

/**
 * Absolute 3-D position of (sec, x) by linear interpolation along the stored points' arc
 * (netpyne posFromLoc: the first point whose arc3d >= x*L, on NEURON's float32 points).
 */
export function positionAt(sec: SectionGeometry, x: number): [number, number, number] | null {
  const pts = sec.pt3d;
  if (!pts || pts.length === 0) return null;
  const arc = arcLengths(pts);
  const s = x * sec.L;
  let b = arc.findIndex((a) => a >= s);
  if (b < 0) b = arc.length - 1;
  if (arc[b] === s || b === 0) return [pts[b][0], pts[b][1], pts[b][2]];
  const a = b - 1;
  const t = (s - arc[a]) / (arc[b] - arc[a]);
  return [pts[a][0] + t * (pts[b][0] - pts[a][0]), pts[a][1] + t * (pts[b][1] - pts[a][1]), pts[a][2] + t * (pts[b][2] - pts[a][2])];
}

/**
 * Cumulative arc length [um] of stored (float32) points, as nrn_pt3dmodified sums it: each
 * coordinate difference is a float, the sum a double. The last arc is NEURON's L.
 */
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
