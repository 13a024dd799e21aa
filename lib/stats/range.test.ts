import { describe, expect, it } from "vitest";
import { rangeReaching } from "./range";

const NOW = Date.parse("2030-01-08T12:00:00Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe("rangeReaching", () => {
  it("picks the shortest range with the point in its newer half", () => {
    expect(rangeReaching(ago(60_000), NOW)).toBe("1h");
    expect(rangeReaching(ago(29 * 60_000), NOW)).toBe("1h");
    expect(rangeReaching(ago(31 * 60_000), NOW)).toBe("6h");
    expect(rangeReaching(ago(5 * 3_600_000), NOW)).toBe("24h");
    expect(rangeReaching(ago(13 * 3_600_000), NOW)).toBe("7d");
  });
  it("falls back to the longest range kept", () => {
    expect(rangeReaching(ago(6 * 86_400_000), NOW)).toBe("7d");
    expect(rangeReaching("not a date", NOW)).toBe("7d");
  });
});
