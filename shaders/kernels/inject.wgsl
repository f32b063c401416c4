// Spikes of fixed trains (NetStim, VecStim) reaching boundary n: each train event (target,
// weight bits, time bits), scheduled on the host, is delivered at boundary n.
// Requires step.wgsl (Step) and ring.wgsl (deliver) before this text.

struct Inject {
  ringSlotStride: u32,   // the ring's layout (ring.wgsl)
  ringTargetStride: u32,
  arts: u32,
}

@group(0) @binding(0) var<uniform> inject: Inject;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<storage, read> events: array<vec4<u32>>;
@group(0) @binding(3) var<storage, read_write> ring: array<atomic<u32>>;
@group(0) @binding(4) var<storage, read_write> inbox: array<atomic<u32>>;

@compute @workgroup_size(64)
fn inject_trains(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let e = step.trainBegin + id.x + id.y * groups.x * 64u;
  if (e >= step.trainEnd) { return; }
  let ev = events[e];
  deliver(ev.x, step.slot, bitcast<f32>(ev.z), bitcast<f32>(ev.y), inject.ringSlotStride, inject.ringTargetStride, inject.arts);
}
