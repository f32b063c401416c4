// One group of event-driven artificial cells (IntFire1/2/4): SoA fields (field f of instance
// k at fields[f * count + k]) and no node. Entry points: initial (INITIAL at globals.t) and
// receive (NET_RECEIVE of the one event waiting in the instance's inbox). net_send/net_move
// keep the instance's single movable self-event; net_event appends to the spike list.
// Slots (lines `//! slot NAME`) are filled by src/mech/wgsl-module.ts.

struct Globals {
  t: f32,        // [ms]
  dt: f32,       // [ms]
  celsius: f32,  // [degC]
  count: u32,    // instances
}

@group(0) @binding(0) var<uniform> globals: Globals;
@group(0) @binding(1) var<storage, read_write> fields: array<f32>;
@group(0) @binding(2) var<storage, read> tables: array<f32>;
// Per instance: (event time [ms], weight, flag, unused); time < 0 means no event.
@group(0) @binding(3) var<storage, read> inbox: array<vec4<f32>>;
// Per instance: the movable self-event (time [ms], flag); time < 0 means none.
@group(0) @binding(4) var<storage, read_write> selfEvent: array<vec2<f32>>;
@group(0) @binding(5) var<storage, read_write> spikeCount: atomic<u32>;
// Spikes: (instance, bitcast time [ms]).
@group(0) @binding(6) var<storage, read_write> spikes: array<vec2<u32>>;

// NEURON's t inside the block being run [ms]: globals.t in INITIAL, the event time in NET_RECEIVE.
var<private> now: f32;

fn net_send(k: u32, time: f32, flag: f32) {
  selfEvent[k] = vec2<f32>(time, flag);
}

fn net_move(k: u32, time: f32) {
  selfEvent[k].x = time;
}

fn net_event(k: u32, time: f32) {
  let i = atomicAdd(&spikeCount, 1u);
  if (i < arrayLength(&spikes)) {
    spikes[i] = vec2<u32>(k, bitcast<u32>(time));
  }
}

//! slot FUNCTIONS

@compute @workgroup_size(64)
fn initial(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= globals.count) { return; }
  now = globals.t;
//! slot INITIAL
}

@compute @workgroup_size(64)
fn receive(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= globals.count) { return; }
  let event = inbox[k];
  if (event.x < 0.0) { return; }
  now = event.x;
  let w = event.y;
  let flag = event.z;
//! slot RECEIVE
}
