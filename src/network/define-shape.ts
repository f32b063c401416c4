import { atan2f, cosf, sinf } from '../math/libm-float.ts';

// NEURON's h.define_shape() for the sections of one cell that have no 3-D points
// (src/nrnoc/treeset.cpp nrn_define_shape). Coordinates, angles and the diameters of the points
// are C floats, so every stored value goes through Math.fround where NEURON stores a float, and
// atan2, cos and sin of floats are glibc's float atan2f, cosf and sinf (C++ overloads):
//   - a root starts at (0, 0) along +x (its z, i*100 by section order, is left out: NetPyNE
//     replaces it by 0);
//   - a child starts at its parent's connection point, interpolated linearly between the
//     parent's first and last points at parentX, in the direction atan2 of the parent's
//     last-minus-first point (reversed when parentX < 0.5), turned by pi/2 when parentX is
//     strictly inside (0, 1); the nch children at the same parentX spread by
//     ich/(nch-1)*0.8 - 0.4 rad, ich = the child's rank among them in the parent's child list;
//   - points: the start, one at each segment centre (that segment's diameter), the end at
//     L [um] along the direction (first and last points take the first and last segments'
//     diameters).

export interface ShapeSection {
  /** [um] */
  L: number;
  /** diameter of each segment (length nseg) [um] */
  diams: ArrayLike<number>;
  /** parent section index, -1 for a root */
  parent: number;
  /** where it attaches on its parent [0-1]; the section's own x = 0 end attaches */
  parentX: number;
}

const f32 = Math.fround;

/** One sec.connect(parent(parentX), 0) call. */
export interface Connection {
  section: number;
  parent: number;
  parentX: number;
}

/**
 * [x, y, diam] points [um] define_shape stores for each section, as float32 values.
 * `connections` are the connect calls in the order they were made (the last one of each section
 * gives its parent and parentX in `secs`): they decide each parent's child list, hence which
 * branch turns which way.
 */
export function defineShape(secs: ShapeSection[], connections: Connection[]): number[][][] {
  const children = childLists(secs.length, connections);
  const points: number[][][] = new Array(secs.length);
  const place = (s: number) => {
    points[s] = sectionPoints(secs, s, points, children);
    for (const ch of children[s]) place(ch);
  };
  secs.forEach((sec, s) => {
    if (sec.parent < 0) place(s);
  });
  return points;
}

function sectionPoints(secs: ShapeSection[], s: number, points: number[][][], children: number[][]): number[][] {
  const sec = secs[s];
  let x = 0,
    y = 0,
    dirX = 1,
    dirY = 0; // float
  let arc = 0; // a root's connection position is 0 (not inside (0, 1))
  if (sec.parent >= 0) {
    arc = sec.parentX;
    const p = points[sec.parent];
    const first = p[0];
    const last = p[p.length - 1];
    dirX = f32(last[0] - first[0]);
    dirY = f32(last[1] - first[1]);
    if (arc < 0.5) {
      dirX = -dirX;
      dirY = -dirY;
    }
    x = f32(last[0] * arc + first[0] * (1 - arc));
    y = f32(last[1] * arc + first[1] * (1 - arc));
  }
  // NEURON prints "first and last 3-d point at same (x,y)" and takes angle 0
  let angle = Math.abs(dirY) < 1e-6 && Math.abs(dirX) < 1e-6 ? 0 : atan2f(dirY, dirX);
  if (arc > 0 && arc < 1) angle = f32(angle + Math.PI / 2);
  if (sec.parent >= 0) {
    let nch = 0;
    let ich = 0;
    for (const ch of children[sec.parent]) {
      if (ch === s) ich = nch;
      if (secs[ch].parentX === arc) nch++;
    }
    if (nch > 1) angle = f32(angle + ((ich / (nch - 1)) * 0.8 - 0.4));
  }
  const nseg = sec.diams.length;
  const x1 = f32(x + sec.L * cosf(angle));
  const y1 = f32(y + sec.L * sinf(angle));
  const out = [[x, y, f32(sec.diams[0])]];
  for (let j = 0; j < nseg; j++) {
    const frac = (j + 0.5) / nseg;
    out.push([f32(x * (1 - frac) + x1 * frac), f32(y * (1 - frac) + y1 * frac), f32(sec.diams[j])]);
  }
  out.push([x1, y1, f32(sec.diams[nseg - 1])]);
  return out;
}

/**
 * Each section's child list as NEURON keeps it (cabcode.cpp nrn_add_sibling_list): ordered by
 * connection position, a newly connected child going before those already at its position;
 * connecting a section again first takes it off its old parent's list.
 */
function childLists(count: number, connections: Connection[]): number[][] {
  const lists: number[][] = Array.from({ length: count }, () => []);
  const parentOf = new Int32Array(count).fill(-1);
  const position = new Float64Array(count);
  for (const { section, parent, parentX } of connections) {
    if (parentOf[section] >= 0) lists[parentOf[section]].splice(lists[parentOf[section]].indexOf(section), 1);
    const list = lists[parent];
    const at = list.findIndex((ch) => parentX <= position[ch]);
    list.splice(at < 0 ? list.length : at, 0, section);
    parentOf[section] = parent;
    position[section] = parentX;
  }
  return lists;
}
