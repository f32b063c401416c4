// One cell type of the epoch-fused path (DESIGN §5a): one invocation integrates one cell over a
// whole chunk of steps (shaders/kernels/chunk.wgsl), which no spike of the chunk can reach. Per
// step, the operations of the per-step kernels in their order (mechanism.wgsl, cell.wgsl):
//   receive  each linear receiver's NET_RECEIVE with boundary n's summed weights (then cleared);
//   current  each mechanism's BREAKPOINT at v + 0.001 and at v: its (rhs, d) contribution;
//   solve    per node rhs and d summed in the CPU's order, axial terms, Hines elimination, back
//            substitution, compensated v += rhs;
//   state    each mechanism's SOLVE with the new v;
//   record   the cell's probes, every recordEvery steps;
//   detect   the threshold test at boundary n + 1: a spike (cell, n + 1) appended to the list;
//   watch    each mechanism's WATCH conditions at boundary n + 1, handlers at once (they may set v).
// Every field, v, its compensation and the detector flag live in registers for the chunk: loaded
// at its start, stored at its end. The cell type fixes the node tree and which mechanism
// instance sits on which node, so the code is straight-line per node and per instance; the
// instances of a cell are read from its row of `plan` (src/backend/webgpu/epoch-plan.ts).
// STEP ends with `let detected` = v at the detector's node (a cell without one has an infinite
// threshold). Slots are filled by src/backend/webgpu/epoch-kernel.ts. Requires chunk.wgsl and spikes.wgsl
// before this text.

@group(0) @binding(0) var<uniform> chunk: Chunk;
// The submit's times (t_n, t_n + dt/2 as f32 bits, from n = hostFirst), then from TABLE on the
// rows of every cell type (cell, first node, detector threshold bits, probe begin and end,
// instance of each slot, scale bits of each slot) and the probes (local id, record slot) as pairs.
@group(0) @binding(1) var<storage, read> plan: array<u32>;
// Each group's tables as rows (src/mech/render-wgsl.ts tableRows) at its offset.
@group(0) @binding(2) var<storage, read> params: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> fields: array<f32>;   // each group's fields at its offset
@group(0) @binding(4) var<storage, read_write> V: array<f32>;        // cell.wgsl's layout
@group(0) @binding(5) var<storage, read> nodeData: array<vec4<f32>>; // a, b, cm, parent bits
@group(0) @binding(6) var<storage, read_write> ring: array<f32>;
@group(0) @binding(7) var<storage, read_write> spikes: array<atomic<u32>>;
@group(0) @binding(8) var<storage, read_write> rec: array<f32>;

// NEURON's t in the block being run [ms].
var<private> now: f32;

// A point process's own net_event is not a spike source in NetPyNE (its detector is the
// section's), so net_event does nothing here (as in mechanism.wgsl).
fn net_event(k: u32, time: f32) {
  _ = k;
  _ = time;
}

/// x as it is, through chunk.opaqueZero (chunk.wgsl): a sum of opaque(a * b) is not contracted to an FMA.
fn opaque(x: f32) -> f32 {
  return bitcast<f32>(bitcast<u32>(x) ^ chunk.opaqueZero);
}

//! slot CONSTANTS

//! slot FUNCTIONS

// Event flags (epoch-plan.ts): this workgroup's of ring slot s at flagsAt + s, set by the event
// passes, read with one index for the whole workgroup (cleared by clear_flags after the chunk).
@compute @workgroup_size(WORKGROUP)
fn epoch(@builtin(global_invocation_id) id: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let i = id.x + id.y * groups.x * WORKGROUP;
  if (i >= TYPE_CELLS) { return; }
  let flagsAt = RING_FLAGS + (WORKGROUP_BASE + wid.x + wid.y * groups.x) * RING_SLOTS;
  let row = TABLE + TYPE_ROWS + i * ROW_WORDS;
  let c = plan[row];
  let n0 = plan[row + 1u];
  let threshold = bitcast<f32>(plan[row + 2u]);
  let probeBegin = plan[row + 3u];
  let probeEnd = plan[row + 4u];
  var flag = V[FLAGS + c];
//! slot LOAD
  // steps until the next sample: (n + 1) % recordEvery == 0 without a division per step
  var untilSample = (chunk.recordEvery - (chunk.first + 1u) % chunk.recordEvery) % chunk.recordEvery;
  for (var j = 0u; j < chunk.count; j++) {
    let n = chunk.first + j;
    let _at = 2u * (n - chunk.hostFirst);   // plan[_at]: t_n, plan[_at + 1]: t_n + dt/2, plan[_at + 2]: t_{n+1}
    let _slot = n % RING_SLOTS;
    let _events = bitcast<u32>(ring[flagsAt + _slot]) != 0u;   // any input for the workgroup at boundary n
//! slot STEP
    let sampled = untilSample == 0u;
    untilSample = select(untilSample - 1u, chunk.recordEvery - 1u, sampled);
    if (sampled && probeBegin < probeEnd) {
      let sample = (n + 1u) / chunk.recordEvery - chunk.sampleBase;
      for (var p = probeBegin; p < probeEnd; p++) {
        var x = 0.0;
        switch (plan[TABLE + 2u * p]) {
//! slot PROBES
          default: {}
        }
        rec[sample * PROBES + plan[TABLE + 2u * p + 1u]] = x;
      }
    }
    if (n + 1u < chunk.steps) {
      if (detected > threshold) {
        if (flag == 0.0) {
          flag = 1.0;
          append_spike(c, n + 1u, DETECTOR_TIME, MAX_SPIKES);
        }
      } else {
        flag = 0.0;
      }
//! slot WATCH
    }
  }
//! slot STORE
  V[FLAGS + c] = flag;
}
