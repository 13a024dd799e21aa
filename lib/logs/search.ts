/*
 * The search box: plain text by default, a regular expression on request, case-insensitive
 * unless asked. Same semantics as the download's `q`/`regex`/`case` (server/docker/log-filter.ts)
 * so what is highlighted is what a filtered download contains.
 */

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

/** Compiles the search; an empty query is no search, an invalid regex an error message (never a throw). */
export function compileSearch(opts: SearchOptions): CompiledSearch {
  if (opts.q === "") return { ok: true, matcher: null };
  let re: RegExp;
  try {
    // Plain text goes through an escaped regex too: case folding then works the way it does in
    // regex mode (toLowerCase can change a string's length and shift the offsets).
    re = new RegExp(opts.regex ? opts.q : escapeRegExp(opts.q), opts.caseSensitive ? "g" : "gi");
  } catch (e) {
    return { ok: false, error: (e as Error).message.replace(/^Invalid regular expression: /, "") };
  }
  const tester = new RegExp(re.source, re.flags.replace("g", ""));
  return {
    ok: true,
    matcher: {
      id: ++lastId,
      test: (text) => tester.test(text),
      ranges(text) {
        const out: MatchRange[] = [];
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) {
          if (m[0].length === 0) {
            // An empty match (`a*`, `^`) marks nothing; step over it so the loop ends.
            re.lastIndex++;
            if (re.lastIndex > text.length) break;
            continue;
          }
          out.push([m.index, m.index + m[0].length]);
          if (out.length >= MAX_RANGES_PER_LINE) break;
        }
        return out;
      },
    },
  };
}
