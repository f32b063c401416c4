// The shape slot of shaders/kernels/cell.wgsl: the network's most common cell shape (its node
// count and each node's parent, relative to the cell's first node) solved by straight-line
// WGSL: the loops of solve_nodes unrolled, (rhs, d) of each node in registers instead of the
// work buffer, the same operations in the same order. On SIMD adapters every memory access
// with a per-invocation index costs a loop over the lanes, so the unrolled code is several
// times cheaper for small cells; cells with more nodes than MAX_SHAPE_NODES stay on the loops.

/** The largest cell (in nodes) solved by straight-line code. */
export const MAX_SHAPE_NODES = 16;

export interface CellShapes {
  /** Parents relative to the cell's first node (-1: root), or [] when no cell qualifies. */
  shape: number[];
  /** Per cell: 1 if it has `shape`. */
  shaped: Uint32Array;
}

/** The most common shape among cells of at most MAX_SHAPE_NODES nodes (the first found on ties). */
export function cellShapes(nodeStart: Int32Array | Uint32Array, parent: Int32Array, cellCount: number): CellShapes {
  const keys: string[] = [];
  const counts = new Map<string, number>();
  for (let c = 0; c < cellCount; c++) {
    const n0 = nodeStart[c];
    const n1 = nodeStart[c + 1];
    const key = n1 - n0 > 0 && n1 - n0 <= MAX_SHAPE_NODES ? Array.from(parent.subarray(n0, n1), (p) => (p < 0 ? -1 : p - n0)).join(',') : '';
    keys.push(key);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = '';
  for (const [key, count] of counts) if (!best || count > counts.get(best)!) best = key;
  const shaped = Uint32Array.from(keys, (k) => (best && k === best ? 1 : 0));
  return { shape: best ? best.split(',').map(Number) : [], shaped };
}

/** `fn solve_shape(n0: u32)` for a cell of `shape` whose nodes start at n0. */
export function shapeWgsl(shape: number[]): string {
  const K = shape.length;
  const at = (k: number) => `n0 + ${k}u`;
  const lines: string[] = [];
  for (let k = 0; k <= K; k++) lines.push(`let s${k} = topo[cells.contribStart + ${at(k)}];`);
  for (let k = 0; k < K; k++) lines.push(`let g${k} = gather(${at(k)}, s${k}, s${k + 1});`, `var r${k} = g${k}.x;`, `var d${k} = g${k}.y;`);
  const linked = new Set<number>();
  shape.forEach((p, k) => {
    if (p >= 0) linked.add(k).add(p);
  });
  for (const k of [...linked].sort((a, b) => a - b)) lines.push(`let v${k} = V[${at(k)}];`);
  shape.forEach((p, k) => {
    if (p >= 0) lines.push(`let a${k} = nodeData[${at(k)}].x;`, `let b${k} = nodeData[${at(k)}].y;`);
  });
  // axial terms (solve_nodes' second loop)
  shape.forEach((p, k) => {
    if (p >= 0) lines.push(`{ let dv = v${p} - v${k}; r${k} = r${k} - b${k} * dv; r${p} = r${p} + a${k} * dv; d${k} = d${k} - b${k}; d${p} = d${p} - a${k}; }`);
  });
  // elimination from the leaves (third loop)
  for (let k = K - 1; k >= 0; k--) {
    const p = shape[k];
    if (p >= 0) lines.push(`{ let f = a${k} / d${k}; d${p} = d${p} - f * b${k}; r${p} = r${p} - f * r${k}; }`);
  }
  // back substitution and v += rhs (fourth loop)
  shape.forEach((p, k) => {
    lines.push(p >= 0 ? `r${k} = (r${k} - b${k} * r${p}) / d${k};` : `r${k} = r${k} / d${k};`, `add_compensated(${at(k)}, r${k});`);
  });
  return `fn solve_shape(n0: u32) {\n${lines.map((l) => `  ${l}`).join('\n')}\n}`;
}
