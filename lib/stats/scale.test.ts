import { describe, expect, it } from "vitest";
import { niceScale, sharedTop } from "./scale";

describe("niceScale", () => {
  it("rounds the top to 4 nice steps", () => {
    expect(niceScale(141_000_000)).toEqual({ top: 200_000_000, ticks: [0, 50_000_000, 100_000_000, 150_000_000, 200_000_000] });
    expect(niceScale(17.3).ticks).toEqual([0, 5, 10, 15, 20]);
    expect(niceScale(9).ticks).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceScale(0.3).ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });
  it("covers the max", () => {
    for (const m of [1, 3.7, 99, 100, 101, 12345, 2e9]) expect(niceScale(m).top).toBeGreaterThanOrEqual(m);
  });
  it("keeps integer ticks for counts", () => {
    expect(niceScale(1, { integer: true }).ticks).toEqual([0, 1, 2, 3, 4]);
    expect(niceScale(7, { integer: true }).ticks).toEqual([0, 2, 4, 6, 8]);
  });
  it("steps in binary units for bytes", () => {
    const MiB = 1024 * 1024;
    expect(niceScale(141 * MiB, { binary: true }).ticks).toEqual([0, 50 * MiB, 100 * MiB, 150 * MiB, 200 * MiB]);
    expect(niceScale(900 * MiB, { binary: true }).ticks).toEqual([0, 256 * MiB, 512 * MiB, 768 * MiB, 1024 * MiB]);
    expect(niceScale(3.5 * 1024 * MiB, { binary: true }).ticks).toEqual([0, 1024 * MiB, 2048 * MiB, 3072 * MiB, 4096 * MiB]);
    expect(niceScale(3, { binary: true }).ticks).toEqual([0, 1, 2, 3, 4]);
  });
  it("has a sensible scale for no data or zeros", () => {
    expect(niceScale(0).top).toBe(1);
    expect(niceScale(Number.NaN).top).toBe(1);
  });
});

describe("sharedTop", () => {
  it("gives every row of a column the same top, from the largest value", () => {
    expect(sharedTop([[0.1, 0.2], [40, 41], [3]], { floor: 10 })).toBe(50);
  });
  it("keeps the floor for idle rows, so noise stays flat", () => {
    expect(sharedTop([[0.01, 0.02]], { floor: 10 })).toBe(10);
    expect(sharedTop([], { floor: 10 })).toBe(10);
  });
  it("steps on binary units for bytes", () => {
    const MiB = 1024 * 1024;
    expect(sharedTop([[100 * MiB], [700 * MiB]], { binary: true })).toBe(1024 * MiB);
  });
});
