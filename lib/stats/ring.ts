import type { StatsSample } from "@/lib/wire";

/**
 * Bounded per-container sample rings for the overview: the newest `capacity` samples of each
 * container, and containers that have not reported for `staleMs` dropped (stopped or removed).
 */
export class StatsRings {
  private readonly rings = new Map<string, StatsSample[]>();
  private readonly lastSeen = new Map<string, number>();

  constructor(
    readonly capacity: number,
    readonly staleMs: number,
  ) {}

  /** Adds samples (any containers, any order within a container is tolerated); returns true if anything changed. */
  push(samples: readonly StatsSample[], now: number = Date.now()): boolean {
    let changed = false;
    for (const s of samples) {
      let ring = this.rings.get(s.container);
      if (!ring) {
        ring = [];
        this.rings.set(s.container, ring);
      }
      const t = Date.parse(s.ts);
      const last = ring[ring.length - 1];
      if (last && Date.parse(last.ts) >= t) {
        if (ring.some((x) => x.ts === s.ts)) continue;
        ring.push(s);
        ring.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
      } else ring.push(s);
      if (ring.length > this.capacity) ring.splice(0, ring.length - this.capacity);
      this.lastSeen.set(s.container, now);
      changed = true;
    }
    for (const [id, seen] of this.lastSeen) {
      if (now - seen > this.staleMs) {
        this.lastSeen.delete(id);
        this.rings.delete(id);
        changed = true;
      }
    }
    return changed;
  }

  get(container: string): readonly StatsSample[] {
    return this.rings.get(container) ?? [];
  }

  latest(container: string): StatsSample | undefined {
    const r = this.rings.get(container);
    return r?.[r.length - 1];
  }

  containers(): string[] {
    return [...this.rings.keys()];
  }

  clear(): void {
    this.rings.clear();
    this.lastSeen.clear();
  }
}
