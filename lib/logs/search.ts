/*
 * The search box: plain text by default, a regular expression on request, case-insensitive
 * unless asked. Same semantics as the download's `q`/`regex`/`case` (server/docker/log-filter.ts)
 * so what is highlighted is what a filtered download contains.
 */

import { RE2JS } from "re2js";

export interface SearchOptions {
  readonly q: string;
  readonly regex: boolean;
  readonly caseSensitive: boolean;
}

export type MatchRange = readonly [start: number, end: number];

export interface Matcher {
  /** Unique per compiled search: results cached under one id are never reused by another. */
  readonly id: number;
  /** Whether the text contains a match. */
  test(text: string): boolean;
  /** Every match as [start, end) offsets, in order, non-empty and not overlapping. */
  ranges(text: string): MatchRange[];
}

export type CompiledSearch = { ok: true; matcher: Matcher | null } | { ok: false; error: string };

/** Highlights stop after this many matches in one line (a `.` regex on a 16 KiB line). */
const MAX_RANGES_PER_LINE = 500;
let lastId = 0;

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** re2js's syntax error without its class name ("error parsing regexp: missing closing ): `(`"). */
function re2Message(e: unknown): string {
  const m = (e as Error)?.message ?? String(e);
  // The case-insensitive flag shows as a `(?i)` prefix in the quoted pattern: the user did not type it.
  return m.replace(/^RE2JS\w*Exception:\s*/, "").replace("`(?i)", "`");
}

/** Plain text: V8's own RegExp on the escaped text, which has nothing to backtrack into (no quantifier, no alternation). */
function literalMatcher(q: string, caseSensitive: boolean): Matcher {
  // Case folding through the regex engine, not toLowerCase: that can change a string's length and shift the offsets.
  const re = new RegExp(escapeRegExp(q), caseSensitive ? "g" : "gi");
  const tester = new RegExp(re.source, re.flags.replace("g", ""));
  return {
    id: ++lastId,
    test: (text) => tester.test(text),
    ranges(text) {
      const out: MatchRange[] = [];
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        out.push([m.index, m.index + m[0].length]);
        if (out.length >= MAX_RANGES_PER_LINE) break;
      }
      return out;
    },
  };
}

/**
 * Compiles the search once per query; an empty query is no search, an invalid regex an error
 * message (never a throw). A regular expression runs on re2js, an RE2-class engine: time linear
 * in the line's length whatever the pattern, so `(a+)+$` cannot stall the server or the browser
 * tab. The price is RE2's syntax (no backreferences, no lookaround: reported as invalid) and
 * speed (about 10–20× slower than V8's RegExp on a line), so plain text, which cannot backtrack,
 * keeps V8's engine, and `ranges` asks the fast boolean test first.
 */
export function compileSearch(opts: SearchOptions): CompiledSearch {
  if (opts.q === "") return { ok: true, matcher: null };
  if (!opts.regex) return { ok: true, matcher: literalMatcher(opts.q, opts.caseSensitive) };
  let re: RE2JS;
  try {
    re = RE2JS.compile(opts.q, opts.caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (e) {
    return { ok: false, error: re2Message(e) };
  }
  return {
    ok: true,
    matcher: {
      id: ++lastId,
      test: (text) => re.test(text),
      ranges(text) {
        const out: MatchRange[] = [];
        // test() runs on RE2's DFA; the Matcher that finds offsets is several times slower.
        if (!re.test(text)) return out;
        const m = re.matcher(text);
        while (m.find()) {
          const start = m.start();
          const end = m.end();
          // An empty match (`a*`, `^`) marks nothing; find() itself steps past it.
          if (end === start) continue;
          out.push([start, end]);
          if (out.length >= MAX_RANGES_PER_LINE) break;
        }
        return out;
      },
    },
  };
}
