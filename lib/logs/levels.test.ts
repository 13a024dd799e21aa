import { describe, expect, it } from "vitest";
import { detectLevel, LEVELS, nextLevels, normaliseLevel } from "./levels";

describe("detectLevel", () => {
  it("reads JSON level, severity and lvl fields, names or pino numbers", () => {
    expect(detectLevel('{"level":"error","msg":"upstream timeout"}')).toBe("error");
    expect(detectLevel('{"severity":"WARNING","message":"slow"}')).toBe("warn");
    expect(detectLevel('{"lvl":"dbug","msg":"x"}')).toBe("unknown");
    expect(detectLevel('{"lvl":"debug","msg":"x"}')).toBe("debug");
    expect(detectLevel('{"level":30,"msg":"started"}')).toBe("info");
    expect(detectLevel('{"level":60,"msg":"dead"}')).toBe("error");
    expect(detectLevel('  {"level":"trace"}  ')).toBe("debug");
  });

  it("prefers the field over words in the message", () => {
    expect(detectLevel('{"level":"info","msg":"ERROR count is 0"}')).toBe("info");
  });

  it("falls back to words when the JSON has no level field", () => {
    expect(detectLevel('{"msg":"ERROR db down"}')).toBe("error");
    expect(detectLevel('{"msg":"hello"}')).toBe("unknown");
  });

  it("reads logfmt level=", () => {
    expect(detectLevel('level=warn ts=2026-11-28T12:31:45Z msg="slow query"')).toBe("warn");
    expect(detectLevel('ts=1 lvl="error" msg=x')).toBe("error");
    expect(detectLevel("time=1 severity=INFO msg=x")).toBe("info");
  });

  it("finds level words on word boundaries, upper or lower case, first one wins", () => {
    expect(detectLevel("2026-11-28 12:00:00 ERROR connection refused")).toBe("error");
    expect(detectLevel("[WARN] disk 91% full")).toBe("warn");
    expect(detectLevel("panic: runtime error: index out of range")).toBe("error");
    expect(detectLevel("FATAL could not bind")).toBe("error");
    expect(detectLevel("ERR something")).toBe("error");
    expect(detectLevel("INFO retry after ERROR")).toBe("info");
    expect(detectLevel("debug: cache miss")).toBe("debug");
    expect(detectLevel("TRACE enter fn")).toBe("debug");
    expect(detectLevel("WARNING: deprecated")).toBe("warn");
  });

  it("does not see levels inside other words or in mixed case", () => {
    expect(detectLevel("0 errors, information about terrors")).toBe("unknown");
    expect(detectLevel("Debugging session")).toBe("unknown");
    expect(detectLevel("GET /healthz 200")).toBe("unknown");
    expect(detectLevel("")).toBe("unknown");
  });

  it("only searches the head of a very long line for words", () => {
    expect(detectLevel(`${"x ".repeat(500)}ERROR`)).toBe("unknown");
  });
});

describe("normaliseLevel", () => {
  it("maps names and numbers", () => {
    expect(normaliseLevel("Warning")).toBe("warn");
    expect(normaliseLevel("CRIT")).toBe("error");
    expect(normaliseLevel(20)).toBe("debug");
    expect(normaliseLevel(5)).toBeUndefined();
    expect(normaliseLevel(null)).toBeUndefined();
  });
});

describe("nextLevels", () => {
  const all = [...LEVELS];
  it("a plain click shows only that level; clicking it again shows all", () => {
    expect(nextLevels(all, "error", false)).toEqual(["error"]);
    expect(nextLevels(["error"], "error", false)).toEqual(all);
    expect(nextLevels(["error"], "warn", false)).toEqual(["warn"]);
    expect(nextLevels(["error", "warn"], "error", false)).toEqual(["error"]);
  });

  it("an additive click adds or removes one level, in LEVELS order", () => {
    expect(nextLevels(["warn"], "error", true)).toEqual(["error", "warn"]);
    expect(nextLevels(["error", "warn"], "error", true)).toEqual(["warn"]);
    expect(nextLevels(all, "debug", true)).toEqual(["error", "warn", "info", "unknown"]);
  });

  it("removing the last level shows all rather than nothing", () => {
    expect(nextLevels(["info"], "info", true)).toEqual(all);
    expect(nextLevels([], "info", true)).toEqual(["info"]);
  });
});
