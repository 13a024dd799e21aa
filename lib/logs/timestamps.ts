/*
 * Docker stamps every log line with an RFC 3339 time with up to nine fraction digits, trailing
 * zeros trimmed ("…:45.1234Z" and "…:45.123400001Z"). Ordering, merging and resuming all compare
 * times, and a JS Date only holds milliseconds, so times are compared as normalised strings: the
 * fraction padded to nine digits makes string order equal time order, with full precision.
 */

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** A sortable key with nanosecond precision: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`, always UTC. */
export function tsKey(ts: string): string {
  const m = RFC3339.exec(ts);
  if (!m) return "";
  const frac = (m[2] ?? "").padEnd(9, "0");
  if (m[3] === "Z") return `${m[1]}.${frac}Z`;
  // Docker sends UTC; an offset is converted so keys from any source still compare.
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) return "";
  return `${new Date(ms).toISOString().slice(0, 19)}.${frac}Z`;
}

/**
 * Unix seconds for a key, as Docker's `since`/`until` take them. A double keeps about microsecond
 * precision at today's epoch, so the result is floored to the microsecond: a `since` built from it
 * never lands after the line it came from (the caller drops the overlap).
 */
export function keyToUnixSeconds(key: string): number {
  const whole = Date.parse(`${key.slice(0, 19)}Z`) / 1000;
  const micros = Number(key.slice(20, 26));
  return whole + micros / 1e6;
}

/**
 * The `since` value that means "from this key on", `margin` seconds earlier. A double spaces
 * values about 0.24 µs apart at today's epoch, so one extra microsecond keeps it at or before the key.
 */
export function sinceForKey(key: string, marginSeconds = 0): number {
  const s = keyToUnixSeconds(key) - marginSeconds;
  return (Math.floor(s * 1e6) - 1) / 1e6;
}

/** Milliseconds since the epoch for a key (display only: sub-millisecond digits are dropped). */
export function keyToMillis(key: string): number {
  return Date.parse(`${key.slice(0, 23)}Z`);
}

export interface TimeFormat {
  readonly utc: boolean;
  /** Include the date (the lines held span more than one day). */
  readonly withDate: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `HH:MM:SS.mmm` (with `YYYY-MM-DD ` when asked), in UTC or the browser's zone. */
export function formatKey(key: string, fmt: TimeFormat): string {
  if (!key) return "";
  if (fmt.utc) {
    // Straight from the key: exact, and no Date allocation per row.
    const time = `${key.slice(11, 19)}.${key.slice(20, 23)}`;
    return fmt.withDate ? `${key.slice(0, 10)} ${time}` : time;
  }
  const d = new Date(keyToMillis(key));
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${key.slice(20, 23)}`;
  return fmt.withDate ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}` : time;
}

/** The full stamp for a detail view or tooltip: nanoseconds kept, zone named. */
export function formatKeyFull(key: string, utc: boolean): string {
  if (!key) return "";
  if (utc) return `${key.slice(0, 10)} ${key.slice(11, 29)} UTC`;
  const d = new Date(keyToMillis(key));
  const offsetMin = -d.getTimezoneOffset();
  const sign = offsetMin >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMin);
  return `${formatKey(key, { utc: false, withDate: true })}${key.slice(23, 29)} ${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A key for a JS time in milliseconds (markers made by the browser, range bounds). */
export function millisToKey(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}000000Z`;
}
