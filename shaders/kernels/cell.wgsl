// One invocation per compartmental cell: the cable equation of its nodes (contiguous, parents
// first), then its spike detector. Mirrors src/backend/cpu/cable-kernel.ts operation by
// operation:
//   rhs = sum of the contributions, d = sum of the di/dv contributions + cfac*cm (each
//   node's list in the CPU's order: mechanism group, then instance last-added first);
//   axial terms, Hines elimination from the leaves, back substitution, v += rhs.
// Cells of the network's most common shape (node count and parents; slot SHAPE, filled by
// src/backend/webgpu/cell-shape.ts) are solved by straight-line code with the same operations
// in the same order, others by the loops of solve_nodes.
// Detector: v at boundary n + 1 above threshold, first time -> spike (cell, n + 1) appended;
// deliver_spikes, the step's last kernel, adds the NetCons' weights of the step's spikes to the
// input ring at boundary n + 1 + delay steps (a separate pass: on SIMD adapters such as
// llvmpipe a rare branch still costs every invocation its whole length).
// Requires step.wgsl (Step), ring.wgsl (deliver) and spikes.wgsl (append_spike) before this text.

struct Cells {
  count: u32,
  cfac: f32,            // 0.001*(1/dt)
  ringSlotStride: u32,  // the ring's layout (ring.wgsl)
  ringSlots: u32,
  contribStart: u32,    // offsets into topo: per node (count + 1)
  contribIndex: u32,
  nodeStart: u32,       // per cell (count + 1)
  detNode: u32,         // per cell, 0xffffffff: none
  detThreshold: u32,    // per cell, f32 bits
  ncStart: u32,         // per cell (count + 1)
  nc: u32,              // per NetCon: target, delay steps, weight bits, delay bits
  flags: u32,           // offset of the detector flags in V (4 nodes): 1.0 while above threshold
  maxSpikes: u32,
  nodes: u32,           // V holds v (nodes), its compensation, and v as the solver left it
  arts: u32,            // inbox targets (artificial cells) per slot
  shaped: u32,          // per cell: 1 if it has the shape of solve_shape
  ringTargetStride: u32,
}

@group(0) @binding(0) var<uniform> cells: Cells;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<storage, read> nodeData: array<vec4<f32>>;   // a, b, cm, parent bits
// V[i]: v [mV]; V[nodes + i]: the rounding error carried by the compensated v += rhs;
// V[2 nodes + i]: v as this kernel left it (a v set by a mechanism restarts the compensation);
// V[3 nodes + i]: the variable a vref point process on node i publishes for its detector;
// V[4 nodes + c]: cell c's detector flag (1.0 while above threshold).
@group(0) @binding(3) var<storage, read_write> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> work: array<vec2<f32>>; // rhs, d
@group(0) @binding(5) var<storage, read> contrib: array<vec2<f32>>;
@group(0) @binding(6) var<storage, read> topo: array<u32>;
@group(0) @binding(7) var<storage, read_write> spikes: array<atomic<u32>>;   // spikes.wgsl
@group(0) @binding(8) var<storage, read_write> ring: array<atomic<u32>>;
@group(0) @binding(9) var<storage, read_write> inbox: array<atomic<u32>>;

/// V[i] += x as a two-float sum (Knuth's TwoSum), so increments below an ulp of v accumulate
/// (as in src/backend/cpu/cable-kernel.ts).
fn add_compensated(i: u32, x: f32) {
  let a = V[i];
  var lo = V[cells.nodes + i];
  if (a != V[2u * cells.nodes + i]) { lo = 0.0; }
  let s = a + x;
  let xx = s - a;
  let err = (a - (s - xx)) + (x - xx);
  lo = lo + err;
  let hi = s + lo;
  V[cells.nodes + i] = lo - (hi - s);
  V[i] = hi;
  V[2u * cells.nodes + i] = hi;
}

// detNode entries from VREF up are vref detectors on node (entry - VREF); 0xffffffff: none.
const VREF: u32 = 0x80000000u;

fn parent_of(i: u32) -> i32 {
  return bitcast<i32>(nodeData[i].w);
}

/// Node i's (rhs, d) before the axial terms: its contributions j0 .. j1, then its capacitance.
fn gather(i: u32, j0: u32, j1: u32) -> vec2<f32> {
  var rhs = 0.0;
  var d = 0.0;
  for (var j = j0; j < j1; j++) {
    let q = contrib[topo[cells.contribIndex + j]];
    rhs = rhs + q.x;
    d = d + q.y;
  }
  return vec2<f32>(rhs, d + cells.cfac * nodeData[i].z);
}

