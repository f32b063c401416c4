import { glibcExp, glibcLog, glibcLog10, glibcPow, glibcTanh } from '../math/libm.ts';

// The C math functions that NEURON's compiled mechanisms call, for f64 mechanism code (bound as
// `lm` in the generated JavaScript: render-js.ts, tables.ts, backend/cpu/mech-kernels.ts).
//
// nocmodl (NEURON 8.2.2) writes `#undef exp` / `#define exp hoc_Exp` at the top of every
// generated .c file (checked: `nocmodl hh.mod`), so a mod file's exp() is hoc_Exp
// (src/oc/math.cpp): 0 below -700, exp(700) above 700 (with an "out of range" warning on stderr),
// else glibc's exp. log(), log10(), tanh() and x^y (pow) are glibc's, reproduced bit for bit (math/libm.ts). The
// engine's Math.exp/log/pow differ from glibc by an ulp on 7-10% of inputs, and the ulp
// matters: it changes hh's rate TABLE entries (41 of 1206 with Math.exp) and its cnexp updates
// (hh's m an ulp off from 1.4 ms at dt 0.1), and a cell driven unstable (tut6 gid 33: a negative
// NetStim weight makes its Exp2Syn conductance negative, v runs to -1e12 mV) or an Izhikevich
// cell (M1's FS cells) amplifies it into different spike times.

/** NEURON's hoc_Exp: exp(x) clamped as src/oc/math.cpp does (x < -700 gives 0, x > 700 gives exp(700)). */
export function hocExp(x: number): number {
  if (x < -700) return 0;
  if (x > 700) return glibcExp(700);
  return glibcExp(x);
}

/** The math library of f64 mechanism code: `lm.exp(x)`, `lm.log(x)`, `lm.log10(x)`, `lm.pow(x, y)`, `lm.tanh(x)`. */
export const NEURON_LIBM = { exp: hocExp, log: glibcLog, log10: glibcLog10, pow: glibcPow, tanh: glibcTanh } as const;

/** The name the generated JavaScript uses for NEURON_LIBM. */
export const LIBM_NAME = 'lm';
