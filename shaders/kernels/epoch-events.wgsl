// Event passes of the epoch-fused path, one each per chunk (shaders/kernels/chunk.wgsl):
//   inject_chunk   train spikes (NetStim, VecStim) of every boundary of the chunk into the input
//                  ring at once (the ring holds ringSlots >= count boundaries);
//   deliver_chunk  after the chunk's cell kernels: the NetCons of every detector spike the chunk
//                  appended, each at its own boundary + delay steps (all beyond the chunk).
// Both set the event flag of the receiving cell's workgroup at the event's slot (epoch-plan.ts).
// Requires chunk.wgsl (Chunk), ring.wgsl (deliver) and spikes.wgsl (the spike list) before this text.

struct Events {
  ringSlotStride: u32,    // the ring's layout (ring.wgsl)
  ringTargetStride: u32,
  ringSlots: u32,
  arts: u32,         // inbox targets per slot (none on this path; ring.wgsl's deliver takes it)
  ncStart: u32,      // offsets into topo: NetCons per cell (count + 1) ...
  nc: u32,           // ... (target, delay steps, weight bits, flag row: epoch-plan.ts topoWithFlagRows) per NetCon, 16-byte aligned
  maxSpikes: u32,
  flags: u32,             // the event flags in the ring: workgroup w's of slot s at flags + w ringSlots + s
  targetWorkgroups: u32,  // offset in plan: per ring target, its cell's workgroup
  workgroups: u32,        // of the fused kernels, all types
}

@group(0) @binding(0) var<uniform> events: Events;
@group(0) @binding(1) var<uniform> chunk: Chunk;
@group(0) @binding(2) var<storage, read> trains: array<vec4<u32>>;   // target, weight bits, time bits, boundary
@group(0) @binding(3) var<storage, read> topo: array<vec4<u32>>;   // layout.ts's topo, its NetCons as vec4s
@group(0) @binding(4) var<storage, read_write> ring: array<atomic<u32>>;
@group(0) @binding(5) var<storage, read_write> inbox: array<atomic<u32>>;
@group(0) @binding(6) var<storage, read_write> spikes: array<atomic<u32>>;
@group(0) @binding(7) var<storage, read> plan: array<u32>;

/// Word i of topo.
fn topo_word(i: u32) -> u32 {
  return topo[i / 4u][i % 4u];
}

/// An event into the ring, and the flag at `slot` of the receiving workgroup's row of flags.
fn deliver_flagged(to: u32, slot: u32, w: f32, flagRow: u32) {
  deliver(to, slot, 0.0, w, events.ringSlotStride, events.ringTargetStride, events.arts);
  if (to >= ART) { return; }
  // most events find the flag set already: reading first keeps its cache line shared between cores
  let flag = flagRow + slot;
  if (atomicLoad(&ring[flag]) == 0u) { atomicStore(&ring[flag], 1u); }
}

@compute @workgroup_size(64)
fn inject_chunk(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let e = chunk.trainBegin + id.x + id.y * groups.x * 64u;
  if (e >= chunk.trainEnd) { return; }
  let ev = trains[e];
  var flagRow = 0u;
  if (ev.x < ART) { flagRow = events.flags + plan[events.targetWorkgroups + ev.x] * events.ringSlots; }
  deliver_flagged(ev.x, ev.w % events.ringSlots, bitcast<f32>(ev.y), flagRow);
}

/// After the chunk's cell kernels: every workgroup's event flags of the chunk's slots back to 0
/// (invocation w count + j: workgroup w, step j).
@compute @workgroup_size(64)
fn clear_flags(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let i = id.x + id.y * groups.x * 64u;
  if (i >= events.workgroups * chunk.count) { return; }
  let w = i / chunk.count;
  atomicStore(&ring[events.flags + w * events.ringSlots + (chunk.first + i % chunk.count) % events.ringSlots], 0u);
}

/// The range of the spike list to deliver, read once per workgroup.
var<workgroup> pending: vec2<u32>;

/// Spike list words 2 and 3: how far the list has been delivered, read by the chunk's parity and
/// written for the next chunk (two words: no workgroup may see the update of another; the host
/// clears them with the list). Workgroup w takes spikes w, w + workgroups, ...; its invocations
/// share out each spike's NetCons, so a spike with many is spread and the NetCons read together
/// lie together (1 000 NetCons a spike: 1.9x faster than an invocation per spike on llvmpipe; 20:
/// the same). Event times matter to inboxes only, and this path has none.
@compute @workgroup_size(64)
fn deliver_chunk(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lane: u32, @builtin(num_workgroups) groups: vec3<u32>) {
  let w = wid.x + wid.y * groups.x;
  if (lane == 0u) {
    let end = min(atomicLoad(&spikes[0]), events.maxSpikes);
    pending = vec2<u32>(atomicLoad(&spikes[2u + chunk.parity]), end);
    if (w == 0u) { atomicStore(&spikes[3u - chunk.parity], end); }
  }
  let range = workgroupUniformLoad(&pending);
  for (var j = range.x + w; j < range.y; j += groups.x * groups.y) {
    let at = SPIKES_HEADER + 3u * j;
    let c = atomicLoad(&spikes[at]);
    let boundary = atomicLoad(&spikes[at + 1u]);
    let last = topo_word(events.ncStart + c + 1u);
    for (var k = topo_word(events.ncStart + c) + lane; k < last; k += 64u) {
      let nc = topo[events.nc / 4u + k];
      deliver_flagged(nc.x, (boundary + nc.y) % events.ringSlots, bitcast<f32>(nc.z), nc.w);
    }
  }
}
