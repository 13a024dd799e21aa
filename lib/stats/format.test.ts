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
  it("formats memory in binary units", () => {
    expect(formatMem(512)).toBe("512 B");
    expect(formatMem(12.3 * 1024 * 1024)).toBe("12.3 MiB");
    expect(formatMem(2_147_483_648)).toBe("2.00 GiB");
  });
  it("formats rates", () => {
    expect(formatRate(0)).toBe("0 B/s");
    expect(formatRate(512.4)).toBe("512 B/s");
    expect(formatRate(12_400)).toBe("12.1 KiB/s");
    expect(formatRate(3 * 1024 * 1024)).toBe("3.0 MiB/s");
    expect(formatRate(null)).toBe("—");
  });
  it("keeps axis labels short", () => {
    expect(formatAxisBytes(0)).toBe("0");
    expect(formatAxisBytes(1536)).toBe("1.5Ki");
    expect(formatAxisBytes(200 * 1024 * 1024)).toBe("200Mi");
    expect(formatAxisBytes(1.5 * 1024 ** 3)).toBe("1.5Gi");
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
