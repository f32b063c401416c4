import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/index.ts';
import { templateLayout } from '../../src/compile/layout.ts';
import { create, NetworkBuildError } from '../../src/index.ts';
import { storedPoints } from '../../src/network/cell-geometry.ts';
import { defineShape } from '../../src/network/define-shape.ts';
import { arcLengths, positionAt } from '../../src/network/morphology.ts';
import { pt3dSegments } from '../../src/network/pt3d-segments.ts';

// netParams.defineCellShapes against NEURON 8.2.2 (test/data/neuron-define-shape.json, regenerated
// by scripts/neuron-define-shape.py): h.define_shape() on a soma with a chain of dendrites, a
// branched cell (2 and 3 children at one end, 2 inside a section, one at x = 0, nseg 1-7) and a
// dendrite with a diameter per segment, then NetPyNE's updateShape at two cell positions.
// Points, arcs, L, segment positions, areas, resistances and diameters are bit for bit.

const data = JSON.parse(readFileSync(resolve(__dirname, '../data/neuron-define-shape.json'), 'utf8'));
type Section = { geom: { L: number; diam: number; nseg?: number }; topol?: { parentSec: string; parentX: number } };
const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);
const cellCases: Array<[string, number]> = data.cells.map((c: any, i: number) => [c.rule, i]);

function build(rule: string, netParams: Record<string, unknown> = {}) {
  const cells = data.cells.filter((c: any) => c.rule === rule).map((c: any) => ({ x: c.position[0], y: c.position[1], z: c.position[2] }));
  return create({
    netParams: { defineCellShapes: true, cellParams: { [rule]: data.cellParams[rule] }, popParams: { P: { cellType: rule, cellsList: cells } }, ...netParams },
    simConfig: { duration: 1 },
  });
}

describe('define_shape layout', () => {
  it.each(cellCases)('%s (cell %i): the points define_shape stores', (rule: string, i: number) => {
    const secs: Record<string, Section> = data.cellParams[rule].secs;
    const names = Object.keys(secs);
    const shape = defineShape(
      names.map((name) => {
        const { geom, topol } = secs[name];
        return {
          L: geom.L,
          diams: data.segDiams[rule]?.[name] ?? Array(geom.nseg ?? 1).fill(geom.diam),
          parent: topol ? names.indexOf(topol.parentSec) : -1,
          parentX: topol?.parentX ?? 1,
        };
      }),
      names.flatMap((name, s) =>
        secs[name].topol ? [{ section: s, parent: names.indexOf(secs[name].topol!.parentSec), parentX: secs[name].topol!.parentX }] : [],
      ),
    );
    names.forEach((name, s) => {
      const want = data.cells[i].defineShape[name];
      expect(
        shape[s].map((p) => p[0]),
        `${name} x3d`,
      ).toEqual(want.x3d);
      expect(
        shape[s].map((p) => p[1]),
        `${name} y3d`,
      ).toEqual(want.y3d);
      expect(
        shape[s].map((p) => p[2]),
        `${name} diam3d`,
      ).toEqual(want.diam3d);
    });
  });
});

