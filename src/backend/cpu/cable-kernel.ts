import type { NodeTable } from '../../compile/index.ts';
import type { Precision } from '../../mech/index.ts';
import type { Arrays } from './mech-kernels.ts';

// The cable equation of all cells at once (nodes of a cell are contiguous, parents first):
//   setup  — rhs = 0, d = 0, before the currents (nrn_rhs);
//   solve  — d += cfac*cm after the mechanisms' di/dv (nrn_lhs: nrn_cap_jacob comes after the
//            mechanisms' jacobians, so d = (g1 + g2 + ...) + cfac*cm in that order, with
//            cfac = 0.001*cj, cj = 1/dt), axial terms, Hines elimination from the leaves, back
//            substitution from the roots, v += rhs (secondorder = 0).
// f32 rounds every operation (Math.fround) as the GPU would.

export interface CableKernel {
  setup(RHS: Arrays, D: Arrays): void;
  solve(V: Arrays, RHS: Arrays, D: Arrays): void;
}

/**
 * f32: v += rhs as a compensated (two-float) sum, as the GPU does: the rounding error of each
 * addition is kept in VLo[i] and folded back, so increments far below an ulp of v (NEURON's
 * ~1e-8 mV drift of an Izhikevich cell at rest) still accumulate. A v set by a mechanism
 * (VSet[i] no longer what the solver left) restarts the compensation.
 */
const compensatedAdd = `
      const x = V[i], y = RHS[i];
      if (x !== VSet[i]) VLo[i] = 0;
      const s = F(x + y);
      const yy = F(s - x);
      const err = F(F(x - F(s - yy)) + F(y - yy));
      const lo = F(VLo[i] + err);
      const hi = F(s + lo);
      VLo[i] = F(lo - F(hi - s));
      V[i] = hi;
      VSet[i] = hi;`;

export function cableKernel(nodes: NodeTable, dt: number, precision: Precision): CableKernel {
  const r = (code: string) => (precision === 'f32' ? `F(${code})` : `(${code})`);
  const source = `"use strict";
const F = Math.fround;
const n = nodes.count, parent = nodes.parent, a = nodes.a, b = nodes.b, cm = nodes.cm;
const cfac = ${r('0.001 * (1 / dt)')};
return {
  setup(RHS, D) {
    for (let i = 0; i < n; i++) {
      RHS[i] = 0;
      D[i] = 0;
    }
  },
  solve(V, RHS, D) {
    for (let i = 0; i < n; i++) {
      D[i] = ${r(`D[i] + ${r('cfac * cm[i]')}`)};
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
      ${precision === 'f32' ? compensatedAdd : 'V[i] = V[i] + RHS[i];'}
    }
  },
};`;
  const arrays = precision === 'f32' ? { ...nodes, a: Float32Array.from(nodes.a), b: Float32Array.from(nodes.b), cm: Float32Array.from(nodes.cm) } : nodes;
  return new Function('nodes', 'dt', 'VLo', 'VSet', source)(arrays, dt, new Float32Array(nodes.count), new Float32Array(nodes.count)) as CableKernel;
}
