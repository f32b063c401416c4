// LINEAR blocks on the GPU: NEURON's scopmath simeq (Gaussian elimination with partial
// pivoting by row index) in f32 for one LINEAR block of a mechanism module. The slot declares
// the block's size SIMEQ_N; the caller fills the augmented matrix (rows: coefficients, then
// the right-hand side).

//! slot SIMEQ_SIZE

fn simeq(c: ptr<function, array<array<f32, SIMEQ_N1>, SIMEQ_N>>) -> array<f32, SIMEQ_N> {
  var perm: array<u32, SIMEQ_N>;
  for (var i = 0u; i < SIMEQ_N; i++) { perm[i] = i; }
  var isave = 0u;
  for (var j = 0u; j < SIMEQ_N; j++) {
    var ipivot = perm[j];
    for (var i = j + 1u; i < SIMEQ_N; i++) {
      let jrow = perm[i];
      if (abs((*c)[ipivot][j]) < abs((*c)[jrow][j])) {
        ipivot = jrow;
        isave = i;
      }
    }
    if (ipivot != perm[j]) {
      perm[isave] = perm[j];
      perm[j] = ipivot;
    }
    for (var kc = j + 1u; kc <= SIMEQ_N; kc++) { (*c)[ipivot][kc] = (*c)[ipivot][kc] / (*c)[ipivot][j]; }
    for (var i = j + 1u; i < SIMEQ_N; i++) {
      let jrow = perm[i];
      for (var kc = j + 1u; kc <= SIMEQ_N; kc++) { (*c)[jrow][kc] -= (*c)[ipivot][kc] * (*c)[jrow][j]; }
    }
  }
  var soln: array<f32, SIMEQ_N>;
  for (var ii = 0u; ii < SIMEQ_N; ii++) {
    let i = SIMEQ_N - 1u - ii;
    let jrow = perm[i];
    soln[i] = (*c)[jrow][SIMEQ_N];
    for (var j = i + 1u; j < SIMEQ_N; j++) { soln[i] -= (*c)[jrow][j] * soln[j]; }
  }
  return soln;
}
