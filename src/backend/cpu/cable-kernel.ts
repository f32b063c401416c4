import type { NodeTable } from '../../compile/index.ts';
import type { Precision } from '../../mech/index.ts';
import type { Arrays } from './mech-kernels.ts';

// The cable equation of all cells at once (nodes of a cell are contiguous, parents first):
//   setup  — rhs = 0, d = cm*0.001/dt (NEURON's capacitance jacobian), before the currents;
//   solve  — axial terms (nrn_rhs, nrn_lhs), Hines elimination from the leaves, back
//            substitution from the roots, v += rhs (secondorder = 0).
// f32 rounds every operation (Math.fround) as the GPU would.

export interface CableKernel {
  setup(RHS: Arrays, D: Arrays): void;
  solve(V: Arrays, RHS: Arrays, D: Arrays): void;
}

export function cableKernel(nodes: NodeTable, dt: number, precision: Precision): CableKernel {
  const r = (code: string) => (precision === 'f32' ? `F(${code})` : `(${code})`);
  const source = `"use strict";
const F = Math.fround;
const n = nodes.count, parent = nodes.parent, a = nodes.a, b = nodes.b, cm = nodes.cm;
const cfac = ${r('0.001 / dt')};
return {
  setup(RHS, D) {
    for (let i = 0; i < n; i++) {
      RHS[i] = 0;
      D[i] = ${r('cfac * cm[i]')};
    }
  },
  solve(V, RHS, D) {
    for (let i = 0; i < n; i++) {
      const p = parent[i];
      if (p < 0) continue;
      const dv = ${r('V[p] - V[i]')};
      RHS[i] = ${r(`RHS[i] - ${r('b[i] * dv')}`)};
      RHS[p] = ${r(`RHS[p] + ${r('a[i] * dv')}`)};
      D[i] = ${r('D[i] - b[i]')};
      D[p] = ${r('D[p] - a[i]')};
    }
    for (let i = n - 1; i >= 0; i--) {
      const p = parent[i];
      if (p < 0) continue;
      const f = ${r('a[i] / D[i]')};
      D[p] = ${r(`D[p] - ${r('f * b[i]')}`)};
      RHS[p] = ${r(`RHS[p] - ${r('f * RHS[i]')}`)};
    }
    for (let i = 0; i < n; i++) {
      const p = parent[i];
      if (p >= 0) RHS[i] = ${r(`RHS[i] - ${r('b[i] * RHS[p]')}`)};
      RHS[i] = ${r('RHS[i] / D[i]')};
      V[i] = ${r('V[i] + RHS[i]')};
    }
  },
};`;
  const arrays = precision === 'f32'
    ? { ...nodes, a: Float32Array.from(nodes.a), b: Float32Array.from(nodes.b), cm: Float32Array.from(nodes.cm) }
    : nodes;
  return new Function('nodes', 'dt', source)(arrays, dt) as CableKernel;
}
