import { describe, expect, it } from "vitest";
import { LEVELS } from "./levels";
import {
  DEFAULT_STATE,
  downloadQuery,
  effectiveWrap,
  parseViewState,
  parseWrapPreference,
  permalinkQuery,
  resolveRange,
  serializeViewState,
  subscriptionBounds,
  withPatch,
  type LogViewState,
} from "./url-state";

const parse = (qs: string) => parseViewState(new URLSearchParams(qs));

describe("parseViewState", () => {
  it("gives defaults for an empty URL", () => {
    expect(parse("")).toEqual(DEFAULT_STATE);
  });

  it("reads every field", () => {
    const s = parse("c=api,worker&engine=prod-1&range=1h&tail=all&q=time%20out&re=1&case=1&only=1&levels=error,warn&ts=0&tz=utc&streams=stderr");
    expect(s).toEqual({
      engine: "prod-1",
      containers: ["api", "worker"],
      range: "1h",
      tail: "all",
      q: "time out",
      regex: true,
      caseSensitive: true,
      onlyMatching: true,
      levels: ["error", "warn"],
      timestamps: false,
      utc: true,
      streams: "stderr",
    });
  });

  it("drops invalid values rather than failing", () => {
    const s = parse("c=ok,../etc,,ok,a%20b&engine=BAD!&range=2y&tail=7&levels=error,bogus&streams=both");
    expect(s.containers).toEqual(["ok"]);
    expect(s.engine).toBe("local");
    expect(s.range).toBe("live");
    expect(s.tail).toBe(1000);
    expect(s.levels).toEqual(["error"]);
    expect(s.streams).toBe("both");
  });

  it("treats since/until as a custom range, in ISO or Unix seconds", () => {
    const s = parse("since=2026-11-28T12:00:00Z&until=1795000000");
    expect(s.range).toBe("custom");
    expect(s.since).toBe("2026-11-28T12:00:00.000Z");
    expect(s.until).toBe(new Date(1795000000 * 1000).toISOString());
    expect(parse("since=garbage").range).toBe("live");
  });

  it("allows an empty level set (show only markers)", () => {
    expect(parse("levels=").levels).toEqual([]);
  });
});

describe("serializeViewState", () => {
  it("leaves defaults out", () => {
    expect(serializeViewState(DEFAULT_STATE)).toBe("");
    expect(serializeViewState({ ...DEFAULT_STATE, containers: ["web"] })).toBe("?c=web");
  });

  it("round-trips", () => {
    const s: LogViewState = {
      ...DEFAULT_STATE,
      containers: ["api", "worker"],
      range: "custom",
      since: "2026-11-28T12:00:00.000Z",
      until: "2026-11-28T13:00:00.000Z",
      tail: 100_000,
      q: "a&b=c,d",
      regex: true,
      onlyMatching: true,
      levels: ["warn", "error"],
      utc: true,
      streams: "stdout",
    };
    const qs = serializeViewState(s);
    expect(qs).toContain("c=api,worker");
    expect(parse(qs.slice(1))).toEqual({ ...s, levels: ["error", "warn"] });
  });

  it("writes levels in a stable order", () => {
    expect(serializeViewState({ ...DEFAULT_STATE, levels: ["info", "error"] })).toBe("?levels=error,info");
    expect(serializeViewState({ ...DEFAULT_STATE, levels: LEVELS })).toBe("");
  });
});

describe("resolveRange", () => {
  const now = Date.parse("2026-11-28T12:00:00Z");
  it("quick ranges count back from now and follow live", () => {
    expect(resolveRange({ range: "15m" }, now)).toEqual({ since: now / 1000 - 900 });
    expect(resolveRange({ range: "live" }, now)).toEqual({});
  });

  it("since container start uses the start time when known", () => {
    expect(resolveRange({ range: "start" }, now, "2026-11-28T11:00:00.123456789Z")).toEqual({ since: now / 1000 - 3600 });
    expect(resolveRange({ range: "start" }, now)).toEqual({});
  });

  it("custom ranges are absolute", () => {
    expect(resolveRange({ range: "custom", since: "2026-11-28T10:00:00.000Z", until: "2026-11-28T11:00:00.000Z" }, now)).toEqual({
      since: now / 1000 - 7200,
      until: now / 1000 - 3600,
    });
  });
});

