// The cheapest useful dispatch: one word incremented per invocation of a 64-wide workgroup.
// Timing many of them in one compute pass measures what a dispatch costs on an adapter
// (backend/webgpu/dispatch-cost.ts), for the 'auto' backend choice.

@group(0) @binding(0) var<storage, read_write> counter: array<atomic<u32>, 1>;

@compute @workgroup_size(64)
fn dispatch_probe(@builtin(global_invocation_id) id: vec3<u32>) {
  if (id.x == 0u) {
    atomicAdd(&counter[0], 1u);
  }
}
