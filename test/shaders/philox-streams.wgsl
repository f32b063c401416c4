// Test kernel: 16 uint32 draws and 4 f32 uniforms of each stream (ids: id1, id2, id3, globalIndex).
@group(0) @binding(0) var<storage, read> ids: array<u32>;
@group(0) @binding(1) var<storage, read_write> draws: array<u32>;
@group(0) @binding(2) var<storage, read_write> samples: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let i = id.x;
  if (i >= arrayLength(&ids) / 4u) {
    return;
  }
  var s = rng_make(ids[4u * i], ids[4u * i + 1u], ids[4u * i + 2u], ids[4u * i + 3u]);
  for (var k = 0u; k < 16u; k++) {
    draws[16u * i + k] = rng_next_u32(&s);
  }
  var d = rng_make(ids[4u * i], ids[4u * i + 1u], ids[4u * i + 2u], ids[4u * i + 3u]);
  samples[4u * i] = rng_uniform(&d, 2.0, 5.0);
  samples[4u * i + 1u] = rng_negexp(&d, 1.5);
  samples[4u * i + 2u] = rng_discunif(&d, 0.0, 19.0);
  samples[4u * i + 3u] = rng_uniform(&d, -1.0, 1.0);
}