describe("downloadQuery", () => {
  it("carries range, tail, streams and the filter when lines are hidden", () => {
    const q = new URLSearchParams(
      downloadQuery({ ...DEFAULT_STATE, streams: "stderr", q: "boom", regex: true, onlyMatching: true }, { since: 100, until: 200.5 }),
    );
    expect(Object.fromEntries(q)).toEqual({ since: "100", until: "200.5", tail: "1000", timestamps: "true", stdout: "false", q: "boom", regex: "true" });
  });

  it("leaves the filter out when the view shows every line", () => {
    const q = new URLSearchParams(downloadQuery({ ...DEFAULT_STATE, q: "boom", tail: "all", timestamps: false }, {}));
    expect(Object.fromEntries(q)).toEqual({ timestamps: "false" });
  });
});

describe("subscriptionBounds", () => {
  it("asks for everything from the beginning when the history is 'all' and nothing bounds it", () => {
    expect(subscriptionBounds({}, "all")).toEqual({ since: 0 });
  });

  it("keeps a range's own start for 'all', and passes a numeric tail", () => {
    expect(subscriptionBounds({ since: 100, until: 200 }, "all")).toEqual({ since: 100, until: 200 });
    expect(subscriptionBounds({}, 1_000)).toEqual({ tail: 1_000 });
    expect(subscriptionBounds({ since: 100 }, 100)).toEqual({ since: 100, tail: 100 });
  });
});

describe("wrap", () => {
  it("is undefined unless the URL says, and round-trips both ways", () => {
    expect(parse("c=a").wrap).toBeUndefined();
    expect(parse("c=a&wrap=1").wrap).toBe(true);
    expect(parse("c=a&wrap=0").wrap).toBe(false);
    expect(parse("c=a&wrap=yes").wrap).toBeUndefined();
    expect(serializeViewState({ ...DEFAULT_STATE, containers: ["a"], wrap: true })).toBe("?c=a&wrap=1");
    expect(serializeViewState({ ...DEFAULT_STATE, containers: ["a"], wrap: false })).toBe("?c=a&wrap=0");
    expect(serializeViewState({ ...DEFAULT_STATE, containers: ["a"] })).toBe("?c=a");
  });

  it("the URL wins over the preference when present", () => {
    expect(effectiveWrap(parse("wrap=0"), true)).toBe(false);
    expect(effectiveWrap(parse("wrap=1"), false)).toBe(true);
    expect(effectiveWrap(parse(""), true)).toBe(true);
    expect(effectiveWrap(parse(""), false)).toBe(false);
    expect(parseWrapPreference("1")).toBe(true);
    expect(parseWrapPreference(null)).toBe(false);
    expect(parseWrapPreference("junk")).toBe(false);
    // No preference yet: wrapped on a phone, not on a wide screen; a stored one wins either way.
    expect(parseWrapPreference(null, true)).toBe(true);
    expect(parseWrapPreference("0", true)).toBe(false);
  });
});

describe("permalinkQuery", () => {
  const key = "2026-11-28T12:00:00.123456789Z";
  it("opens a custom range around the line, all of its history, with the line named", () => {
    const qs = permalinkQuery({ engine: "prod-1", containers: ["api", "worker"] }, key);
    const sp = new URLSearchParams(qs.slice(1));
    expect(Object.fromEntries(sp)).toEqual({
      c: "api,worker",
      engine: "prod-1",
      since: "2026-11-28T11:59:00.123Z",
      until: "2026-11-28T12:01:00.124Z",
      tail: "all",
      line: key,
    });
    const s = parse(qs.slice(1));
    expect(s.range).toBe("custom");
    expect(s.line).toBe(key);
    expect(s.tail).toBe("all");
    // The window holds the line, to the nanosecond.
    const r = resolveRange(s, 0);
    expect(r.since! * 1000).toBeLessThan(Date.parse("2026-11-28T12:00:00.123Z"));
    expect(r.until! * 1000).toBeGreaterThan(Date.parse("2026-11-28T12:00:00.123Z"));
  });

  it("normalises the line param and ignores one that is not a timestamp", () => {
    expect(parse("line=2026-11-28T12:00:00.5Z").line).toBe("2026-11-28T12:00:00.500000000Z");
    expect(parse("line=yesterday").line).toBeUndefined();
  });

  it("a new range or container set drops the linked line; other changes keep it", () => {
    const s = parse(permalinkQuery({ engine: "local", containers: ["api"] }, key).slice(1));
    expect(withPatch(s, { utc: true }).line).toBe(key);
    expect(withPatch(s, { range: "1h", since: undefined, until: undefined }).line).toBeUndefined();
    expect(withPatch(s, { containers: ["api", "db"] }).line).toBeUndefined();
    expect("line" in withPatch(s, { containers: ["db"] })).toBe(false);
  });
});
