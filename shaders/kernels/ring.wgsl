// Event delivery of the WebGPU backend. Linear receivers take summed weights in the input ring
// (target t's input at ring slot s at s * slotStride + t * targetStride: per slot, the targets
// contiguous (per-step reads of one slot by every instance), or per target, the slots contiguous
// (the epoch-fused path's reads of one cell's inputs step after step); f32 bits in u32, because WGSL atomics are integer only: adding is a compare-exchange loop,
// exact for one writer; the order of simultaneous adds to one target is not fixed). Artificial
// cells (IntFire) take each event with its time in an inbox: per (boundary slot, target) a
// count, then INBOX_CAP entries (time bits, weight bits). NetCon targets with the ART bit are
// inbox targets; NOWHERE is a NetCon into a receiver whose NET_RECEIVE does nothing with NetCon
// events (Izhi2007b: its flags 1-4 are WATCH and self-events). Used by the cell, inject and
// artificial-cell kernels, which declare `ring` and `inbox`.

const ART: u32 = 0x80000000u;
const NOWHERE: u32 = 0xffffffffu;
const INBOX_CAP: u32 = 16u;

/// ring[i] += w.
fn ring_add(i: u32, w: f32) {
  var old = atomicLoad(&ring[i]);
  loop {
    let r = atomicCompareExchangeWeak(&ring[i], old, bitcast<u32>(bitcast<f32>(old) + w));
    if (r.exchanged) { break; }
    old = r.old_value;
  }
}

/// An event of weight w at `time` [ms] for NetCon target `to`, at the boundary of ring slot
/// `slot` (`slotStride`, `targetStride`: the ring's layout; `arts`: inbox targets per slot). An
/// inbox that is full counts on (the artificial-cell kernel reports the overflow).
fn deliver(to: u32, slot: u32, time: f32, w: f32, slotStride: u32, targetStride: u32, arts: u32) {
  if (to == NOWHERE) { return; }
  if (to < ART) {
    ring_add(slot * slotStride + to * targetStride, w);
    return;
  }
  let box = slot * arts + (to - ART);
  let j = atomicAdd(&inbox[box], 1u);
  if (j < INBOX_CAP) {
    let at = arrayLength(&inbox) / (1u + 2u * INBOX_CAP) + (box * INBOX_CAP + j) * 2u;
    atomicStore(&inbox[at], bitcast<u32>(time));
    atomicStore(&inbox[at + 1u], bitcast<u32>(w));
  }
}
