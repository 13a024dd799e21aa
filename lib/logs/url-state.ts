import { LEVELS, type Level } from "./levels";
import { keyToMillis, tsKey } from "./timestamps";

/*
 * Everything that defines a log view lives in the URL, so a link pasted into the incident channel
 * opens the same containers, range, filters and display:
 *
 *   /logs?c=api,worker&range=1h&tail=all&q=timeout&re=1&only=1&levels=error,warn&tz=utc&streams=stderr&wrap=1
 *
 * A permalink to one line is such a link too: a custom range around the line's time, all of its
 * history, and `line=<timestamp>` naming the line to scroll to and highlight (see `permalinkQuery`).
 *
 * Defaults are left out, so the plain link stays plain. Unknown or invalid values fall back to
 * defaults rather than failing: a hand-edited link still opens something sensible.
 */

export const QUICK_RANGES = ["5m", "15m", "1h", "24h"] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];
/** `live`: no time bound, just the tail and then follow. `start`: since the container (last) started. */
export type RangeKind = "live" | QuickRange | "start" | "custom";

export const TAIL_CHOICES = [100, 1_000, 10_000, 100_000, "all"] as const;
export type TailChoice = (typeof TAIL_CHOICES)[number];
export const DEFAULT_TAIL: TailChoice = 1_000;

export type StreamChoice = "both" | "stdout" | "stderr";

export interface LogViewState {
  readonly engine: string;
  /** Container names or ids, as given (the server resolves them). */
  readonly containers: readonly string[];
  readonly range: RangeKind;
  /** Custom range bounds, ISO 8601 (absolute, so a shared link means the same time everywhere). */
  readonly since?: string;
  readonly until?: string;
  readonly tail: TailChoice;
  readonly q: string;
  readonly regex: boolean;
  readonly caseSensitive: boolean;
  readonly onlyMatching: boolean;
  /** Levels shown; all of them by default. */
  readonly levels: readonly Level[];
  readonly timestamps: boolean;
  readonly utc: boolean;
  readonly streams: StreamChoice;
  /**
   * Wrap long lines. Undefined when the URL does not say: the user's preference decides then
   * (a link that says `wrap=1` or `wrap=0` wins over it).
   */
  readonly wrap?: boolean;
  /** The line a permalink points at, as its timestamp key (see `tsKey`): scrolled to and highlighted. */
  readonly line?: string;
}

export const DEFAULT_ENGINE_ID = "local";
export const MAX_VIEW_CONTAINERS = 20;
export const MAX_QUERY_LENGTH = 1_000;

export const DEFAULT_STATE: LogViewState = {
  engine: DEFAULT_ENGINE_ID,
  containers: [],
  range: "live",
  tail: DEFAULT_TAIL,
  q: "",
  regex: false,
  caseSensitive: false,
  onlyMatching: false,
  levels: LEVELS,
  timestamps: true,
  utc: false,
  streams: "both",
};

const QUICK_SECONDS: Record<QuickRange, number> = { "5m": 300, "15m": 900, "1h": 3_600, "24h": 86_400 };

// Same rules as containerRefSchema / engineIdSchema in lib/schemas.ts.
const REF = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const ENGINE = /^[a-z0-9][a-z0-9-]{0,62}$/;

type Params = { get(name: string): string | null };

