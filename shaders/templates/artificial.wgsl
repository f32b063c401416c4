// One group of event-driven artificial cells (IntFire1/2/4): SoA fields (field f of instance
// k at fields[f * count + k]); node[k] holds the instance's cell. Entry points:
//   initial  INITIAL at t = 0 (its net_send sets the instance's self-event);
//   receive  boundary n: the events of the instance's inbox and its self-event when due
//            (time <= t_n + dt/2), one NET_RECEIVE each in time order (inbox events first on
//            ties); net_send/net_move keep one movable self-event; net_event records a spike
//            at its time and delivers the cell's NetCons (delays of at least one step).
// Requires step.wgsl (Step), ring.wgsl (deliver, INBOX_CAP) and spikes.wgsl (append_spike)
// before this text.
// Slots (lines `//! slot NAME`) are filled by src/mech/wgsl-module.ts.

struct Group {
  count: u32,        // instances
  arts: u32,         // inbox targets per slot (all artificial groups)
  artBase: u32,      // the group's first inbox target
  ringSlotStride: u32,   // the ring's layout (ring.wgsl; ringTargetStride below)
  ringSlots: u32,
  dt: f32,           // [ms]
  celsius: f32,      // [degC]
  maxSpikes: u32,
  ncStart: u32,      // topo offsets: NetCons by source cell ...
  nc: u32,           // ... (target, delay steps, weight bits, delay bits)
  ringTargetStride: u32,
}

@group(0) @binding(0) var<uniform> group: Group;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<storage, read_write> fields: array<f32>;
@group(0) @binding(3) var<storage, read> node: array<u32>;
@group(0) @binding(4) var<storage, read> tables: array<f32>;
@group(0) @binding(5) var<storage, read_write> inbox: array<atomic<u32>>;
// Per instance: the movable self-event (time [ms], flag); time < 0: none.
@group(0) @binding(6) var<storage, read_write> selfEvent: array<vec2<f32>>;
// the epoch's spike list (shaders/kernels/spikes.wgsl)
@group(0) @binding(7) var<storage, read_write> spikes: array<atomic<u32>>;
@group(0) @binding(8) var<storage, read> topo: array<u32>;
@group(0) @binding(9) var<storage, read_write> ring: array<atomic<u32>>;

// NEURON's t in the block being run [ms]: 0 in INITIAL, the event's time in NET_RECEIVE.
var<private> now: f32;

fn net_send(k: u32, time: f32, flag: f32) {
  selfEvent[k] = vec2<f32>(time, flag);
}

fn net_move(k: u32, time: f32) {
  if (selfEvent[k].x >= 0.0) { selfEvent[k].x = time; }
}

fn net_event(k: u32, time: f32) {
  let c = node[k];
  append_spike(c, step.next - 1u, bitcast<u32>(time), group.maxSpikes);
  for (var q = topo[group.ncStart + c]; q < topo[group.ncStart + c + 1u]; q++) {
    let at = group.nc + 4u * q;
    let te = time + bitcast<f32>(topo[at + 3u]);
    // the first boundary m with te <= t_m + dt/2
    let m = u32(ceil((te - 0.5 * group.dt) / group.dt));
    deliver(topo[at], m % group.ringSlots, te, bitcast<f32>(topo[at + 2u]), group.ringSlotStride, group.ringTargetStride, group.arts);
  }
}

//! slot FUNCTIONS

fn on_event(k: u32, w: f32, flag: f32) {
//! slot RECEIVE
}

@compute @workgroup_size(64)
fn initial(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= group.count) { return; }
  now = step.t;
  selfEvent[k] = vec2<f32>(-1.0, 0.0);
//! slot INITIAL
}

@compute @workgroup_size(64)
fn receive(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let k = id.x + id.y * groups.x * 64u;
  if (k >= group.count) { return; }
  let box = step.slot * group.arts + group.artBase + k;
  let arrived = atomicLoad(&inbox[box]);
  atomicStore(&inbox[box], 0u);
  if (arrived > INBOX_CAP) { atomicAdd(&spikes[1], arrived - INBOX_CAP); }
  let n = min(arrived, INBOX_CAP);
  let base = arrayLength(&inbox) / (1u + 2u * INBOX_CAP) + box * INBOX_CAP * 2u;
  var times: array<f32, 16>;
  var weights: array<f32, 16>;
  for (var j = 0u; j < n; j++) {
    times[j] = bitcast<f32>(atomicLoad(&inbox[base + 2u * j]));
    weights[j] = bitcast<f32>(atomicLoad(&inbox[base + 2u * j + 1u]));
  }
  let due = step.t + 0.5 * group.dt;
  var used = 0u;
  for (var iteration = 0u; iteration < 256u; iteration++) {
    var best = n;
    for (var j = 0u; j < n; j++) {
      if ((used & (1u << j)) == 0u && (best == n || times[j] < times[best])) { best = j; }
    }
    let own = selfEvent[k];
    if (own.x >= 0.0 && own.x <= due && (best == n || own.x < times[best])) {
      selfEvent[k].x = -1.0;
      now = own.x;
      on_event(k, 0.0, own.y);
    } else if (best < n) {
      used = used | (1u << best);
      now = times[best];
      on_event(k, weights[best], 0.0);
    } else {
      break;
    }
  }
}
