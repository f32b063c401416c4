// The segments' ions (NEURON's <ion>_ion mechanisms, eion.cpp) on the GPU; the CPU twin is
// src/backend/cpu/segment-ions.ts. `ions` holds, per ion table j, four arrays of nodeCount
// values from (4 j) nodeCount on: e [mV], i (the total current), in and out [mM]; `style` the
// ION_* bits (compile/model.ts) per (table, node). One invocation per (table, node):
//   ion_init         finitialize's ion_init: the total current zeroed, the concentrations reset
//                    where a mechanism writes them, e a Nernst value where one reads them;
//   nernst_init      after a concentration writer's INITIAL (nrn_wrote_conc): Nernst again;
//   before_currents  ion_cur, before every nrn_rhs: i zeroed, Nernst where one writes them.

struct IonParams {
  nodeCount: u32,
  tables: u32,
  ktf: f32,          // 1000 R (celsius + 273.15) / F [mV]
  _pad: u32,
}

struct IonTableInfo {
  valence: f32,
  ci0: f32,          // <ion>i0_<ion>_ion [mM]
  co0: f32,          // <ion>o0_<ion>_ion [mM]
  _pad: f32,
}

@group(0) @binding(0) var<uniform> params: IonParams;
@group(0) @binding(1) var<storage, read_write> ions: array<f32>;
@group(0) @binding(2) var<storage, read> style: array<u32>;
@group(0) @binding(3) var<storage, read> tableInfo: array<IonTableInfo>;

const ION_RESET_CONC = 1u;
const ION_NERNST_INIT = 2u;
const ION_NERNST_STEP = 4u;

/** The (table, node) of invocation k, and its e index; false past the last. */
fn at(id: vec3<u32>, groups: vec3<u32>) -> vec3<u32> {
  let k = id.x + id.y * groups.x * 64u;
  let j = k / params.nodeCount;
  let node = k - j * params.nodeCount;
  return vec3<u32>(j, node, select(0u, 1u, j < params.tables));
}

/** nrn_nernst: e [mV] from the concentrations [mM]. */
fn nernst(j: u32, node: u32) {
  let base = 4u * j * params.nodeCount + node;
  let z = tableInfo[j].valence;
  let ci = ions[base + 2u * params.nodeCount];
  let co = ions[base + 3u * params.nodeCount];
  var e: f32;
  if (z == 0.0) {
    e = 0.0;
  } else if (ci <= 0.0) {
    e = 1e6;
  } else if (co <= 0.0) {
    e = -1e6;
  } else {
    e = (params.ktf / z) * log(co / ci);
  }
  ions[base] = e;
}

@compute @workgroup_size(64)
fn ion_init(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let p = at(id, groups);
  if (p.z == 0u) { return; }
  let base = 4u * p.x * params.nodeCount + p.y;
  let bits = style[p.x * params.nodeCount + p.y];
  ions[base + params.nodeCount] = 0.0;
  if ((bits & ION_RESET_CONC) != 0u) {
    ions[base + 2u * params.nodeCount] = tableInfo[p.x].ci0;
    ions[base + 3u * params.nodeCount] = tableInfo[p.x].co0;
  }
  if ((bits & ION_NERNST_INIT) != 0u) { nernst(p.x, p.y); }
}

@compute @workgroup_size(64)
fn nernst_init(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let p = at(id, groups);
  if (p.z == 0u) { return; }
  if ((style[p.x * params.nodeCount + p.y] & ION_NERNST_INIT) != 0u) { nernst(p.x, p.y); }
}

@compute @workgroup_size(64)
fn before_currents(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let p = at(id, groups);
  if (p.z == 0u) { return; }
  ions[4u * p.x * params.nodeCount + p.y + params.nodeCount] = 0.0;
  if ((style[p.x * params.nodeCount + p.y] & ION_NERNST_STEP) != 0u) { nernst(p.x, p.y); }
}
