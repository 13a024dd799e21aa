import { describe, expect, it } from "vitest";
import { parseAnsi } from "@/lib/logs/ansi";
import { compileSearch } from "@/lib/logs/search";
import { lineFilter } from "./log-filter";

const E = "\x1b";

describe("lineFilter (the download's q)", () => {
  it("is no filter without q", () => {
    expect(lineFilter(undefined, { regex: false, caseSensitive: false })).toBeNull();
    expect(lineFilter("", { regex: true, caseSensitive: false })).toBeNull();
  });

  it("matches the visible text: colour codes inside a word do not hide it", () => {
    const keep = lineFilter("error", { regex: false, caseSensitive: false })!;
    expect(keep(`${E}[31mERR${E}[0mOR: disk full`)).toBe(true);
    expect(keep(`${E}[1;31mE${E}[0mrror`)).toBe(true);
    expect(keep(`all good`)).toBe(false);
  });

  it("never matches the escape sequences themselves", () => {
    // "31m" is inside the SGR code, not in what the viewer shows.
    expect(lineFilter("31m", { regex: false, caseSensitive: false })!(`${E}[31mred${E}[0m`)).toBe(false);
    expect(lineFilter("\\[0m", { regex: true, caseSensitive: false })!(`${E}[31mred${E}[0m`)).toBe(false);
    // Cursor moves and OSC titles are not text either.
    expect(lineFilter("title", { regex: false, caseSensitive: false })!(`${E}]0;title${E}\\ready${E}[2K`)).toBe(false);
  });

  it("regex and case sensitivity work on the stripped text", () => {
    expect(lineFilter("^warn\\b", { regex: true, caseSensitive: false })!(`${E}[33mWARN${E}[0m low memory`)).toBe(true);
    expect(lineFilter("Warn", { regex: false, caseSensitive: true })!(`${E}[33mWARN${E}[0m`)).toBe(false);
    expect(lineFilter("WARN", { regex: false, caseSensitive: true })!(`${E}[33mWA${E}[1mRN${E}[0m`)).toBe(true);
  });

  it("keeps exactly the lines the viewer marks as matching", () => {
    const lines = [`${E}[32mGET${E}[0m /health 200`, `${E}[31mGET /login 500${E}[0m`, `progress 10%\r${E}[2Kprogress 100%`, "plain GET", `G${E}[0mET`, "get?"];
    for (const [q, regex, caseSensitive] of [
      ["GET", false, true],
      ["get", false, false],
      ["100%", false, false],
      ["10%", false, false],
      ["g.t", true, false],
      ["^GET", true, true],
    ] as const) {
      const keep = lineFilter(q, { regex, caseSensitive })!;
      const viewer = (compileSearch({ q, regex, caseSensitive }) as { ok: true; matcher: { test(t: string): boolean } }).matcher;
      expect(lines.map(keep), `${q}`).toEqual(lines.map((l) => viewer.test(parseAnsi(l).plain)));
    }
  });

  it("a bad regex is a 400 naming q", () => {
    expect(() => lineFilter("(", { regex: true, caseSensitive: false })).toThrow(expect.objectContaining({ code: "invalid_input", field: "q" }));
  });
});

describe("lineFilter cannot stall the server", () => {
  it("runs a catastrophic regex on a long line quickly", () => {
    const keep = lineFilter("(a+)+$", { regex: true, caseSensitive: false })!;
    const t0 = performance.now();
    expect(keep("a".repeat(100_000) + "b")).toBe(false);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
  it("an invalid pattern is a 400 sentence naming q", () => {
    expect(() => lineFilter("a(?=b)", { regex: true, caseSensitive: false })).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        field: "q",
        message: expect.stringMatching(/^The search text q is not a valid regular expression \(.+\)\.$/),
      }),
    );
  });
});