/// Nodes n0 .. n1 - 1 of any tree, (rhs, d) in `work`.
fn solve_nodes(n0: u32, n1: u32) {
  for (var i = n0; i < n1; i++) {
    work[i] = gather(i, topo[cells.contribStart + i], topo[cells.contribStart + i + 1u]);
  }
  for (var i = n0; i < n1; i++) {
    let p = parent_of(i);
    if (p < 0) { continue; }
    let pu = u32(p);
    let dv = V[pu] - V[i];
    work[i].x = work[i].x - nodeData[i].y * dv;
    work[pu].x = work[pu].x + nodeData[i].x * dv;
    work[i].y = work[i].y - nodeData[i].y;
    work[pu].y = work[pu].y - nodeData[i].x;
  }
  for (var i = n1; i > n0; i--) {
    let k = i - 1u;
    let p = parent_of(k);
    if (p < 0) { continue; }
    let pu = u32(p);
    let f = nodeData[k].x / work[k].y;
    work[pu].y = work[pu].y - f * nodeData[k].y;
    work[pu].x = work[pu].x - f * work[k].x;
  }
  for (var i = n0; i < n1; i++) {
    let p = parent_of(i);
    var rhs = work[i].x;
    if (p >= 0) { rhs = rhs - nodeData[i].y * work[u32(p)].x; }
    rhs = rhs / work[i].y;
    work[i].x = rhs;
    add_compensated(i, rhs);
  }
}

//! slot SHAPE

@compute @workgroup_size(64)
fn cell(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let c = id.x + id.y * groups.x * 64u;
  if (c >= cells.count) { return; }
  if (step.solve == 1u) {
    let n0 = topo[cells.nodeStart + c];
    if (topo[cells.shaped + c] == 1u) {
      solve_shape(n0);
    } else {
      solve_nodes(n0, topo[cells.nodeStart + c + 1u]);
    }
  }
  let dn = topo[cells.detNode + c];
  if (step.detect == 0u || dn >= VREF) { return; }
  detect(c, V[dn]);
}

/// vref detectors, after the state kernels and the publish kernels: the point process's
/// variable, published at V[3 nodes + its node], at boundary n + 1.
@compute @workgroup_size(64)
fn detect_vref(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let c = id.x + id.y * groups.x * 64u;
  if (c >= cells.count || step.detect == 0u) { return; }
  let dn = topo[cells.detNode + c];
  if (dn == 0xffffffffu || dn < VREF) { return; }
  detect(c, V[3u * cells.nodes + (dn - VREF)]);
}

/// Cell c's detector sees `value` at boundary n + 1: above threshold for the first time -> a spike.
fn detect(c: u32, value: f32) {
  let flag = cells.flags + c;
  if (value > bitcast<f32>(topo[cells.detThreshold + c])) {
    if (V[flag] == 0.0) {
      V[flag] = 1.0;
      append_spike(c, step.next, DETECTOR_TIME, cells.maxSpikes);
    }
  } else {
    V[flag] = 0.0;
  }
}

/// The spike list's range to deliver, read once per workgroup (an atomicLoad is a
/// read-modify-write on some backends: one per invocation would contend).
var<workgroup> pending: vec2<u32>;

/// The NetCons of the detector spikes appended since the previous boundary's deliveries (the
/// spikes of artificial cells deliver themselves), each spike by one invocation of a grid
/// that strides over them.
@compute @workgroup_size(64)
fn deliver_spikes(@builtin(global_invocation_id) id: vec3<u32>, @builtin(local_invocation_index) lane: u32, @builtin(num_workgroups) groups: vec3<u32>) {
  let i = id.x + id.y * groups.x * 64u;
  if (lane == 0u) {
    let end = min(atomicLoad(&spikes[0]), cells.maxSpikes);
    pending = vec2<u32>(atomicLoad(&spikes[2u + (step.next & 1u)]), end);
    if (i == 0u) { atomicStore(&spikes[2u + ((step.next + 1u) & 1u)], end); }
  }
  let range = workgroupUniformLoad(&pending);
  for (var j = range.x + i; j < range.y; j += groups.x * groups.y * 64u) {
    let at = SPIKES_HEADER + 3u * j;
    if (atomicLoad(&spikes[at + 2u]) != DETECTOR_TIME) { continue; }
    let c = atomicLoad(&spikes[at]);
    for (var k = topo[cells.ncStart + c]; k < topo[cells.ncStart + c + 1u]; k++) {
      let q = cells.nc + 4u * k;
      let slot = (step.next + topo[q + 1u]) % cells.ringSlots;
      deliver(topo[q], slot, step.tNext + bitcast<f32>(topo[q + 3u]), bitcast<f32>(topo[q + 2u]), cells.ringSlotStride, cells.ringTargetStride, cells.arts);
    }
  }
}
