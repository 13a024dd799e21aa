import { describe, expect, it } from "vitest";
import type { StatsSample } from "@/lib/wire";
import { StatsRings } from "./ring";

const s = (container: string, sec: number): StatsSample => ({
  container,
  ts: new Date(Date.UTC(2025, 0, 1, 0, 0, sec)).toISOString(),
  cpuPercent: sec,
  memUsage: 1,
  memLimit: 2,
  netRx: 0,
  netTx: 0,
  blkRead: 0,
  blkWrite: 0,
  pids: 1,
});

describe("StatsRings", () => {
  it("keeps at most `capacity` samples per container, newest last", () => {
    const r = new StatsRings(3, 10_000);
    r.push([s("a", 1), s("a", 2), s("b", 1), s("a", 3), s("a", 4)], 0);
    expect(r.get("a").map((x) => x.cpuPercent)).toEqual([2, 3, 4]);
    expect(r.latest("b")?.cpuPercent).toBe(1);
  });
  it("ignores duplicates and orders late arrivals", () => {
    const r = new StatsRings(10, 10_000);
    expect(r.push([s("a", 2), s("a", 3)], 0)).toBe(true);
    expect(r.push([s("a", 3)], 0)).toBe(false);
    r.push([s("a", 1)], 0);
    expect(r.get("a").map((x) => x.cpuPercent)).toEqual([1, 2, 3]);
  });
  it("drops containers that stopped reporting", () => {
    const r = new StatsRings(10, 5_000);
    r.push([s("a", 1), s("b", 1)], 0);
    r.push([s("a", 2)], 6_000);
    expect(r.containers()).toEqual(["a"]);
  });
});
