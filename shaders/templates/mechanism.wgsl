// One mechanism group: SoA fields (field f of instance k at fields[f * count + k]) and the
// node each instance sits on. Entry points, run by the WebGPU backend each step:
//   initial  INITIAL (once, at t = 0);
//   receive  NET_RECEIVE of a linear receiver with the weights of boundary n summed in its
//            input ring targets, one per weight argument (then cleared);
//   current  BREAKPOINT at v + 0.001 and at v: the instance's (rhs, d) contribution, signed and
//            scaled, which the cell kernel adds node by node in a fixed order;
//   state    SOLVE (and the BREAKPOINT of current-less mechanisms) with the new v;
//   init_event  the flag-1 event of INITIAL's net_send(0, 1), at t = 0: arms the WATCHes;
//   watch    WATCH conditions at boundary n + 1 (after the cell's detector): a false -> true
//            edge runs that WATCH's NET_RECEIVE handler at once;
//   publish  copies the vref field (Izhi2007a's V) where the cell kernel's vref detectors read it.
// Handlers may set the node's v. A point process's own net_event is not a spike source in
// NetPyNE (its detector is the section's), so net_event does nothing here.
// Slots (lines `//! slot NAME`) are filled by src/mech/wgsl-module.ts.

struct Group {
  count: u32,        // instances
  ringBase: u32,     // the group's first target in the input ring
  ringSlotStride: u32,   // the ring's layout (ring.wgsl; ringTargetStride below)
  contribBase: u32,  // the group's first (rhs, d) slot
  dt: f32,           // [ms]
  celsius: f32,      // [degC]
  ringWidth: u32,    // ring targets per instance (NET_RECEIVE weight arguments)
  vrefField: u32,    // field published for a vref spike detector
  vrefBase: u32,     // V[vrefBase + node]: where it is published
  receiveFirst: u32, // 1: `current` first delivers boundary n's events (no separate receive pass)
  ringTargetStride: u32,
}

struct Step {
  t: f32,            // t_n, the boundary [ms]
  tMid: f32,         // t_n + dt/2: currents
  tNext: f32,        // t_{n+1}: states
  slot: u32,         // ring slot of boundary n
}

@group(0) @binding(0) var<uniform> group: Group;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<storage, read_write> fields: array<f32>;
@group(0) @binding(3) var<storage, read> node: array<u32>;
@group(0) @binding(4) var<storage, read> scale: array<f32>;
@group(0) @binding(5) var<storage, read> tables: array<f32>;
@group(0) @binding(6) var<storage, read_write> V: array<f32>;
@group(0) @binding(7) var<storage, read_write> contrib: array<vec2<f32>>;
@group(0) @binding(8) var<storage, read_write> ring: array<f32>;
// Per (WATCH j, instance k) at j * count + k: bit 0 armed, bit 1 condition true at the last check.
@group(0) @binding(9) var<storage, read_write> watchState: array<u32>;
// The segments' ions (shaders/kernels/ions.wgsl): an ion variable of node n at its array's offset + n.
@group(0) @binding(10) var<storage, read_write> ions: array<f32>;

// NEURON's t in the block being run [ms].
var<private> now: f32;

fn net_event(k: u32, time: f32) {
  _ = k;
  _ = time;
}

//! slot FUNCTIONS

@compute @workgroup_size(64)
fn initial(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= group.count) { return; }
  now = step.t;
  var v = V[node[k]];
//! slot INITIAL
}

fn receive_events(k: u32) {
  let at = step.slot * group.ringSlotStride + (group.ringBase + k * group.ringWidth) * group.ringTargetStride;
  now = step.t;
  var v = V[node[k]];
//! slot RECEIVE
}

@compute @workgroup_size(64)
fn receive(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= group.count) { return; }
  receive_events(k);
}

@compute @workgroup_size(64)
fn current(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= group.count) { return; }
  if (group.receiveFirst == 1u) { receive_events(k); }
  now = step.tMid;
  let vk = V[node[k]];
//! slot CURRENT
}

@compute @workgroup_size(64)
fn state(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= group.count) { return; }
  now = step.tNext;
  var v = V[node[k]];
//! slot STATE
}

@compute @workgroup_size(64)
fn init_event(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= group.count) { return; }
  now = step.t;
//! slot INIT_EVENT
}

@compute @workgroup_size(64)
fn watch(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= group.count) { return; }
  now = step.tNext;
//! slot WATCH
}

@compute @workgroup_size(64)
fn publish(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= group.count) { return; }
  V[group.vrefBase + node[k]] = fields[group.vrefField * group.count + k];
}
