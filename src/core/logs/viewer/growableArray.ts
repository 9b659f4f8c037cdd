/** A Uint32Array that grows by doubling: the viewer's lists of positions. */
export class GrowableUint32Array {
  private data: Uint32Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.size;
  }

  at(i: number): number {
    return this.data[i];
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = value;
  }

  /** Drops the values from index `length` on. */
  truncate(length: number): void {
    this.size = Math.max(0, Math.min(this.size, length));
  }

  /** First index whose value is >= `value` (the values are ascending). */
  lowerBound(value: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.data[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A view of the values (shares memory until the next push). */
  view(): Uint32Array {
    return this.data.subarray(0, this.size);
  }
}
