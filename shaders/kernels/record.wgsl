// Recording: probe p copies source[index[p]] (a node's v or a mechanism field) into
// rec[step.sample * stride + slot[p]]. One dispatch per source buffer.
// Requires step.wgsl (Step) before this text.

struct Record {
  count: u32,    // probes read from this source
  stride: u32,   // probes per sample (all sources)
}

@group(0) @binding(0) var<uniform> record: Record;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<storage, read> probes: array<vec2<u32>>;   // source index, record slot
@group(0) @binding(3) var<storage, read> source: array<f32>;
@group(0) @binding(4) var<storage, read_write> rec: array<f32>;

@compute @workgroup_size(64)
fn record_probes(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let p = id.x + id.y * groups.x * 64u;
  if (p >= record.count) { return; }
  let q = probes[p];
  rec[step.sample * record.stride + q.y] = source[q.x];
}
