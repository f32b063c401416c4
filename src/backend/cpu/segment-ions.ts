import { ION_NERNST_INIT, ION_NERNST_STEP, ION_RESET_CONC, type IonTable } from '../../compile/index.ts';
import { nernst } from '../../mech/index.ts';
import type { IonArrays } from './mech-kernels.ts';

// The segments' ions (NEURON's <ion>_ion mechanisms, eion.cpp) on the CPU: their state arrays,
// what finitialize does to them (ion_init: reset the concentrations, Nernst) and what every
// nrn_rhs does before the mechanisms' currents (ion_cur: zero the total current, Nernst where a
// concentration is written).

export class SegmentIons {
  /** By ion name, for the mechanism kernels. */
  readonly arrays: Readonly<Record<string, IonArrays>>;

  constructor(
    private readonly tables: readonly IonTable[],
    precision: 'f64' | 'f32',
    private readonly celsius: number,
  ) {
    const A = precision === 'f32' ? Float32Array : Float64Array;
    const arrays: Record<string, IonArrays> = Object.create(null);
    for (const t of tables) arrays[t.ion] = { e: A.from(t.e), i: new A(t.e.length), in: A.from(t.ci), out: A.from(t.co) };
    this.arrays = arrays;
  }

  /** ion_init at finitialize: the compiled values, then reset concentrations and Nernst where the style says. */
  initialize(): void {
    for (const t of this.tables) {
      const a = this.arrays[t.ion];
      a.e.set(t.e);
      a.in.set(t.ci);
      a.out.set(t.co);
      a.i.fill(0);
      for (let node = 0; node < t.style.length; node++) {
        if (t.style[node] & ION_RESET_CONC) {
          a.in[node] = t.ci0;
          a.out[node] = t.co0;
        }
      }
    }
    this.nernstWhere(ION_NERNST_INIT);
  }

  /** nrn_wrote_conc after a concentration writer's INITIAL: Nernst again where the style says. */
  wroteConcentrations(): void {
    this.nernstWhere(ION_NERNST_INIT);
  }

  /** ion_cur, before the mechanisms' currents of every nrn_rhs. */
  beforeCurrents(): void {
    for (const t of this.tables) this.arrays[t.ion].i.fill(0);
    this.nernstWhere(ION_NERNST_STEP);
  }

  private nernstWhere(bit: number): void {
    for (const t of this.tables) {
      const a = this.arrays[t.ion];
      for (let node = 0; node < t.style.length; node++) if (t.style[node] & bit) a.e[node] = nernst(a.in[node], a.out[node], t.valence, this.celsius);
    }
  }
}
