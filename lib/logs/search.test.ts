import { describe, expect, it } from "vitest";
import { compileSearch, type Matcher } from "./search";

function matcher(q: string, regex = false, caseSensitive = false): Matcher {
  const c = compileSearch({ q, regex, caseSensitive });
  if (!c.ok || !c.matcher) throw new Error("expected a matcher");
  return c.matcher;
}

describe("compileSearch", () => {
  it("is no search when empty", () => {
    expect(compileSearch({ q: "", regex: true, caseSensitive: false })).toEqual({ ok: true, matcher: null });
  });

  it("plain text is literal and case-insensitive by default", () => {
    const m = matcher("a.b (x)");
    expect(m.test("xx A.B (X) yy")).toBe(true);
    expect(m.test("aXb (x)")).toBe(false);
    expect(m.ranges("a.b (x) and A.B (x)")).toEqual([
      [0, 7],
      [12, 19],
    ]);
  });

  it("honours case sensitivity", () => {
    const m = matcher("Error", false, true);
    expect(m.test("error")).toBe(false);
    expect(m.test("Error")).toBe(true);
  });

  it("regex mode", () => {
    const m = matcher("status=5\\d\\d", true);
    expect(m.test("GET / status=503")).toBe(true);
    expect(m.test("GET / status=200")).toBe(false);
    expect(m.ranges("status=500 status=200 STATUS=502")).toEqual([
      [0, 10],
      [22, 32],
    ]);
  });

  it("reports an invalid regex as an error instead of throwing", () => {
    const c = compileSearch({ q: "([a-", regex: true, caseSensitive: false });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error).toMatch(/\S/);
    // The same text is fine as plain text.
    expect(compileSearch({ q: "([a-", regex: false, caseSensitive: false }).ok).toBe(true);
  });

  it("skips empty matches so highlighting always ends", () => {
    const m = matcher("x*", true);
    expect(m.ranges("abxxc")).toEqual([[2, 4]]);
    expect(matcher("^", true).ranges("abc")).toEqual([]);
  });

  it("gives every compiled search its own id (cache key)", () => {
    expect(matcher("a").id).not.toBe(matcher("a").id);
  });

  it("keeps offsets right where lower-casing would change the length", () => {
    const m = matcher("x");
    expect(m.ranges("İx")).toEqual([[1, 2]]);
  });
});

describe("compileSearch in linear time (re2js)", () => {
  const regex = (q: string, caseSensitive = false) => {
    const c = compileSearch({ q, regex: true, caseSensitive });
    if (!c.ok || !c.matcher) throw new Error("expected a matcher");
    return c.matcher;
  };

  it("a catastrophic pattern on a long aaaa…b line returns quickly", () => {
    const line = "a".repeat(100_000) + "b";
    const t0 = performance.now();
    const m = regex("(a+)+$");
    expect(m.test(line)).toBe(false);
    expect(m.ranges(line)).toEqual([]);
    expect(regex("(x+x+)+y").test("x".repeat(50_000))).toBe(false);
    // V8's backtracking engine needs far longer than a minute for the first one.
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it("keeps offsets in UTF-16 code units and folds case like the plain search", () => {
    expect(regex("é+b").ranges("x😀ÉÉb z éb")).toEqual([
      [3, 6],
      [9, 11],
    ]);
    expect(regex("ERR(OR)?").ranges("error, Err, ERR")).toEqual([
      [0, 5],
      [7, 10],
      [12, 15],
    ]);
    expect(regex("ERR", true).test("err")).toBe(false);
  });

  it("reports what RE2 does not take as an invalid pattern, without the flag it added", () => {
    expect(compileSearch({ q: "(", regex: true, caseSensitive: false })).toEqual({ ok: false, error: "error parsing regexp: missing closing ): `(`" });
    expect(compileSearch({ q: "(a)\\1", regex: true, caseSensitive: false }).ok).toBe(false);
    expect(compileSearch({ q: "a(?=b)", regex: true, caseSensitive: false }).ok).toBe(false);
  });
});
