import { philox4x32 } from './philox.ts';

/** 1/(2^32 + 1): NEURON's nrnran123_uint2dbl scale. */
const SHIFT32 = 1.0 / 4294967297.0;

/** NEURON's uint32 -> double in the open interval (0, 1): (u + 1) * SHIFT32. */
export function uint32ToDouble(u: number): number {
  return (u + 1.0) * SHIFT32;
}

/**
 * A NEURON Random123 stream, `h.Random().Random123(id1, id2, id3)`: draw k is lane k%4
 * of the Philox block with counter [floor(k/4), id3, id1, id2] and key [globalIndex, 0].
 * Draws are sequential (`next*`) or random-access (`uint32At`), which is what makes
 * NetPyNE's per-pair probability draws computable in any order.
 */
export class Random123Stream {
  readonly id1: number;
  readonly id2: number;
  readonly id3: number;
  readonly globalIndex: number;
  /** Index of the next draw. */
  index = 0;
  private readonly block = new Uint32Array(4);
  private blockSeq = -1;

  constructor(id1: number, id2 = 0, id3 = 0, globalIndex = 0) {
    this.id1 = id1 >>> 0;
    this.id2 = id2 >>> 0;
    this.id3 = id3 >>> 0;
    this.globalIndex = globalIndex >>> 0;
  }

  /** The uint32 draw number `k` of this stream (does not move the stream). */
  uint32At(k: number): number {
    const seq = Math.floor(k / 4);
    if (seq !== this.blockSeq) {
      philox4x32(seq >>> 0, this.id3, this.id1, this.id2, this.globalIndex, 0, this.block);
      this.blockSeq = seq;
    }
    return this.block[k - seq * 4];
  }

  /** Next uint32 (NEURON's nrnran123_ipick). */
  nextUint32(): number {
    return this.uint32At(this.index++);
  }

  /** Next double in (0, 1) (NEURON's nrnran123_dblpick, the generator's asDouble()). */
  nextDouble(): number {
    return uint32ToDouble(this.uint32At(this.index++));
  }

  /** Back to draw 0. */
  reset(): void {
    this.index = 0;
  }
}
