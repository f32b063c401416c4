// Python operator semantics in f32 for compiled string functions (src/expr/compile-wgsl.ts).
// Python raises on division by zero; on the GPU the IEEE result stands. WGSL forbids infinite
// constants, so `inf` is the largest finite f32, and nan is made at run time.

const PY_INF: f32 = 0x1.fffffep+127f;

/// A run-time NaN (sqrt of a negative number; constant NaNs are not allowed in WGSL).
fn py_nan(x: f32) -> f32 {
  return sqrt(-1.0 - abs(x));
}

/// a % b with the sign of b.
fn py_mod(a: f32, b: f32) -> f32 {
  return a - b * floor(a / b);
}

fn py_floordiv(a: f32, b: f32) -> f32 {
  return floor(a / b);
}

/// Python a ** b: negative bases only with integer exponents (else nan), 0 ** negative = inf.
fn py_pow(a: f32, b: f32) -> f32 {
  if (a > 0.0) {
    return pow(a, b);
  }
  if (a == 0.0) {
    return select(select(PY_INF, 1.0, b == 0.0), 0.0, b > 0.0);
  }
  if (trunc(b) != b) {
    return py_nan(a);
  }
  let magnitude = pow(-a, b);
  return select(magnitude, -magnitude, py_mod(b, 2.0) == 1.0);
}

fn py_log10(x: f32) -> f32 {
  return log(x) * 0.4342944819032518;
}

/// round(x, n): half to even at n decimals.
fn py_round(x: f32, digits: f32) -> f32 {
  let scale = pow(10.0, digits);
  return round(x * scale) / scale;
}

/// Python `a and b`: a if a is falsy (0) else b.
fn py_and(a: f32, b: f32) -> f32 {
  return select(b, a, a == 0.0);
}

/// Python `a or b`: a if a is truthy else b.
fn py_or(a: f32, b: f32) -> f32 {
  return select(b, a, a != 0.0);
}
