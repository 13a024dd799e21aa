/**
 * Formatters shared by the server and the UI. Durations follow the docker CLI's wording
 * (go-units HumanDuration) so Berth reads like `docker ps`.
 */

/** Docker CLI wording for a duration: "Less than a second", "About a minute", "3 hours", "2 weeks". */
export function humanDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return "Less than a second";
  if (seconds === 1) return "1 second";
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.round(ms / 60_000);
  if (minutes === 1) return "About a minute";
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return "About an hour";
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

export interface StatusInput {
  state: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  exitCode?: number | null;
  health?: string | null;
  restarting?: boolean;
}

function validTime(t: string | null | undefined): number | null {
  if (!t || t.startsWith("0001-01-01")) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The `docker ps` STATUS text computed from inspect data, so the detail page says the same
 * as the list: "Up 3 minutes (healthy)", "Up 2 hours (Paused)", "Exited (1) 2 hours ago", "Created".
 */
export function formatStatus(s: StatusInput, now: number = Date.now()): string {
  const started = validTime(s.startedAt);
  const finished = validTime(s.finishedAt);
  switch (s.state) {
    case "running": {
      const up = started === null ? "Up" : `Up ${humanDuration(now - started)}`;
      const health = s.health && s.health !== "none" ? ` (${s.health === "starting" ? "health: starting" : s.health})` : "";
      return up + health;
    }
    case "paused":
      return started === null ? "Up (Paused)" : `Up ${humanDuration(now - started)} (Paused)`;
    case "restarting":
      return finished === null ? `Restarting (${s.exitCode ?? 0})` : `Restarting (${s.exitCode ?? 0}) ${humanDuration(now - finished)} ago`;
    case "exited":
      return finished === null ? `Exited (${s.exitCode ?? 0})` : `Exited (${s.exitCode ?? 0}) ${humanDuration(now - finished)} ago`;
    case "created":
      return "Created";
    case "removing":
      return "Removal In Progress";
    case "dead":
      return "Dead";
    default:
      return s.state;
  }
}

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

/**
 * Binary units (1 KiB = 1024 B), as `docker stats` prints memory, used for every size in Berth
 * so a memory limit, a usage and an image size can be compared at a glance ("512 MiB", "1.5 GiB").
 */
export function formatBytes(bytes: number, digits = 1): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.97 KiB would print as "1024.0 KiB": carry to the next unit instead.
  if (unit > 0 && unit < UNITS.length - 1 && Number(value.toFixed(digits)) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(digits)} ${UNITS[unit]}`;
}

/** "3 minutes ago" for past ISO times, used for Created columns. */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "—";
  return `${humanDuration(Math.max(0, now - t))} ago`;
}

/** Short id as the CLI prints it. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, "").slice(0, 12);
}

/** A route segment as typed: decoded, or left as it is when a hand-typed URL carries a stray "%". */
export function decodeRouteParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
