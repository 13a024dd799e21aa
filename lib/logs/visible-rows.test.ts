import { describe, expect, it } from "vitest";
import { LogStore } from "./log-store";
import { LEVELS } from "./levels";
import { compileSearch, type Matcher } from "./search";
import { visibleRows, levelCounts } from "./visible-rows";

function store() {
  const s = new LogStore({ setTimer: () => 0, clearTimer: () => {} });
  const lines = ["INFO started", "ERROR db down", "WARN slow", "plain text", "ERROR again"];
  s.addLines(lines.map((text, i) => ({ container: "a", stream: "stdout", ts: `2026-11-28T12:00:0${i}Z`, text })));
  s.addEnded("a", "exited", "Container exited with code 1");
  return s.entries();
}
const m = (q: string): Matcher => {
  const c = compileSearch({ q, regex: false, caseSensitive: false });
  if (!c.ok || !c.matcher) throw new Error();
  return c.matcher;
};
const text = (rows: readonly { kind: string }[]) => rows.map((r) => ("plain" in r ? (r as { plain: string }).plain : "[marker]"));

describe("visibleRows", () => {
  it("reuses the entries when nothing filters", () => {
    const entries = store();
    expect(visibleRows(entries, { matcher: null, onlyMatching: false, levels: LEVELS }).rows).toBe(entries);
  });

  it("marks matches without hiding lines", () => {
    const v = visibleRows(store(), { matcher: m("error"), onlyMatching: false, levels: LEVELS });
    expect(v.rows).toHaveLength(6);
    expect(v.matches).toEqual([1, 4]);
  });

  it("only matching lines keeps markers", () => {
    const v = visibleRows(store(), { matcher: m("error"), onlyMatching: true, levels: LEVELS });
    expect(text(v.rows)).toEqual(["ERROR db down", "ERROR again", "[marker]"]);
    expect(v.matches).toEqual([0, 1]);
    expect(v.lines).toBe(2);
  });

  it("filters by level", () => {
    const v = visibleRows(store(), { matcher: null, onlyMatching: false, levels: ["warn", "unknown"] });
    expect(text(v.rows)).toEqual(["WARN slow", "plain text", "[marker]"]);
  });

  it("combines level filter and search", () => {
    const v = visibleRows(store(), { matcher: m("a"), onlyMatching: true, levels: ["error"] });
    expect(text(v.rows)).toEqual(["ERROR again", "[marker]"]);
  });

  it("caches the match per compiled search", () => {
    const entries = store();
    let calls = 0;
    const inner = m("error");
    const counting: Matcher = { id: inner.id, ranges: inner.ranges, test: (t) => (calls++, inner.test(t)) };
    visibleRows(entries, { matcher: counting, onlyMatching: false, levels: LEVELS });
    visibleRows(entries, { matcher: counting, onlyMatching: true, levels: LEVELS });
    expect(calls).toBe(5);
  });

  it("counts levels", () => {
    expect(levelCounts(store())).toEqual({ error: 2, warn: 1, info: 1, debug: 0, unknown: 1 });
  });
});
