import { describe, expect, it } from "vitest";
import { formatKey, formatKeyFull, keyToUnixSeconds, millisToKey, sinceForKey, tsKey } from "./timestamps";

describe("tsKey", () => {
  it("pads the fraction to nine digits so string order is time order", () => {
    expect(tsKey("2026-11-28T12:31:45.1234Z")).toBe("2026-11-28T12:31:45.123400000Z");
    expect(tsKey("2026-11-28T12:31:45.123400001Z")).toBe("2026-11-28T12:31:45.123400001Z");
    expect(tsKey("2026-11-28T12:31:45Z")).toBe("2026-11-28T12:31:45.000000000Z");
    // Docker trims trailing zeros, so raw strings sort ".1Z" after ".12Z" and "45Z" after "45.1Z".
    expect("2026-11-28T12:31:45.1Z" > "2026-11-28T12:31:45.12Z").toBe(true);
    expect(tsKey("2026-11-28T12:31:45.1Z") < tsKey("2026-11-28T12:31:45.12Z")).toBe(true);
    expect(tsKey("2026-11-28T12:31:45Z") < tsKey("2026-11-28T12:31:45.1Z")).toBe(true);
  });

  it("converts an offset to UTC and keeps the nanoseconds", () => {
    expect(tsKey("2026-11-28T13:31:45.000000007+01:00")).toBe("2026-11-28T12:31:45.000000007Z");
  });

  it("gives an empty key for something that is not a timestamp", () => {
    expect(tsKey("")).toBe("");
    expect(tsKey("yesterday")).toBe("");
  });
});

describe("Unix seconds", () => {
  it("converts a key with microsecond precision", () => {
    expect(keyToUnixSeconds("1970-01-01T00:00:10.123456789Z")).toBeCloseTo(10.123456, 6);
  });

  it("builds a since at or before the key, with a margin", () => {
    const key = tsKey("2026-11-28T12:31:45.123456789Z");
    const exact = Date.parse("2026-11-28T12:31:45Z") / 1000 + 0.123456789;
    const since = sinceForKey(key);
    expect(since).toBeLessThanOrEqual(exact);
    expect(exact - since).toBeLessThan(0.00001);
    expect(sinceForKey(key, 2)).toBeCloseTo(exact - 2, 4);
    // Even a key on a whole microsecond never yields a since after it.
    const whole = tsKey("2026-11-28T12:31:45.123456Z");
    expect(sinceForKey(whole)).toBeLessThan(Date.parse("2026-11-28T12:31:45Z") / 1000 + 0.123456);
  });

  it("round-trips milliseconds", () => {
    expect(millisToKey(Date.parse("2026-11-28T12:31:45.120Z"))).toBe("2026-11-28T12:31:45.120000000Z");
  });
});

describe("formatting", () => {
  const key = "2026-11-28T12:31:45.123456789Z";
  it("formats UTC from the key itself", () => {
    expect(formatKey(key, { utc: true, withDate: false })).toBe("12:31:45.123");
    expect(formatKey(key, { utc: true, withDate: true })).toBe("2026-11-28 12:31:45.123");
    expect(formatKeyFull(key, true)).toBe("2026-11-28 12:31:45.123456789 UTC");
  });

  it("formats local time (TZ=UTC in tests) with the zone offset", () => {
    expect(formatKey(key, { utc: false, withDate: false })).toBe("12:31:45.123");
    expect(formatKeyFull(key, false)).toBe("2026-11-28 12:31:45.123456789 +00:00");
  });
});
