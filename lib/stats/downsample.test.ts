import { describe, expect, it } from "vitest";
import { downsample } from "./downsample";

describe("downsample", () => {
  it("returns a copy when already within the bound", () => {
    const pts = [{ t: 1, v: 1 }];
    const out = downsample(pts, 10);
    expect(out).toEqual(pts);
    expect(out).not.toBe(pts);
  });
  it("bounds the number of points", () => {
    const pts = Array.from({ length: 10_000 }, (_, i) => ({ t: i, v: i % 7 }));
    const out = downsample(pts, 900);
    expect(out.length).toBeLessThanOrEqual(900);
    expect(out.length).toBeGreaterThan(890);
    expect(out[0]!.t).toBe(0);
    // Timestamps stay increasing.
    expect(out.every((p, i) => i === 0 || p.t > out[i - 1]!.t)).toBe(true);
  });
  it("keeps each bucket's peak so spikes survive", () => {
    const pts = Array.from({ length: 100 }, (_, i) => ({ t: i, v: i === 57 ? 999 : 1 }));
    const out = downsample(pts, 10);
    expect(out).toHaveLength(10);
    expect(Math.max(...out.map((p) => p.v))).toBe(999);
  });
  it("keeps null when a whole bucket has no value, ignores nulls otherwise", () => {
    const pts = [
      { t: 0, v: null as number | null },
      { t: 1, v: null as number | null },
      { t: 2, v: null as number | null },
      { t: 3, v: 5 as number | null },
    ];
    expect(downsample(pts, 2)).toEqual([
      { t: 0, v: null },
      { t: 2, v: 5 },
    ]);
  });
  it("returns nothing for a bound below one", () => {
    expect(downsample([{ t: 0 }], 0)).toEqual([]);
  });
});
