// One mechanism group: SoA fields (field f of instance k at fields[f * count + k]), the node
// each instance sits on, and the cable arrays. Entry points: initial, current, state.
// Slots (lines `//! slot NAME`) are filled by src/mech/wgsl-module.ts.

struct Globals {
  t: f32,        // [ms]
  dt: f32,       // [ms]
  celsius: f32,  // [degC]
  count: u32,    // instances
}

@group(0) @binding(0) var<uniform> globals: Globals;
@group(0) @binding(1) var<storage, read_write> fields: array<f32>;
@group(0) @binding(2) var<storage, read> node: array<u32>;
@group(0) @binding(3) var<storage, read> scale: array<f32>;
@group(0) @binding(4) var<storage, read> tables: array<f32>;
@group(0) @binding(5) var<storage, read_write> V: array<f32>;
@group(0) @binding(6) var<storage, read_write> RHS: array<f32>;
@group(0) @binding(7) var<storage, read_write> D: array<f32>;

//! slot FUNCTIONS

@compute @workgroup_size(64)
fn initial(@builtin(global_invocation_id) id: vec3<u32>) {
  let k = id.x;
  if (k >= globals.count) { return; }
  var v = V[node[k]];
//! slot INITIAL
}

@compute @workgroup_size(64)
fn current(@builtin(global_invocation_id) id: vec3<u32>) {
  let k = id.x;
  if (k >= globals.count) { return; }
  let nd = node[k];
  let vk = V[nd];
//! slot CURRENT
}

@compute @workgroup_size(64)
fn state(@builtin(global_invocation_id) id: vec3<u32>) {
  let k = id.x;
  if (k >= globals.count) { return; }
  var v = V[node[k]];
//! slot STATE
}
