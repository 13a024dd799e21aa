import { describe, expect, it } from "vitest";
import { formatAxisBytes, formatAxisTime, formatMem, formatPercent, formatRate, formatSeconds, formatTooltipTime } from "./format";

describe("stats formatting", () => {
  it("formats percentages with enough digits", () => {
    expect(formatPercent(0)).toBe("0 %");
    expect(formatPercent(0.034)).toBe("0.03 %");
    expect(formatPercent(12.345)).toBe("12.3 %");
    expect(formatPercent(250.4)).toBe("250 %");
    expect(formatPercent(null)).toBe("—");
  });
  it("formats memory in decimal units", () => {
    expect(formatMem(512)).toBe("512 B");
    expect(formatMem(12_300_000)).toBe("12.3 MB");
    expect(formatMem(2_147_483_648)).toBe("2.15 GB");
  });
  it("formats rates", () => {
    expect(formatRate(0)).toBe("0 B/s");
    expect(formatRate(512.4)).toBe("512 B/s");
    expect(formatRate(12_400)).toBe("12.4 kB/s");
    expect(formatRate(3_100_000)).toBe("3.1 MB/s");
    expect(formatRate(null)).toBe("—");
  });
  it("keeps axis labels short", () => {
    expect(formatAxisBytes(0)).toBe("0");
    expect(formatAxisBytes(1500)).toBe("1.5k");
    expect(formatAxisBytes(200_000_000)).toBe("200M");
    expect(formatAxisBytes(1_500_000_000)).toBe("1.5G");
  });
  it("formats times in local time (TZ=UTC in tests)", () => {
    const t = Date.UTC(2025, 2, 4, 13, 5, 9);
    expect(formatAxisTime(t, 15 * 60_000)).toBe("13:05:09");
    expect(formatAxisTime(t, 6 * 3_600_000)).toBe("13:05");
    expect(formatAxisTime(t, 7 * 24 * 3_600_000)).toMatch(/^\S+ 13:05$/);
    expect(formatTooltipTime(t)).toBe("2025-03-04 13:05:09");
  });
  it("formats durations", () => {
    expect(formatSeconds(45)).toBe("45 s");
    expect(formatSeconds(120)).toBe("2 min");
    expect(formatSeconds(150)).toBe("2 min 30 s");
    expect(formatSeconds(3600)).toBe("1 h");
    expect(formatSeconds(5400)).toBe("1 h 30 min");
  });
});
