import { joinPath, type NetParamsData, type SimConfigData, type SubConnDensity, type SubConnParams } from '../spec/index.ts';
import { cellGeometry } from './cell-geometry.ts';
import type { CellsResult } from './cells.ts';
import { stableOrderBy } from './columns.ts';
import type { ConnBuilder } from './conn-builder.ts';
import { NetworkBuildError } from './errors.ts';
import { pathDistance, positionAt, type SectionGeometry } from './morphology.ts';
import { distributeUniformly, type Placement, resolveSections } from './placement.ts';
import { pyFloatStr, pyRoundHalfEven } from './py.ts';
import { originSection } from './realise-cell.ts';
import { selectCells } from './select.ts';
import type { CellTemplate } from './types.ts';

// network/subconn.py subcellularConn: after all connParams rules, move the synapses of the
// selected connections to the sections and locations a density profile gives.

export function subcellularConn(built: CellsResult, net: NetParamsData, cfg: SimConfigData, builder: ConnBuilder): void {
  const copied = net.popTagsCopiedToCells ?? [];
  const synMechLabels = Object.keys(net.synMechParams);
  const count = builder.count;
  const { order, starts } = stableOrderBy(builder.post.data, count, built.cells.count);
  for (const [label, rule] of Object.entries(net.subConnParams as Record<string, SubConnParams>)) {
    const path = joinPath('netParams.subConnParams', label);
    const pre = selectCells(rule.preConds ?? {}, built.pops, built.cells, copied);
    if (pre.length === 0) continue;
    const post = selectCells(rule.postConds ?? {}, built.pops, built.cells, copied);
    if (post.length === 0) continue;
    const preSet = new Set(pre);
    const includeNetStims = [...pre].some((c) => built.pops[built.cells.pop[c]].cellModel === 'NetStim');
    for (const cell of post) {
      if (built.cells.template[cell] < 0) continue;
      const template = built.templates[built.cells.template[cell]];
      const all: number[] = [];
      for (let k = starts[cell]; k < starts[cell + 1]; k++) {
        const row = order[k];
        const p = builder.pre.data[row];
        if ((p >= 0 && preSet.has(p)) || (p < 0 && includeNetStims)) all.push(row);
      }
      const { rows, partners } = groupSynMechs(all, rule.groupSynMechs, builder, synMechLabels);
      const keyOf = (row: number) =>
        `${template.sections[builder.sec.data[row]].name}${pyFloatStr(builder.loc.data[row])}${builder.pre.data[row] >= 0 ? built.cells.gid[builder.pre.data[row]] : 'NetStim'}`;
      rows.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
      const { sections } = resolveSections(template, rule.sec);
      const geometry = () => cellGeometry(template, built.cells, cell, cfg);
      const target = newPositions(rule.density, rows.length, sections, template, geometry, path);
      for (let i = 0; i < Math.min(rows.length, target.sections.length); i++) {
        moveSynapse(rows[i], target.sections[i], target.locs[i], template, builder);
        const partner = partners.get(rows[i]);
        if (partner !== undefined) moveSynapse(partner, target.sections[i], builder.loc.data[rows[i]], template, builder);
      }
    }
  }
}

/**
 * groupSynMechs: synapses of the other grouped synMechs at the same (sec, loc) as a grouped
 * synapse move with it instead of being distributed on their own.
 */
function groupSynMechs(all: number[], group: string[] | undefined, builder: ConnBuilder, labels: string[]): { rows: number[]; partners: Map<number, number> } {
  const partners = new Map<number, number>();
  if (!group || group.length <= 1) return { rows: [...all], partners };
  const groupIds = group.map((g) => labels.indexOf(g));
  const grouped = new Set<number>();
  const rows: number[] = [];
  for (const row of all) {
    if (grouped.has(row)) continue;
    rows.push(row);
    const mech = builder.synMech.data[row];
    if (!groupIds.includes(mech)) continue;
    for (const other of groupIds.filter((g) => g !== mech)) {
      const partner = all.find(
        (r) =>
          builder.synMech.data[r] === other &&
          builder.sec.data[r] === builder.sec.data[row] &&
          builder.loc.data[r] === builder.loc.data[row] &&
          !grouped.has(r),
      );
      if (partner !== undefined) {
        grouped.add(partner);
        partners.set(row, partner);
      }
    }
  }
  return { rows, partners };
}

function newPositions(
  density: SubConnParams['density'],
  n: number,
  sections: number[],
  template: CellTemplate,
  geometry: () => SectionGeometry[],
  path: string,
): Placement {
  if (density === 'uniform') {
    const g = geometry();
    return distributeUniformly(sections, n, (s) => g[s].L);
  }
  const d = density as SubConnDensity;
  if (d.type === 'distance') return distanceTarget(d, n, sections, template, geometry(), path);
  return mapTargets(d, n, sections, template, geometry(), path);
}

/** All synapses go to the one segment whose distance from the reference is closest to target_distance. */
function distanceTarget(d: SubConnDensity, n: number, sections: number[], template: CellTemplate, g: SectionGeometry[], path: string): Placement {
  let origin = originSection(template);
  if (d.ref_sec !== undefined) {
    const ref = template.sectionIndex.get(d.ref_sec);
    if (ref === undefined) throw new NetworkBuildError(joinPath(joinPath(path, 'density'), 'ref_sec'), d.ref_sec, 'no such section on the target cells');
    origin = ref;
  }
  const refX = d.ref_seg ?? 0.5;
  const targetDistance = d.target_distance ?? 0.0;
  let best = { section: origin, loc: refX };
  let minDist = targetDistance;
  const refPos = d.coord === 'cartesian' ? position(g, origin, refX, path) : null;
  for (const s of sections) {
    const nseg = template.sections[s].nseg;
    for (let i = 0; i < nseg; i++) {
      const x = (i + 0.5) / nseg;
      let dist: number;
      if (refPos) {
        const p = position(g, s, x, path);
        dist = Math.sqrt((p[0] - refPos[0]) ** 2 + (p[1] - refPos[1]) ** 2 + (p[2] - refPos[2]) ** 2);
      } else {
        dist = pathDistance(g, origin, refX, s, x);
      }
      if (Math.abs(dist - targetDistance) <= minDist) {
        minDist = Math.abs(dist - targetDistance);
        best = { section: s, loc: x };
      }
    }
  }
  return { sections: Array(n).fill(best.section), locs: Array(n).fill(best.loc) };
}

