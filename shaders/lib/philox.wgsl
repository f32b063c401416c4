// Philox4x32-10 (Random123) with NEURON's nrnran123 layout, in 32-bit integer arithmetic only.
// counter = [seq, id3, id1, id2], key = [globalIndex, 0]; draw k of a stream is lane k % 4 of
// the block with seq = k / 4. Twin of src/rng/philox.ts: both give the same uint32 bits.

const PHILOX_M0: u32 = 0xD2511F53u;
const PHILOX_M1: u32 = 0xCD9E8D57u;
const PHILOX_W0: u32 = 0x9E3779B9u;
const PHILOX_W1: u32 = 0xBB67AE85u;

/// High 32 bits of the 64-bit product a*b, from 16-bit halves (no 64-bit types needed).
fn mulhi32(a: u32, b: u32) -> u32 {
  let a_lo = a & 0xffffu;
  let a_hi = a >> 16u;
  let b_lo = b & 0xffffu;
  let b_hi = b >> 16u;
  let ll = a_lo * b_lo;
  let lh = a_lo * b_hi;
  let hl = a_hi * b_lo;
  let hh = a_hi * b_hi;
  let cross = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return hh + (lh >> 16u) + (hl >> 16u) + (cross >> 16u);
}

fn philox4x32(counter: vec4<u32>, key: vec2<u32>) -> vec4<u32> {
  var c = counter;
  var k = key;
  for (var round = 0u; round < 10u; round++) {
    if (round > 0u) {
      k = vec2<u32>(k.x + PHILOX_W0, k.y + PHILOX_W1);
    }
    let hi0 = mulhi32(PHILOX_M0, c.x);
    let lo0 = PHILOX_M0 * c.x;
    let hi1 = mulhi32(PHILOX_M1, c.z);
    let lo1 = PHILOX_M1 * c.z;
    c = vec4<u32>(hi1 ^ c.y ^ k.x, lo1, hi0 ^ c.w ^ k.y, lo0);
  }
  return c;
}

/// A Random123 stream: NEURON's Random123(id1, id2, id3) with its next draw index.
struct Rng123 {
  ids: vec3<u32>,      // id1, id2, id3
  global_index: u32,   // key word 0 (cfg.rand123GlobalIndex)
  index: u32,          // next draw
}

fn rng_make(id1: u32, id2: u32, id3: u32, global_index: u32) -> Rng123 {
  return Rng123(vec3<u32>(id1, id2, id3), global_index, 0u);
}

/// uint32 draw number k of the stream (random access).
fn rng_u32_at(s: Rng123, k: u32) -> u32 {
  let block = philox4x32(vec4<u32>(k >> 2u, s.ids.z, s.ids.x, s.ids.y), vec2<u32>(s.global_index, 0u));
  return block[k & 3u];
}

/// Next uint32 (nrnran123_ipick).
fn rng_next_u32(s: ptr<function, Rng123>) -> u32 {
  let value = rng_u32_at(*s, (*s).index);
  (*s).index = (*s).index + 1u;
  return value;
}
