// The uniform of one chunk of the epoch-fused path (one 256-byte block per chunk, bound with a
// dynamic offset): steps first .. first + count - 1, which no spike of the chunk can reach
// (count <= the minimum NetCon delay in steps + 1; src/backend/webgpu/epoch-plan.ts).
struct Chunk {
  first: u32,        // n of the chunk's first step
  count: u32,        // steps in the chunk
  hostFirst: u32,    // n of the submit's first step: times[2 (n - hostFirst)] is t_n, + 1 t_n + dt/2
  steps: u32,        // steps of the run (no detector test at its last boundary)
  sampleBase: u32,   // samples recorded before the submit (record slots are relative to it)
  recordEvery: u32,  // steps per sample
  trainBegin: u32,   // train events of boundaries first .. first + count - 1
  trainEnd: u32,
  dt: f32,           // [ms]
  celsius: f32,      // [degC]
  cfac: f32,         // 0.001 * (1/dt)
  parity: u32,       // the chunk's index in the submit, mod 2 (which spike-list word deliver_chunk reads)
  // 0, unknown to the compiler: xor'd into each current contribution before the node's sum, so
  // that no compiler fuses the contribution's last product into the sum as one FMA (WGSL lets it
  // contract; the per-step path sums contributions read from memory, where it cannot)
  opaqueZero: u32,
}
