import type { DockerEventWire } from "@/lib/wire";
import { log } from "@/server/log";
import { parseContainerAction } from "./container-action";
import type { Engine } from "./engines";
import { LineSplitter } from "./line-splitter";

/** Recent events kept per engine for a late joiner; older ones drop off. */
export const FEED_BACKLOG = 200;
const FLUSH_MS = 250;
const MAX_BACKOFF_MS = 15_000;
const TYPES = ["container", "image", "network", "volume"];

interface RawEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  id?: string;
  time?: number;
  timeNano?: number;
}

/**
 * The live events feed of one engine: one upstream `GET /events` while at least one browser
 * watches, a bounded backlog, and batched fan-out (≤ 250 ms). The feed stops when the last
 * viewer leaves.
 */
export class SystemEventsFeed {
  private stream?: NodeJS.ReadableStream & { destroy?: () => void };
  private readonly backlog: DockerEventWire[] = [];
  private pending: DockerEventWire[] = [];
  private readonly listeners = new Set<(events: readonly DockerEventWire[]) => void>();
  private flushTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private backoffMs = 500;
  private lastNano?: number;
  private seq = 0;

  constructor(private readonly engine: Engine) {}

  /** Adds a listener; returns the backlog (oldest first) and an unsubscribe function. */
  subscribe(fn: (events: readonly DockerEventWire[]) => void): { backlog: DockerEventWire[]; unsubscribe: () => void } {
    this.listeners.add(fn);
    if (!this.stream) void this.open();
    return {
      backlog: [...this.backlog],
      unsubscribe: () => {
        this.listeners.delete(fn);
        if (this.listeners.size === 0) this.close();
      },
    };
  }

  private async open() {
    if (this.stream) return;
    clearTimeout(this.retryTimer);
    try {
      const opts: { filters: Record<string, string[]>; since?: number } = { filters: { type: TYPES } };
      if (this.lastNano) opts.since = Math.floor(this.lastNano / 1e9);
      const stream = (await this.engine.docker.getEvents(opts)) as NodeJS.ReadableStream & { destroy?: () => void };
      if (this.listeners.size === 0) return stream.destroy?.();
      this.stream = stream;
      this.backoffMs = 500;
      const lines = new LineSplitter((line) => this.onLine(line));
      stream.on("data", (chunk: Buffer) => lines.push(chunk, 0, chunk.length));
      const ended = () => {
        if (this.stream !== stream) return;
        this.stream = undefined;
        this.retry();
      };
      stream.on("end", ended);
      stream.on("close", ended);
      stream.on("error", ended);
    } catch (e) {
      log.warn({ engine: this.engine.id, err: (e as Error).message }, "events feed failed to open");
      this.retry();
    }
  }

  private retry() {
    if (this.listeners.size === 0) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.open(), this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private close() {
    clearTimeout(this.retryTimer);
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending = [];
    const s = this.stream;
    this.stream = undefined;
    s?.destroy?.();
  }

  private onLine(line: string) {
    let ev: RawEvent;
    try {
      ev = JSON.parse(line);
    } catch {
      return;
    }
    if (!ev.Type || !ev.Action) return;
    const nano = ev.timeNano ?? (ev.time ?? Date.now() / 1000) * 1e9;
    // After a reconnect with `since`, Docker replays the last second: skip what we already have.
    if (this.lastNano && nano <= this.lastNano) return;
    this.lastNano = nano;
    const attrs = ev.Actor?.Attributes ?? {};
    const wire: DockerEventWire = {
      key: `${nano}-${this.seq++}`,
      time: new Date(nano / 1e6).toISOString(),
      type: ev.Type,
      action: ev.Type === "container" ? feedAction(ev.Action, attrs) : ev.Action,
      id: ev.Actor?.ID ?? ev.id ?? "",
      ...(attrs.name ? { name: attrs.name } : attrs.image ? { name: attrs.image } : {}),
      attributes: attrs,
    };
    this.backlog.push(wire);
    if (this.backlog.length > FEED_BACKLOG) this.backlog.splice(0, this.backlog.length - FEED_BACKLOG);
    this.pending.push(wire);
    if (this.pending.length > FEED_BACKLOG) this.pending.splice(0, this.pending.length - FEED_BACKLOG);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush() {
    this.flushTimer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    for (const fn of this.listeners) fn(batch);
  }
}

/**
 * A container action as the feed shows it: health events read `health_status: unhealthy` whether
 * the engine put the status in the action text (Docker 20.10) or in an attribute.
 */
export function feedAction(action: string, attributes: Readonly<Record<string, string>>): string {
  const parsed = parseContainerAction(action, attributes);
  return parsed.action === "health_status" && parsed.health ? `health_status: ${parsed.health}` : action;
}

const KEY = Symbol.for("berth.systemEventsFeeds");
type Holder = { [KEY]?: Map<string, SystemEventsFeed> };

/** The feed for an engine, one per process (kept on globalThis like the other singletons). */
export function feedFor(engine: Engine): SystemEventsFeed {
  const g = globalThis as Holder;
  const map = (g[KEY] ??= new Map());
  let feed = map.get(engine.id);
  if (!feed) {
    feed = new SystemEventsFeed(engine);
    map.set(engine.id, feed);
  }
  return feed;
}
