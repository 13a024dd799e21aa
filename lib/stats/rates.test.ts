import { describe, expect, it } from "vitest";
import type { StatsSample } from "@/lib/wire";
import { counterRate, latestRates, mergeSamples, toPoints } from "./rates";

const s = (sec: number, over: Partial<StatsSample> = {}): StatsSample => ({
  container: "c1",
  ts: new Date(Date.UTC(2025, 0, 1, 0, 0, sec)).toISOString(),
  cpuPercent: 10,
  memUsage: 100,
  memLimit: 1000,
  netRx: 0,
  netTx: 0,
  blkRead: 0,
  blkWrite: 0,
  pids: 3,
  ...over,
});

describe("counterRate", () => {
  it("divides the delta by the elapsed seconds", () => {
    expect(counterRate(1000, 3000, 2)).toBe(1000);
  });
  it("is null after a counter reset and without elapsed time", () => {
    expect(counterRate(5000, 10, 1)).toBeNull();
    expect(counterRate(0, 10, 0)).toBeNull();
  });
});

describe("toPoints", () => {
  it("turns cumulative network and block counters into per-second rates", () => {
    const pts = toPoints([s(0, { netRx: 0, netTx: 100, blkRead: 0, blkWrite: 0 }), s(10, { netRx: 10_000, netTx: 100, blkRead: 5_000, blkWrite: 20_000 })]);
    expect(pts).toHaveLength(2);
    expect(pts[0]!.rx).toBeNull();
    expect(pts[1]).toMatchObject({ rx: 1000, tx: 0, read: 500, write: 2000, cpu: 10, mem: 100, memLimit: 1000, pids: 3 });
  });
  it("drops negative deltas after a restart but keeps the point's gauges", () => {
    const pts = toPoints([s(0, { netRx: 50_000 }), s(1, { netRx: 200, cpuPercent: 42 }), s(2, { netRx: 1200 })]);
    expect(pts[1]).toMatchObject({ rx: null, cpu: 42 });
    expect(pts[2]!.rx).toBe(1000);
  });
  it("skips duplicate and out-of-order timestamps", () => {
    const pts = toPoints([s(0), s(1), s(1), s(0), s(2)]);
    expect(pts.map((p) => p.t)).toEqual([0, 1, 2].map((sec) => Date.UTC(2025, 0, 1, 0, 0, sec)));
  });
});

describe("latestRates", () => {
  it("uses the last two samples", () => {
    expect(latestRates([s(0, { netRx: 0, netTx: 0 }), s(2, { netRx: 4000, netTx: 2000 })])).toEqual({ rx: 2000, tx: 1000 });
    expect(latestRates([s(0)])).toEqual({ rx: null, tx: null });
  });
});

describe("mergeSamples", () => {
  const since = Date.UTC(2025, 0, 1, 0, 0, 0);
  it("appends newer samples and keeps the cap", () => {
    const out = mergeSamples([s(0), s(1)], [s(2), s(3)], since, 3);
    expect(out.map((x) => x.ts)).toEqual([s(1).ts, s(2).ts, s(3).ts]);
  });
  it("dedupes an overlap between backlog and live samples", () => {
    const out = mergeSamples([s(0), s(1), s(2)], [s(2), s(3)], since, 100);
    expect(out).toHaveLength(4);
  });
  it("drops samples older than the window", () => {
    const out = mergeSamples([s(0), s(5)], [s(6)], since + 3000, 100);
    expect(out.map((x) => x.ts)).toEqual([s(5).ts, s(6).ts]);
  });
  it("returns the same array when nothing changes", () => {
    const list = [s(1)];
    expect(mergeSamples(list, [], since, 10)).toBe(list);
  });
});
