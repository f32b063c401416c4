import type { CellTemplate } from '../network/index.ts';
import { CompileError } from './errors.ts';

// NEURON's node layout of one cell template (treeset.c): a section with nseg segments has
// nseg + 1 nodes — one per segment centre and a zero-area node at its x = 1 end — and a root
// section has an extra zero-area root node at x = 0. A child's x = 0 end hangs on the parent's
// node at parentX (the parent's x = 1 end node for parentX = 1). Nodes are numbered so that a
// parent comes before its children (roots first, then sections in tree order).

export interface TemplateLayout {
  nodeCount: number;
  /** Parent node (cell-local), -1 for a root node. */
  parent: Int32Array;
  /** Section of each node, and whether it is a zero-area end/root node. */
  section: Int32Array;
  zeroArea: Uint8Array;
  /** First segment node of each section (template order). */
  firstSegment: Int32Array;
  /** The node of each section's x = 0 end (its parent's node, or the root node). */
  startNode: Int32Array;
}

export function templateLayout(template: CellTemplate, path: string): TemplateLayout {
  const secs = template.sections;
  const order = treeOrder(template, path);
  const parent: number[] = [];
  const section: number[] = [];
  const zeroArea: number[] = [];
  const firstSegment = new Int32Array(secs.length);
  const startNode = new Int32Array(secs.length);
  const add = (p: number, s: number, zero: boolean) => {
    parent.push(p);
    section.push(s);
    zeroArea.push(zero ? 1 : 0);
    return parent.length - 1;
  };
  for (const s of order) {
    const sec = secs[s];
    if (sec.topol.parent < 0) {
      startNode[s] = add(-1, s, true);
    } else {
      startNode[s] = nodeOf(secs[sec.topol.parent].nseg, firstSegment[sec.topol.parent], startNode[sec.topol.parent], sec.topol.parentX);
    }
    let previous = startNode[s];
    firstSegment[s] = parent.length;
    for (let j = 0; j < sec.nseg; j++) previous = add(previous, s, false);
    add(previous, s, true);
  }
  return {
    nodeCount: parent.length,
    parent: Int32Array.from(parent),
    section: Int32Array.from(section),
    zeroArea: Uint8Array.from(zeroArea),
    firstSegment,
    startNode,
  };
}

/** Cell-local node of section s at x, as NEURON's sec(x): x = 0 and x = 1 are the end nodes. */
export function nodeAt(layout: TemplateLayout, template: CellTemplate, s: number, x: number): number {
  return nodeOf(template.sections[s].nseg, layout.firstSegment[s], layout.startNode[s], x);
}

function nodeOf(nseg: number, first: number, start: number, x: number): number {
  if (x <= 0) return start;
  if (x >= 1) return first + nseg;
  return first + Math.min(nseg - 1, Math.floor(x * nseg));
}

/** Sections so that each parent precedes its children; roots in template order. */
function treeOrder(template: CellTemplate, path: string): number[] {
  const secs = template.sections;
  const children = secs.map(() => [] as number[]);
  secs.forEach((sec, s) => {
    if (sec.topol.parent >= 0) {
      if (sec.topol.childX !== 0)
        throw new CompileError(`${path}.secs.${sec.name}.topol.childX`, sec.topol.childX, 'only childX = 0 (the default) is supported by the simulator');
      children[sec.topol.parent].push(s);
    }
  });
  const order: number[] = [];
  const visit = (s: number) => {
    order.push(s);
    for (const c of children[s]) visit(c);
  };
  secs.forEach((sec, s) => {
    if (sec.topol.parent < 0) visit(s);
  });
  if (order.length !== secs.length) {
    const missing = secs.find((_, s) => !order.includes(s))!;
    throw new CompileError(`${path}.secs.${missing.name}.topol`, missing.topol, 'the section is part of a cycle of parentSec references');
  }
  return order;
}
