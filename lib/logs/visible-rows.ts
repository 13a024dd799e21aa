import type { LogEntry } from "./entries";
import { LEVELS, type Level } from "./levels";
import type { Matcher } from "./search";

export interface RowFilter {
  readonly matcher: Matcher | null;
  /** Hide lines without a match (markers always stay: they explain gaps). */
  readonly onlyMatching: boolean;
  readonly levels: readonly Level[];
}

export interface VisibleRows {
  readonly rows: readonly LogEntry[];
  /** Indices into `rows` of lines that match the search, in order. */
  readonly matches: readonly number[];
  /** Lines among `rows` (markers not counted), counted in the same pass; absent when nothing filters. */
  readonly lines?: number;
}

/** Whether a line matches, cached on the entry per compiled search (a 150k-line pass stays cheap). */
export function entryMatches(e: LogEntry, matcher: Matcher): boolean {
  if (e.kind !== "line") return false;
  if (e.matchGen !== matcher.id) {
    e.matched = matcher.test(e.plain);
    e.matchGen = matcher.id;
  }
  return e.matched;
}

/** The rows to show and where the matches are. Without filters the entries array is reused as is. */
export function visibleRows(entries: readonly LogEntry[], f: RowFilter): VisibleRows {
  const levelFilter = f.levels.length < LEVELS.length ? new Set(f.levels) : null;
  const matcher = f.matcher;
  if (!levelFilter && !matcher) return { rows: entries, matches: [] };
  const hide = matcher !== null && f.onlyMatching;
  const rows: LogEntry[] = [];
  const matches: number[] = [];
  let lines = 0;
  for (const e of entries) {
    if (e.kind === "marker") {
      rows.push(e);
      continue;
    }
    if (levelFilter && !levelFilter.has(e.level)) continue;
    if (matcher) {
      const m = entryMatches(e, matcher);
      if (!m && hide) continue;
      if (m) matches.push(rows.length);
    }
    rows.push(e);
    lines++;
  }
  return { rows, matches, lines };
}

/** Counts lines per level (for the filter chips). */
export function levelCounts(entries: readonly LogEntry[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warn: 0, info: 0, debug: 0, unknown: 0 };
  for (const e of entries) if (e.kind === "line") counts[e.level]++;
  return counts;
}
