import type { StatsNumbers } from "@/server/docker/stats-math";

/** Resolutions kept in the store, and for how long (the example tiers, 10 s standing in for "full"). */
export const TIERS = [
  { seconds: 10, keepSeconds: 60 * 60 },
  { seconds: 60, keepSeconds: 24 * 60 * 60 },
  { seconds: 300, keepSeconds: 7 * 24 * 60 * 60 },
] as const;

export interface Point {
  tier: number;
  /** Bucket start, Unix seconds. */
  bucket: number;
  numbers: StatsNumbers;
}

/**
 * Folds one-second samples into fixed buckets: CPU, memory and PIDs are averaged over the
 * bucket; cumulative counters (network, block I/O) and the memory limit keep their last value,
 * so rates can still be derived from consecutive points.
 */
export class Bucketer {
  private bucket = -1;
  private n = 0;
  private sum = { cpuPercent: 0, memUsage: 0, pids: 0 };
  private last?: StatsNumbers;

  constructor(readonly tier: number) {}

  /** Adds a sample; returns the previous bucket's point when this sample starts a new bucket. */
  add(timeMs: number, s: StatsNumbers): Point | undefined {
    const bucket = Math.floor(timeMs / 1000 / this.tier) * this.tier;
    let done: Point | undefined;
    if (bucket !== this.bucket) {
      done = this.flush();
      this.bucket = bucket;
    }
    this.n++;
    this.sum.cpuPercent += s.cpuPercent;
    this.sum.memUsage += s.memUsage;
    this.sum.pids += s.pids;
    this.last = s;
    return done;
  }

  /** The bucket in progress as a point (at container stop or shutdown), then starts afresh. */
  flush(): Point | undefined {
    if (this.n === 0 || !this.last) return undefined;
    const point: Point = {
      tier: this.tier,
      bucket: this.bucket,
      numbers: { ...this.last, cpuPercent: this.sum.cpuPercent / this.n, memUsage: this.sum.memUsage / this.n, pids: this.sum.pids / this.n },
    };
    this.n = 0;
    this.sum = { cpuPercent: 0, memUsage: 0, pids: 0 };
    this.last = undefined;
    return point;
  }
}
