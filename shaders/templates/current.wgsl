// NEURON's nrn_cur for one instance, in a block where `vk` is its node's v (mechanism.wgsl's
// current pass and the fused kernels, epoch.wgsl): the BREAKPOINT at v + 0.001, then at v; the
// sums of its currents there, i1 and i0, make its (rhs, d) contribution (src/mech/wgsl-module.ts
// currentPasses): (-i0, (i1 - i0) / 0.001), an electrode's with the signs swapped.
  var v = vk + 0.001;
//! slot BREAKPOINT
//! slot SUM_AT_V_PLUS
  v = vk;
//! slot BREAKPOINT
//! slot SUM_AT_V
