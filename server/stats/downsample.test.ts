import { describe, expect, it } from "vitest";
import { Bucketer } from "./downsample";

const s = (cpu: number, mem: number, rx: number) => ({ cpuPercent: cpu, memUsage: mem, memLimit: 1000, netRx: rx, netTx: 0, blkRead: 0, blkWrite: 0, pids: 2 });

describe("Bucketer", () => {
  it("averages gauges and keeps the last counter value per bucket", () => {
    const b = new Bucketer(10);
    const t0 = 1_700_000_000_000; // a multiple of 10 s
    expect(b.add(t0, s(10, 100, 5))).toBeUndefined();
    expect(b.add(t0 + 5_000, s(30, 300, 50))).toBeUndefined();
    const p = b.add(t0 + 10_000, s(99, 999, 60));
    expect(p).toEqual({ tier: 10, bucket: t0 / 1000, numbers: { ...s(20, 200, 50) } });
    expect(b.flush()).toEqual({ tier: 10, bucket: t0 / 1000 + 10, numbers: s(99, 999, 60) });
    expect(b.flush()).toBeUndefined();
  });
  it("aligns buckets to the tier so every container's points line up", () => {
    const b = new Bucketer(60);
    b.add(Date.UTC(2026, 0, 1, 12, 0, 59), s(1, 1, 1));
    expect(b.add(Date.UTC(2026, 0, 1, 12, 1, 0), s(1, 1, 1))!.bucket).toBe(Date.UTC(2026, 0, 1, 12, 0, 0) / 1000);
  });
});
