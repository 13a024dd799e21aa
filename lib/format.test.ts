import { describe, expect, it } from "vitest";
import { decodeRouteParam, formatBytes, formatStatus, humanDuration } from "./format";

const NOW = Date.parse("2026-01-10T12:00:00Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const S = 1000,
  M = 60 * S,
  H = 60 * M,
  D = 24 * H;

describe("humanDuration (docker CLI wording)", () => {
  it.each([
    [300, "Less than a second"],
    [1 * S, "1 second"],
    [45 * S, "45 seconds"],
    [1 * M, "About a minute"],
    [3 * M, "3 minutes"],
    [1 * H, "About an hour"],
    [5 * H, "5 hours"],
    [47 * H, "47 hours"],
    [3 * D, "3 days"],
    [15 * D, "2 weeks"],
    [90 * D, "3 months"],
    [800 * D, "2 years"],
  ])("%i ms → %s", (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe("formatStatus", () => {
  it("running, with health", () => {
    expect(formatStatus({ state: "running", startedAt: ago(3 * M), health: "healthy" }, NOW)).toBe("Up 3 minutes (healthy)");
    expect(formatStatus({ state: "running", startedAt: ago(10 * S), health: "starting" }, NOW)).toBe("Up 10 seconds (health: starting)");
    expect(formatStatus({ state: "running", startedAt: ago(2 * H), health: "none" }, NOW)).toBe("Up 2 hours");
  });
  it("exited with its code", () => {
    expect(formatStatus({ state: "exited", finishedAt: ago(2 * H), exitCode: 1 }, NOW)).toBe("Exited (1) 2 hours ago");
    expect(formatStatus({ state: "exited", finishedAt: "0001-01-01T00:00:00Z", exitCode: 0 }, NOW)).toBe("Exited (0)");
  });
  it("paused, created, restarting, dead", () => {
    expect(formatStatus({ state: "paused", startedAt: ago(5 * M) }, NOW)).toBe("Up 5 minutes (Paused)");
    expect(formatStatus({ state: "created" }, NOW)).toBe("Created");
    expect(formatStatus({ state: "restarting", finishedAt: ago(2 * S), exitCode: 3 }, NOW)).toBe("Restarting (3) 2 seconds ago");
    expect(formatStatus({ state: "dead" }, NOW)).toBe("Dead");
  });
});

describe("formatBytes", () => {
  it("uses binary units like docker stats", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(64 * 1024 * 1024)).toBe("64.0 MiB");
    expect(formatBytes(200_000)).toBe("195.3 KiB");
    expect(formatBytes(3 * 1024 ** 3, 2)).toBe("3.00 GiB");
    expect(formatBytes(-1)).toBe("—");
  });
  it("carries to the next unit instead of printing 1024.0", () => {
    expect(formatBytes(1024 * 1024 - 10)).toBe("1.0 MiB");
  });
});

describe("decodeRouteParam", () => {
  it("decodes a segment, and keeps one with a stray % as typed", () => {
    expect(decodeRouteParam("127.0.0.1%3A5000%2Fapp%3Av1")).toBe("127.0.0.1:5000/app:v1");
    expect(decodeRouteParam("100%-busy")).toBe("100%-busy");
  });
});
