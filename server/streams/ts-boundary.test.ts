import { describe, expect, it } from "vitest";
import { TsBoundary } from "./ts-boundary";

describe("TsBoundary", () => {
  it("admits newer lines and drops repeats of older ones", () => {
    const b = new TsBoundary();
    expect(b.admit("2026-11-28T12:00:00.1Z", "stdout", "a")).toBe(true);
    expect(b.admit("2026-11-28T12:00:00.123Z", "stdout", "b")).toBe(true);
    // .1Z sorts after .123Z as a raw string; normalised it is older.
    expect(b.admit("2026-11-28T12:00:00.1Z", "stdout", "a")).toBe(false);
    expect(b.admit("2026-11-28T12:00:00.123Z", "stdout", "b")).toBe(false);
  });
  it("keeps a different line that shares the boundary timestamp", () => {
    const b = new TsBoundary();
    expect(b.admit("2026-11-28T12:00:01Z", "stdout", "x")).toBe(true);
    expect(b.admit("2026-11-28T12:00:01Z", "stdout", "y")).toBe(true);
    expect(b.admit("2026-11-28T12:00:01Z", "stderr", "x")).toBe(true);
    expect(b.admit("2026-11-28T12:00:01Z", "stdout", "y")).toBe(false);
  });
  it("lets lines without a timestamp through", () => {
    expect(new TsBoundary().admit("", "stdout", "no ts")).toBe(true);
  });
});
