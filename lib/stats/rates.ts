import type { StatsSample } from "@/lib/wire";

/** One chart point: gauges as sampled, cumulative counters turned into per-second rates. */
export interface StatsPoint {
  /** ms since epoch. */
  readonly t: number;
  readonly cpu: number;
  readonly mem: number;
  readonly memLimit: number;
  /** Bytes per second; null where no rate can be known (first point, or a counter reset). */
  readonly rx: number | null;
  readonly tx: number | null;
  readonly read: number | null;
  readonly write: number | null;
  readonly pids: number;
}

/** Per-second rate between two cumulative readings; null after a reset (counter went down) or without elapsed time. */
export function counterRate(prev: number, next: number, seconds: number): number | null {
  if (!(seconds > 0) || !Number.isFinite(prev) || !Number.isFinite(next)) return null;
  const delta = next - prev;
  // A restart (or a re-created network namespace) starts the counters from zero again.
  if (delta < 0) return null;
  return delta / seconds;
}

/**
 * Chart points for ONE container's samples, oldest first. Samples with equal or older
 * timestamps than their predecessor are skipped (duplicates from a backlog/live overlap).
 */
export function toPoints(samples: readonly StatsSample[]): StatsPoint[] {
  const out: StatsPoint[] = [];
  let prev: StatsSample | null = null;
  let prevT = -Infinity;
  for (const s of samples) {
    const t = Date.parse(s.ts);
    if (Number.isNaN(t) || t <= prevT) continue;
    const dt = prev ? (t - prevT) / 1000 : 0;
    out.push({
      t,
      cpu: s.cpuPercent,
      mem: s.memUsage,
      memLimit: s.memLimit,
      rx: prev ? counterRate(prev.netRx, s.netRx, dt) : null,
      tx: prev ? counterRate(prev.netTx, s.netTx, dt) : null,
      read: prev ? counterRate(prev.blkRead, s.blkRead, dt) : null,
      write: prev ? counterRate(prev.blkWrite, s.blkWrite, dt) : null,
      pids: s.pids,
    });
    prev = s;
    prevT = t;
  }
  return out;
}

/** The latest network rates of a container from its last two samples (for tables), or null. */
export function latestRates(samples: readonly StatsSample[]): { rx: number | null; tx: number | null } {
  if (samples.length < 2) return { rx: null, tx: null };
  const a = samples[samples.length - 2]!;
  const b = samples[samples.length - 1]!;
  const dt = (Date.parse(b.ts) - Date.parse(a.ts)) / 1000;
  return { rx: counterRate(a.netRx, b.netRx, dt), tx: counterRate(a.netTx, b.netTx, dt) };
}

/**
 * Merges new samples into an oldest-first list, dropping duplicates and keeping only those
 * newer than `sinceMs` and at most `cap` entries. Returns the same array when nothing changed.
 */
export function mergeSamples(list: readonly StatsSample[], incoming: readonly StatsSample[], sinceMs: number, cap: number): readonly StatsSample[] {
  if (incoming.length === 0 && (list.length === 0 || Date.parse(list[0]!.ts) >= sinceMs) && list.length <= cap) return list;
  const lastT = list.length ? Date.parse(list[list.length - 1]!.ts) : -Infinity;
  let merged: StatsSample[];
  if (incoming.every((s, i) => Date.parse(s.ts) > lastT && (i === 0 || Date.parse(s.ts) > Date.parse(incoming[i - 1]!.ts)))) {
    merged = list.concat(incoming);
  } else {
    const byTs = new Map<string, StatsSample>();
    for (const s of list) byTs.set(s.ts, s);
    for (const s of incoming) byTs.set(s.ts, s);
    merged = [...byTs.values()].sort((x, y) => Date.parse(x.ts) - Date.parse(y.ts));
  }
  let start = 0;
  while (start < merged.length && Date.parse(merged[start]!.ts) < sinceMs) start++;
  start = Math.max(start, merged.length - cap);
  return start > 0 ? merged.slice(start) : merged;
}
