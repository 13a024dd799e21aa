import type { IncomingMessage } from "node:http";
import type { Engine } from "./engines";
import { engineFailure } from "./call";
import { containerFacts } from "./container-facts";

export interface LogRequest {
  follow: boolean;
  stdout?: boolean;
  stderr?: boolean;
  /** Unix seconds, fractional allowed. */
  since?: number;
  until?: number;
  /** Lines from the end; omitted means all. */
  tail?: number;
  /** Ask Docker to prefix every entry with its time (default true). */
  timestamps?: boolean;
}

export interface LogTarget {
  id: string;
  name: string;
  tty: boolean;
  running: boolean;
  startedAt?: string;
}

/** What the logs of a container need to know: its id (refs resolve once), name and whether it has a TTY. */
export async function logTarget(engine: Engine, ref: string): Promise<LogTarget> {
  const c = await containerFacts(engine, ref);
  return { id: c.id, name: c.name, tty: c.tty, running: c.running, ...(c.startedAt ? { startedAt: c.startedAt } : {}) };
}

/**
 * Opens `GET /containers/{id}/logs` as a raw byte stream, with timestamps unless asked not to
 * (ordering, merging and resuming depend on them; only a `docker logs`-like download goes
 * without). dockerode buffers non-follow requests whole, so this
 * dials through its modem with `isStream` set: a million-line backlog streams, it is never held.
 */
export function openLogStream(engine: Engine, id: string, req: LogRequest, signal?: AbortSignal): Promise<IncomingMessage> {
  const options: Record<string, string | number | boolean> = {
    follow: req.follow,
    stdout: req.stdout ?? true,
    stderr: req.stderr ?? true,
    timestamps: req.timestamps ?? true,
  };
  if (req.since !== undefined) options.since = req.since.toFixed(9);
  if (req.until !== undefined) options.until = req.until.toFixed(9);
  if (req.tail !== undefined) options.tail = req.tail;
  return new Promise((resolve, reject) => {
    engine.docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: "GET",
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 404: "no such container", 500: "server error" },
        options,
      },
      (err: unknown, stream: unknown) => {
        if (err) return reject(engineFailure(engine, err));
        resolve(stream as IncomingMessage);
      },
    );
  });
}

/** Normalises Docker's RFC 3339 nano timestamps (trailing zeros trimmed) so they compare as strings. */
export function tsKey(ts: string): string {
  const dot = ts.indexOf(".");
  if (dot === -1) return ts.replace(/Z$/, ".000000000Z");
  const frac = ts.slice(dot + 1, ts.length - 1);
  return `${ts.slice(0, dot)}.${frac.padEnd(9, "0")}Z`;
}

/** Docker's `since`/`until` take Unix seconds with a fraction; from an RFC 3339 nano timestamp. */
export function tsToUnixSeconds(ts: string): number {
  const key = tsKey(ts);
  const whole = Date.parse(key.slice(0, 19) + "Z") / 1000;
  return whole + Number(`0.${key.slice(20, 29)}`);
}
