// The per-step uniform of the WebGPU backend (one 256-byte block per step, bound with a
// dynamic offset), shared by the cell, inject and record kernels. Every kernel runs 64
// invocations per workgroup on a grid of x * y workgroups (y > 1 only past the adapter's
// maxComputeWorkgroupsPerDimension): invocation id.x + id.y * 64 x.
struct Step {
  t: f32,            // t_n, the boundary [ms]
  tMid: f32,         // t_n + dt/2
  tNext: f32,        // t_{n+1}
  slot: u32,         // ring slot of boundary n
  next: u32,         // n + 1: the boundary the cell kernel's detectors test
  solve: u32,        // 1: advance the cells; 0: only test the detectors (boundary 0)
  detect: u32,       // 1: test the detectors (not at the run's last boundary)
  trainBegin: u32,   // train events of boundary n: trainBegin .. trainEnd
  trainEnd: u32,
  sample: u32,       // record slot of this step's sample
}
