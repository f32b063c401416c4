// Growable typed-array columns: append in creation order, trim when done. Capacity grows by
// 1.5x, so building 10M connections costs a few copies, not one per element.

type TypedArray = Float64Array | Int32Array | Uint16Array | Int16Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

export class Column<T extends TypedArray> {
  data: T;
  length = 0;

  constructor(
    private readonly Type: TypedArrayConstructor<T>,
    capacity = 1024,
  ) {
    this.data = new Type(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Ensures room for `n` more values without further allocation. */
  reserve(n: number): void {
    if (this.length + n > this.data.length) this.grow(this.length + n);
  }

  /** The values so far: a view of the first `length` elements (no copy; spare capacity stays allocated). */
  finish(): T {
    return this.data.subarray(0, this.length) as T;
  }

  private grow(minimum: number): void {
    const next = new this.Type(Math.max(minimum, Math.ceil(this.data.length * 1.5)));
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }
}

/** A stable counting sort: the permutation that orders `keys` (values in [0, n)) ascending. */
export function stableOrderBy(keys: Int32Array | ArrayLike<number>, count: number, n: number): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) starts[keys[i] + 1]++;
  for (let k = 0; k < n; k++) starts[k + 1] += starts[k];
  const cursor = starts.slice(0, n);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[cursor[keys[i]]++] = i;
  return { order, starts };
}
