// The input ring of the WebGPU backend holds f32 weights as u32 bits, because WGSL atomics
// are integer only: adding is a compare-exchange loop (exact for one writer; the order of
// simultaneous adds to one target is not fixed). Used by the cell and inject kernels.

/// ring[i] += w.
fn ring_add(i: u32, w: f32) {
  var old = atomicLoad(&ring[i]);
  loop {
    let r = atomicCompareExchangeWeak(&ring[i], old, bitcast<u32>(bitcast<f32>(old) + w));
    if (r.exchanged) { break; }
    old = r.old_value;
  }
}
