/**
 * A bounded FIFO over a fixed array: pushing past the capacity drops the oldest items and counts
 * them, so whoever renders it can say how many were lost. Items are kept in order of a sort key;
 * `insertSorted` merges a batch that arrived late (another container's backlog) into place.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private head = 0;
  private size = 0;
  /** Items dropped from the front since creation (or the last clear). */
  evicted = 0;

  /**
   * @param onDrop told about each item the bound pushes out, so a holder can keep running totals
   *   (e.g. lines per level) without re-counting everything held.
   */
  constructor(
    readonly capacity: number,
    private readonly onDrop?: (item: T) => void,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
    this.items = RingBuffer.slots(capacity);
  }

  /** A filled array: `new Array(n)` past ~64k elements is a slow dictionary-mode array in V8. */
  private static slots<T>(n: number): (T | undefined)[] {
    const a: (T | undefined)[] = [];
    for (let i = 0; i < n; i++) a.push(undefined);
    return a;
  }

  get length(): number {
    return this.size;
  }

  /** The i-th item, oldest first; undefined outside 0…length-1. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.size) return undefined;
    return this.items[(this.head + i) % this.capacity];
  }

  first(): T | undefined {
    return this.at(0);
  }

  last(): T | undefined {
    return this.at(this.size - 1);
  }

  /** Appends; returns how many items were dropped from the front to make room (0 or 1). */
  push(item: T): number {
    const tail = (this.head + this.size) % this.capacity;
    if (this.size < this.capacity) {
      this.items[tail] = item;
      this.size++;
      return 0;
    }
    // Full: the tail slot is the head, the oldest item.
    if (this.onDrop) this.onDrop(this.items[tail] as T);
    this.items[tail] = item;
    this.head = (this.head + 1) % this.capacity;
    this.evicted++;
    return 1;
  }

  /** Drops everything after the first `n` items (n ≤ length). */
  truncate(n: number): void {
    for (let i = n; i < this.size; i++) this.items[(this.head + i) % this.capacity] = undefined;
    this.size = Math.max(0, Math.min(n, this.size));
  }

  clear(): void {
    this.items = RingBuffer.slots(this.capacity);
    this.head = 0;
    this.size = 0;
    this.evicted = 0;
  }

  /**
   * A plain array of the items, oldest first (a snapshot; later pushes do not change it). `lead`,
   * when given, goes first: one pass and one allocation, where prepending later would copy it all.
   */
  toArray(lead?: T): T[] {
    const offset = lead === undefined ? 0 : 1;
    const out = new Array<T>(this.size + offset);
    if (lead !== undefined) out[0] = lead;
    // Two straight runs (head → end of storage, then its start) instead of a modulo per item.
    const firstRun = Math.min(this.size, this.capacity - this.head);
    for (let i = 0; i < firstRun; i++) out[offset + i] = this.items[this.head + i] as T;
    for (let i = firstRun; i < this.size; i++) out[offset + i] = this.items[i - firstRun] as T;
    return out;
  }

  /** Index of the first item whose key is greater than `key` (binary search; items are sorted). */
  upperBound(key: string, keyOf: (item: T) => string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyOf(this.at(mid) as T) <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Inserts a batch that is sorted by `keyOf` so the whole buffer stays sorted. Items with an equal
   * key keep arrival order (the batch goes after what is held). In-order batches — the common case,
   * a live stream — are plain appends; a late batch costs the items after its first key.
   * Returns how many items were dropped from the front.
   */
  insertSorted(batch: readonly T[], keyOf: (item: T) => string): number {
    if (batch.length === 0) return 0;
    const before = this.evicted;
    const at = this.upperBound(keyOf(batch[0]!), keyOf); // not empty
    if (at === this.size) {
      for (const item of batch) this.push(item);
      return this.evicted - before;
    }
    const tail = new Array<T>(this.size - at);
    for (let i = at; i < this.size; i++) tail[i - at] = this.at(i) as T;
    this.truncate(at);
    let i = 0;
    let j = 0;
    // The `!`s below: every index is checked against its array's length in the loop condition.
    while (i < tail.length && j < batch.length) {
      // `<=`: held items go first on ties, so a late batch never jumps ahead of equal keys.
      if (keyOf(tail[i]!) <= keyOf(batch[j]!)) this.push(tail[i++]!);
      else this.push(batch[j++]!);
    }
    while (i < tail.length) this.push(tail[i++]!);
    while (j < batch.length) this.push(batch[j++]!);
    return this.evicted - before;
  }
}