function isoOrUndefined(v: string | null): string | undefined {
  if (!v) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

export function parseViewState(sp: Params): LogViewState {
  const engine = sp.get("engine") ?? "";
  const containers = [
    ...new Set(
      (sp.get("c") ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && s.length <= 256 && REF.test(s)),
    ),
  ].slice(0, MAX_VIEW_CONTAINERS);

  const rangeParam = sp.get("range");
  let range: RangeKind = "live";
  if ((QUICK_RANGES as readonly string[]).includes(rangeParam ?? "")) range = rangeParam as QuickRange;
  else if (rangeParam === "start") range = "start";
  const since = isoOrUndefined(sp.get("since"));
  const until = isoOrUndefined(sp.get("until"));
  // A bare since/until is a custom range whatever `range` says; a custom range without bounds is live.
  const custom = since !== undefined || until !== undefined;
  if (custom) range = "custom";

  const tailParam = sp.get("tail");
  const tail: TailChoice =
    tailParam === "all" ? "all" : (TAIL_CHOICES as readonly unknown[]).includes(Number(tailParam)) ? (Number(tailParam) as TailChoice) : DEFAULT_TAIL;

  const levelsParam = sp.get("levels");
  const levels = levelsParam === null ? LEVELS : LEVELS.filter((l) => levelsParam.split(",").includes(l));

  const wrapParam = sp.get("wrap");
  const wrap = wrapParam === "1" ? true : wrapParam === "0" ? false : undefined;
  const line = tsKey(sp.get("line") ?? "") || undefined;

  const streamsParam = sp.get("streams");
  const streams: StreamChoice = streamsParam === "stdout" || streamsParam === "stderr" ? streamsParam : "both";

  return {
    engine: ENGINE.test(engine) ? engine : DEFAULT_ENGINE_ID,
    containers,
    range,
    ...(custom && since ? { since } : {}),
    ...(custom && until ? { until } : {}),
    tail,
    q: (sp.get("q") ?? "").slice(0, MAX_QUERY_LENGTH),
    regex: sp.get("re") === "1",
    caseSensitive: sp.get("case") === "1",
    onlyMatching: sp.get("only") === "1",
    levels,
    timestamps: sp.get("ts") !== "0",
    utc: sp.get("tz") === "utc",
    streams,
    ...(wrap !== undefined ? { wrap } : {}),
    ...(line ? { line } : {}),
  };
}

/** The query string for a state (with `?`, or "" when everything is default). Keys in a stable order. */
export function serializeViewState(s: LogViewState): string {
  const sp = new URLSearchParams();
  if (s.containers.length) sp.set("c", s.containers.join(","));
  if (s.engine !== DEFAULT_ENGINE_ID) sp.set("engine", s.engine);
  if (s.range === "custom") {
    if (s.since) sp.set("since", s.since);
    if (s.until) sp.set("until", s.until);
  } else if (s.range !== "live") sp.set("range", s.range);
  if (s.tail !== DEFAULT_TAIL) sp.set("tail", String(s.tail));
  if (s.q) sp.set("q", s.q);
  if (s.regex) sp.set("re", "1");
  if (s.caseSensitive) sp.set("case", "1");
  if (s.onlyMatching) sp.set("only", "1");
  if (s.levels.length !== LEVELS.length) sp.set("levels", LEVELS.filter((l) => s.levels.includes(l)).join(","));
  if (!s.timestamps) sp.set("ts", "0");
  if (s.utc) sp.set("tz", "utc");
  if (s.streams !== "both") sp.set("streams", s.streams);
  if (s.wrap !== undefined) sp.set("wrap", s.wrap ? "1" : "0");
  if (s.line) sp.set("line", s.line);
  // Commas in the container list read better unescaped; they are legal in a query string.
  const q = sp.toString().replace(/%2C/g, ",");
  return q ? `?${q}` : "";
}

export interface ResolvedRange {
  /** Unix seconds, as the socket and the download take them. */
  readonly since?: number;
  readonly until?: number;
}

/**
 * The time bounds a state asks for, now. `startedAt` (RFC 3339, from the subscribe ack) is needed
 * for "since container start"; without it that range has no lower bound.
 */
export function resolveRange(s: Pick<LogViewState, "range" | "since" | "until">, nowMs: number, startedAt?: string): ResolvedRange {
  switch (s.range) {
    case "live":
      return {};
    case "start": {
      const ms = startedAt ? Date.parse(startedAt) : NaN;
      return Number.isFinite(ms) ? { since: Math.floor(ms / 1000) } : {};
    }
    case "custom": {
      const since = s.since ? Date.parse(s.since) / 1000 : undefined;
      const until = s.until ? Date.parse(s.until) / 1000 : undefined;
      return { ...(since !== undefined && Number.isFinite(since) ? { since } : {}), ...(until !== undefined && Number.isFinite(until) ? { until } : {}) };
    }
    default:
      return { since: Math.floor(nowMs / 1000) - QUICK_SECONDS[s.range] };
  }
}

/** The socket's `tail`: undefined means everything in the range. */
export function tailValue(t: TailChoice): number | undefined {
  return t === "all" ? undefined : t;
}

/**
 * The range and tail a subscription asks for. "All" history with no start time becomes `since: 0`
 * (Docker's "from the beginning"): a request with no bound at all gets the server's default tail
 * of 1,000 lines, so "All" would quietly mean the last thousand.
 */
export function subscriptionBounds(range: ResolvedRange, t: TailChoice): ResolvedRange & { tail?: number } {
  const tail = tailValue(t);
  if (tail !== undefined) return { ...range, tail };
  return range.since === undefined ? { ...range, since: 0 } : range;
}

/** Query string for `GET …/containers/{ref}/logs`: the view's range, streams, and filter when it hides lines. */
export function downloadQuery(
  s: Pick<LogViewState, "tail" | "timestamps" | "streams" | "q" | "regex" | "caseSensitive" | "onlyMatching">,
  range: ResolvedRange,
): string {
  const sp = new URLSearchParams();
  if (range.since !== undefined) sp.set("since", String(range.since));
  if (range.until !== undefined) sp.set("until", String(range.until));
  const tail = tailValue(s.tail);
  if (tail !== undefined) sp.set("tail", String(tail));
  sp.set("timestamps", s.timestamps ? "true" : "false");
  if (s.streams === "stderr") sp.set("stdout", "false");
  if (s.streams === "stdout") sp.set("stderr", "false");
  if (s.onlyMatching && s.q) {
    sp.set("q", s.q);
    if (s.regex) sp.set("regex", "true");
    if (s.caseSensitive) sp.set("case", "true");
  }
  return sp.toString();
}

/** localStorage key of the wrap preference ("1" or "0"), used when the URL does not say. */
export const WRAP_PREFERENCE_KEY = "berth.logs.wrap";

/**
 * The stored preference; with none yet, wrap on a phone-sized screen (`narrow`), where a line cut
 * at 50 characters is unreadable, and not on a wider one, where columns line up better unwrapped.
 */
export function parseWrapPreference(raw: string | null, narrow = false): boolean {
  if (raw === "1") return true;
  if (raw === "0") return false;
  return narrow;
}

/** The wrap a view shows: the URL's when it says, else the user's preference. */
export function effectiveWrap(s: Pick<LogViewState, "wrap">, preference: boolean): boolean {
  return s.wrap ?? preference;
}

/**
 * How much history around a linked line the view loads, each side. A window, not "everything
 * before and after", so a link into a chatty container still opens quickly and fits in the view's
 * buffer; the range menu widens it if more context is needed.
 */
export const PERMALINK_WINDOW_S = 60;

/**
 * The query string (with `?`) of a link to one line: the same engine and containers, a custom
 * range of PERMALINK_WINDOW_S either side of the line, all of that history (a tail could cut the
 * line off), and the line's timestamp key. Filters and display options are left out: the line
 * must not be hidden by a search, and the reader keeps their own display preferences.
 */
export function permalinkQuery(s: Pick<LogViewState, "engine" | "containers">, lineKey: string): string {
  const ms = keyToMillis(lineKey);
  return serializeViewState({
    ...DEFAULT_STATE,
    engine: s.engine,
    containers: s.containers,
    range: "custom",
    // Floored and ceiled to the millisecond, so the window always contains the nanosecond stamp.
    since: new Date(ms - PERMALINK_WINDOW_S * 1000).toISOString(),
    until: new Date(ms + 1 + PERMALINK_WINDOW_S * 1000).toISOString(),
    tail: "all",
    line: lineKey,
  });
}

/**
 * Things that, changed, make a linked line meaningless: a view of other containers or another
 * range no longer shows "around that line", so the highlight (and the `line` param) goes.
 */
export function withPatch(s: LogViewState, patch: Partial<LogViewState>): LogViewState {
  const next = { ...s, ...patch };
  const moved = !("line" in patch) && ("containers" in patch || "range" in patch || "since" in patch || "until" in patch || "engine" in patch);
  if (moved && next.line !== undefined) {
    const { line: _line, ...rest } = next;
    return rest;
  }
  return next;
}
