// derivimplicit on the GPU: NEURON's scopmath Newton (newton_thread.c, crout_thread.c) in
// f32 for one DERIVATIVE block of a mechanism module. The module provides `fields` and
// `group`; the slots declare the block's size, the fields of its Newton variables
// (NEWTON_FIELDS, nocmodl's _slist2) and of its states (NEWTON_SAVED, _slist1), and the
// function value[i] = D<state i> - (state i - saved i)/dt.

//! slot NEWTON_SIZE

fn newton_x(i: u32, k: u32) -> f32 {
  return fields[NEWTON_FIELDS[i] * group.count + k];
}

fn newton_set_x(i: u32, k: u32, x: f32) {
  fields[NEWTON_FIELDS[i] * group.count + k] = x;
}

//! slot NEWTON_VALUE

/// Solves the block for instance k at membrane potential v (NEURON's increments, limits and tests).
fn newton_solve(k: u32, v: f32) {
  var save: array<f32, NEWTON_N>;
  for (var i = 0u; i < NEWTON_N; i++) { save[i] = fields[NEWTON_SAVED[i] * group.count + k]; }
  var value = newton_value(k, v, save);
  var jac: array<array<f32, NEWTON_N>, NEWTON_N>;
  var perm: array<u32, NEWTON_N>;
  var change = 1.0;
  for (var count = 0u; count < 50u; count++) {
    if (change > 0.05) {
      for (var j = 0u; j < NEWTON_N; j++) {
        let x0 = newton_x(j, k);
        let increment = max(abs(0.02 * x0), 1e-6);
        newton_set_x(j, k, x0 + increment);
        let high = newton_value(k, v, save);
        newton_set_x(j, k, x0 + increment - 2.0 * increment);
        let low = newton_value(k, v, save);
        for (var i = 0u; i < NEWTON_N; i++) { jac[i][j] = (high[i] - low[i]) / (2.0 * increment); }
        newton_set_x(j, k, x0 + increment - 2.0 * increment + increment);
      }
      value = newton_value(k, v, save);
      for (var i = 0u; i < NEWTON_N; i++) { value[i] = -value[i]; }
      newton_crout(&jac, &perm);
    }
    var dx: array<f32, NEWTON_N>;
    for (var i = 0u; i < NEWTON_N; i++) {
      var sum = 0.0;
      for (var j = 0u; j < i; j++) { sum += jac[perm[i]][j] * dx[j]; }
      dx[i] = (value[perm[i]] - sum) / jac[perm[i]][i];
    }
    for (var ii = 0u; ii < NEWTON_N; ii++) {
      let i = NEWTON_N - 1u - ii;
      var sum = 0.0;
      for (var j = i + 1u; j < NEWTON_N; j++) { sum += jac[perm[i]][j] * dx[j]; }
      dx[i] -= sum;
    }
    change = 0.0;
    for (var i = 0u; i < NEWTON_N; i++) {
      let x = newton_x(i, k);
      if (abs(x) > 1e-8) { change = max(change, abs(dx[i] / x)); }
      newton_set_x(i, k, x + dx[i]);
    }
    value = newton_value(k, v, save);
    for (var i = 0u; i < NEWTON_N; i++) { value[i] = -value[i]; }
    // f32: the residual cannot reach NEURON's 1e-8, so the relative change alone decides.
    if (change <= 1e-6) { return; }
  }
}

/// Crout LU with implicit equilibration and partial pivoting (the factors stay in jac).
fn newton_crout(a: ptr<function, array<array<f32, NEWTON_N>, NEWTON_N>>, perm: ptr<function, array<u32, NEWTON_N>>) {
  var rowmax: array<f32, NEWTON_N>;
  for (var i = 0u; i < NEWTON_N; i++) {
    (*perm)[i] = i;
    var k = 0u;
    for (var j = 1u; j < NEWTON_N; j++) { if (abs((*a)[i][j]) > abs((*a)[i][k])) { k = j; } }
    rowmax[i] = (*a)[i][k];
  }
  var saveI = 0u;
  for (var r = 0u; r < NEWTON_N; r++) {
    for (var i = r; i < NEWTON_N; i++) {
      var sum = 0.0;
      let irow = (*perm)[i];
      for (var k = 0u; k < r; k++) { sum += (*a)[irow][k] * (*a)[(*perm)[k]][r]; }
      (*a)[irow][r] -= sum;
    }
    var pivot = (*perm)[r];
    var equil1 = abs((*a)[pivot][r] / rowmax[pivot]);
    for (var i = r + 1u; i < NEWTON_N; i++) {
      let irow = (*perm)[i];
      let equil2 = abs((*a)[irow][r] / rowmax[irow]);
      if (equil2 > equil1) {
        pivot = irow;
        saveI = i;
        equil1 = equil2;
      }
    }
    if (pivot != (*perm)[r]) {
      (*perm)[saveI] = (*perm)[r];
      (*perm)[r] = pivot;
    }
    for (var j = r + 1u; j < NEWTON_N; j++) {
      var sum = 0.0;
      for (var k = 0u; k < r; k++) { sum += (*a)[pivot][k] * (*a)[(*perm)[k]][j]; }
      (*a)[pivot][j] = ((*a)[pivot][j] - sum) / (*a)[pivot][r];
    }
  }
}
