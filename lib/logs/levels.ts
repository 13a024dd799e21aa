/*
 * Log levels, detected from the line itself: a structured field first (JSON `level`, `severity`,
 * `lvl`; logfmt `level=warn`), else a level word (ERROR, WARN, …). Of several words the first
 * wins, since that is where loggers put the level ("INFO retry after ERROR" is an info line).
 */

export const LEVELS = ["error", "warn", "info", "debug", "unknown"] as const;
export type Level = (typeof LEVELS)[number];

/** Only the head of a long line is searched for a level word; loggers put it at the front. */
const WORD_WINDOW = 300;
/** JSON bigger than this is not parsed on arrival (the detail view still pretty-prints it). */
const MAX_JSON_PARSE = 64 * 1024;

const NAMES: Record<string, Level> = {
  error: "error",
  err: "error",
  fatal: "error",
  panic: "error",
  crit: "error",
  critical: "error",
  alert: "error",
  emerg: "error",
  emergency: "error",
  severe: "error",
  warn: "warn",
  warning: "warn",
  info: "info",
  information: "info",
  notice: "info",
  debug: "debug",
  trace: "debug",
  verbose: "debug",
};

/** A level name or number as loggers write it; undefined when it names no level. */
export function normaliseLevel(value: unknown): Level | undefined {
  if (typeof value === "number") {
    // pino/bunyan numbers: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
    if (value >= 50) return "error";
    if (value >= 40) return "warn";
    if (value >= 30) return "info";
    if (value >= 10) return "debug";
    return undefined;
  }
  if (typeof value !== "string") return undefined;
  return NAMES[value.trim().toLowerCase()];
}

const JSON_KEYS = ["level", "severity", "lvl", "Level", "Severity", "LEVEL", "SEVERITY", "log.level"];

/** Parses a line that looks like one JSON object; undefined for anything else. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const t = text.trim();
  if (t.length < 2 || t[0] !== "{" || t[t.length - 1] !== "}") return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// logfmt: `level=info`, `lvl="warn"`, `severity=ERROR` as a whole key.
const LOGFMT = /(?:^|[\s,{])(?:level|lvl|severity)=["']?([A-Za-z]+)/i;
// Level words as loggers write them: all upper or all lower case, on word boundaries.
const WORD = /\b(?:ERROR|ERR|FATAL|PANIC|CRITICAL|WARN|WARNING|INFO|DEBUG|TRACE|error|err|fatal|panic|critical|warn|warning|info|debug|trace)\b/;

/** The level of one line of plain text (escape sequences already removed). */
export function detectLevel(plain: string): Level {
  const head = plain.length > WORD_WINDOW ? plain.slice(0, WORD_WINDOW) : plain;
  if (head.includes("{") && plain.length <= MAX_JSON_PARSE) {
    const obj = parseJsonObject(plain);
    if (obj) {
      for (const key of JSON_KEYS) {
        const level = normaliseLevel(obj[key]);
        if (level) return level;
      }
      // No level field: a level word in the message still says something.
    }
  }
  const kv = LOGFMT.exec(head);
  if (kv) {
    const level = normaliseLevel(kv[1]);
    if (level) return level;
  }
  const word = WORD.exec(head);
  return word ? (NAMES[word[0].toLowerCase()] ?? "unknown") : "unknown";
}

/** Three-letter badges that line up in a monospace column. */
export const LEVEL_BADGE: Record<Level, string> = { error: "ERR", warn: "WRN", info: "INF", debug: "DBG", unknown: "" };

/**
 * The levels shown after a click on one level chip, the way Kibana and Dozzle users expect:
 * a plain click shows only that level (solo), and clicking the solo level again shows all;
 * `additive` (Shift, Ctrl or Cmd held) adds or removes just that level. Removing the last one
 * shows all again rather than an empty list, since "nothing" is never what a filter is for.
 * The result is in LEVELS order, so the URL stays stable.
 */
export function nextLevels(current: readonly Level[], clicked: Level, additive: boolean): Level[] {
  const has = current.includes(clicked);
  if (additive) {
    const next = LEVELS.filter((l) => (l === clicked ? !has : current.includes(l)));
    return next.length === 0 ? [...LEVELS] : next;
  }
  const solo = current.length === 1 && has;
  return solo ? [...LEVELS] : [clicked];
}
