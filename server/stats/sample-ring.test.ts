import { describe, expect, it } from "vitest";
import { SampleRing } from "./sample-ring";

const n = (cpu: number) => ({ cpuPercent: cpu, memUsage: cpu * 10, memLimit: 100, netRx: 1, netTx: 2, blkRead: 3, blkWrite: 4, pids: 5 });

describe("SampleRing", () => {
  it("keeps the newest samples up to its capacity, oldest first", () => {
    const r = new SampleRing(3);
    for (let i = 1; i <= 5; i++) r.push(i * 1000, n(i));
    expect(r.size).toBe(3);
    expect(r.since(0).map((s) => s.numbers.cpuPercent)).toEqual([3, 4, 5]);
    expect(r.since(4000).map((s) => s.timeMs)).toEqual([5000]);
    expect(r.since(0)[0]!.numbers).toEqual(n(3));
  });
  it("holds 15 minutes of one-second samples in under 100 kB", () => {
    expect(new SampleRing(900).bytes).toBeLessThan(100_000);
  });
});
