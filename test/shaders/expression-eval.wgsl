// Test kernel: evaluates eval_expr (generated from a string function) for each input pair,
// with a fresh stream Random123(7, i, 1) per invocation for random draws.
@group(0) @binding(0) var<storage, read> inputs: array<f32>;
@group(0) @binding(1) var<storage, read_write> results: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let i = id.x;
  if (i >= arrayLength(&results)) {
    return;
  }
  var rng = rng_make(7u, i, 1u, 0u);
  results[i] = eval_expr(inputs[2u * i], inputs[2u * i + 1u], &rng);
}