describe.each(['CHAIN', 'BRANCHED'])('defineCellShapes: %s', (rule) => {
  const net = build(rule);
  const d = net.data;
  const template = d.templates[0];
  const cells = data.cells.filter((c: any) => c.rule === rule);

  it('stored points, arcs, L and segment positions as after NetPyNE updateShape, bit for bit', () => {
    cells.forEach((want: any, c: number) => {
      const points = storedPoints(template, d.cells, c, d.simConfig);
      const real = net.realisedSections(c);
      for (const [name, w] of Object.entries<any>(want.sections)) {
        const s = template.sectionIndex.get(name)!;
        const pts = points[s]!;
        expect(
          pts.map((p) => [p[0], p[1], p[2], p[3]]),
          name,
        ).toEqual(w.x3d.map((x: number, k: number) => [x, w.y3d[k], w.z3d[k], w.diam3d[k]]));
        expect(Array.from(arcLengths(pts)), `${name} arc3d`).toEqual(w.arc3d);
        expect(real[name].L, `${name} L`).toBe(w.L);
        expect(real[name].diam, `${name} diam`).toBe(w.diam[Math.floor(w.diam.length / 2)]);
        const nseg = template.sections[s].nseg;
        const geometry = { L: w.L, parent: -1, parentX: 1, childX: 0, pt3d: pts };
        expect(
          Array.from({ length: nseg }, (_, j) => positionAt(geometry, (j + 0.5) / nseg)),
          `${name} posFromLoc`,
        ).toEqual(w.pos);
      }
    });
  });

  it("keeps define_shape's points in the saved geom (x and y swapped, z 0)", () => {
    cells.forEach((want: any, c: number) => {
      const secs = net.cell(c).secs;
      for (const [name, w] of Object.entries<any>(want.defineShape)) {
        expect((secs[name].geom as any).pt3d, name).toEqual(w.x3d.map((x: number, k: number) => [w.y3d[k], x, 0, w.diam3d[k]]));
      }
    });
  });

  it('seg.area() and seg.ri() from the points (diam_from_list), bit for bit', () => {
    cells.forEach((want: any, c: number) => {
      const points = storedPoints(template, d.cells, c, d.simConfig);
      for (const [name, w] of Object.entries<any>(want.sections)) {
        const s = template.sectionIndex.get(name)!;
        const sec = template.sections[s];
        const segs = pt3dSegments(points[s]!, sec.nseg, sec.Ra);
        expect(Array.from(segs.area), `${name} area`).toEqual(w.area);
        // NEURON's seg.ri() is 1/NODERINV, NODERINV = 1/(right half of the previous segment + left half)
        expect(
          w.ri.map((_: number, j: number) => 1 / (1 / (segs.left[j] + (j > 0 ? segs.right[j - 1] : 0)))),
          `${name} ri`,
        ).toEqual(w.ri);
        // seg.diam: the mean over the segment, or the rule's diam where that is within 1e-9 of it
        expect(
          Array.from(segs.meanDiam, (m) => (Math.abs(m - sec.diam) > 1e-9 ? m : sec.diam)),
          `${name} diam`,
        ).toEqual(w.diam);
      }
    });
  });

  it('compile puts them in the node table', () => {
    const { model } = compile(net);
    const layout = templateLayout(template, `cellParams.${rule}`);
    cells.forEach((want: any, c: number) => {
      for (const [name, w] of Object.entries<any>(want.sections)) {
        const s = template.sectionIndex.get(name)!;
        w.area.forEach((area: number, j: number) => {
          const nd = model.nodeStart[c] + layout.firstSegment[s] + j;
          expect(model.nodes.area[nd], `${name} area ${j}`).toBe(area);
          // b = -1e2/(ri*area); recovering ri from it rounds twice more
          expect(rel(-1e2 / (model.nodes.b[nd] * area), w.ri[j]), `${name} ri ${j}`).toBeLessThanOrEqual(1e-15);
        });
      }
    });
  });
});

describe('defineCellShapes refusals', () => {
  const chain = data.cellParams.CHAIN;
  const withSecs = (secs: Record<string, unknown>) => ({ cellParams: { CHAIN: { secs: { ...chain.secs, ...secs } } } });

  it.each([
    ['a section without geom', withSecs({ dend3: { topol: chain.secs.dend3.topol } }), /secs\.dend3.*has no geom/],
    ['an empty pt3d', withSecs({ dend3: { ...chain.secs.dend3, geom: { ...chain.secs.dend3.geom, pt3d: [] } } }), /dend3\.geom\.pt3d.*empty pt3d/],
    [
      'pt3d on only some sections',
      withSecs({
        dend3: {
          ...chain.secs.dend3,
          geom: {
            pt3d: [
              [0, 0, 0, 1],
              [0, 100, 0, 1],
            ],
          },
        },
      }),
      /dend3\.geom\.pt3d.*other sections have no pt3d/,
    ],
    [
      'a per-cell L',
      withSecs({ dend1: { ...chain.secs.dend1, geom: { ...chain.secs.dend1.geom, L: 'uniform(200, 300)' } } }),
      /dend1\.geom\.L.*per-cell L or diam/,
    ],
  ])('refuses %s', (_, netParams, message) => {
    expect(() => build('CHAIN', netParams)).toThrow(NetworkBuildError);
    expect(() => build('CHAIN', netParams)).toThrow(message);
  });

  it('refuses own points that define_shape would move, and keeps those it leaves in place', () => {
    const pt3d = (dendStart: number[]) => ({
      cellParams: {
        CHAIN: {
          secs: {
            soma: {
              geom: {
                pt3d: [
                  [0, 0, 0, 20],
                  [0, 20, 0, 20],
                ],
              },
            },
            dend1: { geom: { nseg: 5, pt3d: [dendStart, [0, 270, 0, 1]] }, topol: { parentSec: 'soma', parentX: 1.0, childX: 0 } },
          },
        },
      },
    });
    expect(() => build('CHAIN', pt3d([0, 20, 0, 1]))).not.toThrow();
    expect(() => build('CHAIN', pt3d([1, 20, 0, 1]))).toThrow(/dend1\.topol.*moves the section's points/);
  });
});
