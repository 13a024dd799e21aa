import type { LogsEndReason } from "@/lib/socket-events";
import type { Level } from "./levels";

/** One log line as the viewer holds it. Immutable but for the search cache. */
export interface LineEntry {
  readonly kind: "line";
  /** Arrival order, unique within a store: React keys, selection and scroll anchors use it. */
  readonly seq: number;
  /** tsKey of the Docker timestamp: the sort order. */
  readonly key: string;
  /** Short container id (12 hex), as the socket sends it. */
  readonly container: string;
  readonly stream: "stdout" | "stderr";
  /** The line as written, escape sequences included. */
  readonly raw: string;
  /** The visible text (escape sequences removed): searched, copied, level-detected. */
  readonly plain: string;
  readonly level: Level;
  /** Search cache: `matched` is valid when `matchGen` equals the current search generation. */
  matchGen: number;
  matched: boolean;
}

/** `dropped`: the view's own bound was hit (made by the view, never stored). */
export type MarkerReason = LogsEndReason | "skipped" | "dropped" | "not-running";

/** A row that is not a log line: something happened to the stream. Never filtered out. */
export interface MarkerEntry {
  readonly kind: "marker";
  readonly seq: number;
  readonly key: string;
  readonly reason: MarkerReason;
  /** The container it is about (absent for the view as a whole, e.g. skipped lines). */
  readonly container?: string;
  /** Lines lost, for `skipped`. */
  readonly count?: number;
  /** The server's message (exit code, error text). */
  readonly message: string;
}

export type LogEntry = LineEntry | MarkerEntry;

export const entryKey = (e: LogEntry): string => e.key;

/** The words on a marker row, short enough for a phone. */
export function markerText(m: Pick<MarkerEntry, "reason" | "count" | "message">): string {
  switch (m.reason) {
    case "skipped":
      return `${(m.count ?? 0).toLocaleString("en-US")} ${m.count === 1 ? "line" : "lines"} skipped — the browser fell behind the stream`;
    case "dropped":
      return `${(m.count ?? 0).toLocaleString("en-US")} older lines dropped — the view keeps the newest ${m.message}; download for the full range`;
    case "exited": {
      const code = /code (-?\d+)/.exec(m.message)?.[1];
      return code !== undefined ? `exited with code ${code}` : "exited";
    }
    case "not-running":
      return "not running — new lines appear when it starts";
    case "removed":
      return "container removed";
    case "engine-unreachable":
      return "engine unreachable, will resume";
    case "end-of-range":
      return "end of range";
    case "error":
      return `log stream failed: ${m.message}`;
  }
}
