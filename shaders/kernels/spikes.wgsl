// The spike list of an epoch (`spikes`, an array<atomic<u32>> declared by the including kernel):
//   [0] spikes appended; [1] events lost to full inboxes (artificial cells);
//   [2], [3] the list's length when the detector spikes of boundary m began to be delivered,
//            by the parity of m (shaders/kernels/cell.wgsl deliver_spikes);
//   from SPIKES_HEADER: spike j as (cell, boundary, time bits), time bits 0xffffffff for a
//   detector's spike (the boundary's time + 1e-10).

const SPIKES_HEADER: u32 = 4u;
const DETECTOR_TIME: u32 = 0xffffffffu;

/// Appends a spike unless the list holds `capacity` already (the count goes on: the host
/// reports the overflow).
fn append_spike(cell: u32, boundary: u32, timeBits: u32, capacity: u32) {
  let j = atomicAdd(&spikes[0], 1u);
  if (j < capacity) {
    let at = SPIKES_HEADER + 3u * j;
    atomicStore(&spikes[at], cell);
    atomicStore(&spikes[at + 1u], boundary);
    atomicStore(&spikes[at + 2u], timeBits);
  }
}
