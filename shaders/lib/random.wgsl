// NEURON's h.Random() distributions on a Rng123 stream, in f32 (needs lib/philox.wgsl).
// Each call is a fresh distribution drawing from the stream, as in NetPyNE string functions.
// The double (u + 1)/(2^32 + 1) of NEURON becomes f32 here, kept inside (0, 1).

fn rng_next_unit(s: ptr<function, Rng123>) -> f32 {
  let u = rng_next_u32(s);
  return clamp((f32(u) + 1.0) * 2.3283064365386963e-10, 2.3283064365386963e-10, 0.99999994);
}

fn rng_uniform(s: ptr<function, Rng123>, low: f32, high: f32) -> f32 {
  let lo = min(low, high);
  return lo + (max(low, high) - lo) * rng_next_unit(s);
}

fn rng_discunif(s: ptr<function, Rng123>, low: f32, high: f32) -> f32 {
  let lo = min(trunc(low), trunc(high));
  let delta = max(trunc(low), trunc(high)) - lo + 1.0;
  return lo + floor(delta * rng_next_unit(s));
}

fn rng_negexp(s: ptr<function, Rng123>, mean: f32) -> f32 {
  return -mean * log(rng_next_unit(s));
}

/// Polar Box-Muller: normal(mean, VARIANCE), two picks per attempt, accept w <= 1.
fn rng_normal(s: ptr<function, Rng123>, mean: f32, variance: f32) -> f32 {
  loop {
    let v1 = 2.0 * rng_next_unit(s) - 1.0;
    let v2 = 2.0 * rng_next_unit(s) - 1.0;
    let w = v1 * v1 + v2 * v2;
    if (w <= 1.0 && w > 0.0) {
      let y = sqrt((-2.0 * log(w)) / w);
      return v1 * y * sqrt(variance) + mean;
    }
  }
}
