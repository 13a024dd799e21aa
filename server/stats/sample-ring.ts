import type { StatsNumbers } from "@/server/docker/stats-math";

const FIELDS = ["cpuPercent", "memUsage", "memLimit", "netRx", "netTx", "blkRead", "blkWrite", "pids"] as const satisfies readonly (keyof StatsNumbers)[];
const WIDTH = FIELDS.length + 1; // + time

/**
 * The last N one-second samples of a container in one Float64Array: ~70 kB for 15 minutes,
 * no per-sample objects for the garbage collector to chase across hundreds of containers.
 */
export class SampleRing {
  private readonly data: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.data = new Float64Array(capacity * WIDTH);
  }

  get size(): number {
    return this.count;
  }

  push(timeMs: number, n: StatsNumbers): void {
    const slot = ((this.start + this.count) % this.capacity) * WIDTH;
    this.data[slot] = timeMs;
    for (let i = 0; i < FIELDS.length; i++) this.data[slot + 1 + i] = n[FIELDS[i]!];
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** Samples newer than `sinceMs`, oldest first. */
  since(sinceMs: number): { timeMs: number; numbers: StatsNumbers }[] {
    const out: { timeMs: number; numbers: StatsNumbers }[] = [];
    for (let k = 0; k < this.count; k++) {
      const slot = ((this.start + k) % this.capacity) * WIDTH;
      const t = this.data[slot]!;
      if (t <= sinceMs) continue;
      const numbers = {} as StatsNumbers;
      for (let i = 0; i < FIELDS.length; i++) numbers[FIELDS[i]!] = this.data[slot + 1 + i]!;
      out.push({ timeMs: t, numbers });
    }
    return out;
  }

  /** Bytes held, for the memory budget. */
  get bytes(): number {
    return this.data.byteLength;
  }
}