/** 1Dmap / 2Dmap: synapse counts per segment from the interpolated density grid, rescaled to n. */
function mapTargets(d: SubConnDensity, n: number, sections: number[], template: CellTemplate, g: SectionGeometry[], path: string): Placement {
  const soma = template.sectionIndex.get('soma');
  if (soma === undefined) throw new NetworkBuildError(joinPath(path, 'density'), d.type, `${d.type} needs a section named 'soma' on the target cells`);
  const [somaX, somaY] = position(g, soma, 0.5, path);
  let gridY = d.gridY!;
  if (d.fixedSomaY !== undefined) gridY = gridY.map((y) => y + (somaY - d.fixedSomaY!));
  const gridX = d.type === '2Dmap' ? d.gridX!.map((x) => x - somaX) : null;
  const counts: number[][] = sections.map((s) => {
    const nseg = template.sections[s].nseg;
    return Array.from({ length: nseg }, (_, i) => {
      const [x, y] = position(g, s, (i + 0.5) / nseg, path);
      return (interpolateSigma(d, gridX, gridY, x, y) * g[s].L) / nseg;
    });
  });
  const total = counts.flat().reduce((a, b) => a + b, 0);
  const scale = total > 0 ? n / total : 0.0;
  const diffs: Array<[number, number, number]> = [];
  const scaled = counts.map((segs, k) =>
    segs.map((x, i) => {
      const orig = x * scale;
      const rounded = Math.trunc(pyRoundHalfEven(x * scale));
      if (orig - rounded > 0) diffs.push([orig - rounded, k, i]);
      return rounded;
    }),
  );
  const placed = scaled.flat().reduce((a, b) => a + b, 0);
  if (placed < n) {
    diffs.sort((a, b) => b[0] - a[0]);
    for (let j = 0; j < Math.min(n - placed, diffs.length); j++) scaled[diffs[j][1]][diffs[j][2]] += 1;
  }
  const out: Placement = { sections: [], locs: [] };
  scaled.forEach((segs, k) =>
    segs.forEach((count, i) => {
      for (let c = 0; c < count; c++) {
        out.sections.push(sections[k]);
        out.locs.push((i + 0.5) / segs.length);
      }
    }),
  );
  return out;
}

/** subconn.py _interpolateSegmentSigma: (bi)linear interpolation between the two nearest grid points. */
function interpolateSigma(d: SubConnDensity, gridX: number[] | null, gridY: number[], x: number, y: number): number {
  const nearest2 = (grid: number[], v: number) =>
    grid
      .map((g, i) => [Math.abs(g - v), i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, 2)
      .map(([, i]) => i);
  const [ja, jb] = nearest2(gridY, y);
  const j1 = Math.min(ja, jb),
    j2 = Math.max(ja, jb);
  const y1 = gridY[j1],
    y2 = gridY[j2];
  if (gridX) {
    const values = d.gridValues as number[][];
    const [ia, ib] = nearest2(gridX, x);
    const i1 = Math.min(ia, ib),
      i2 = Math.max(ia, ib);
    const x1 = gridX[i1],
      x2 = gridX[i2];
    if (x1 === x2 || y1 === y2) return 0;
    return (
      (values[i1][j1] * (x2 - x) * (y2 - y) +
        values[i2][j1] * (x - x1) * (y2 - y) +
        values[i1][j2] * (x2 - x) * (y - y1) +
        values[i2][j2] * (x - x1) * (y - y1)) /
      ((x2 - x1) * (y2 - y1))
    );
  }
  const values = d.gridValues as number[];
  if (y1 === y2) return 0;
  return (values[j1] * (y2 - y) + values[j2] * (y - y1)) / (y2 - y1);
}

/** Moves one synapse, rescaling its weight by the sections' weightNorm, avoiding loc 0 and 1. */
function moveSynapse(row: number, newSec: number, newLoc: number, template: CellTemplate, builder: ConnBuilder): void {
  const oldSec = template.sections[builder.sec.data[row]];
  if (oldSec.weightNorm) {
    const normAt = (norm: number[], loc: number, nseg: number) => {
      const k = pyRoundHalfEven(loc * nseg) - 1;
      return norm[k < 0 ? norm.length + k : k];
    };
    const newSection = template.sections[newSec];
    const newNorm = newSection.weightNorm ? normAt(newSection.weightNorm, newLoc, newSection.nseg) : 1.0;
    builder.weight.data[row] = (builder.weight.data[row] / normAt(oldSec.weightNorm, builder.loc.data[row], oldSec.nseg)) * newNorm;
  }
  builder.sec.data[row] = newSec;
  builder.loc.data[row] = newLoc === 0.0 ? 0.00001 : newLoc === 1.0 ? 0.99999 : newLoc;
}

function position(g: SectionGeometry[], s: number, x: number, path: string): [number, number, number] {
  const p = positionAt(g[s], x);
  if (!p) throw new NetworkBuildError(joinPath(path, 'density'), undefined, 'needs 3-D points on the target sections (pt3d, or netParams.defineCellShapes)');
  return p;
}
