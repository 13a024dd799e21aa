import type { DockerEventWire } from "@/lib/wire";
import { feedAction } from "@/server/docker/container-action";
import type { DockerEvent } from "./events-hub";

/** Recent events kept per engine for a late joiner; older ones drop off. */
export const FEED_BACKLOG = 200;
const FLUSH_MS = 250;

/** Where the feed's events come from: the engine's one events stream (EventsHub.onEvent). */
export type EventSource = (listener: (ev: DockerEvent) => void) => () => void;

/**
 * The System page's live events feed of one engine: a bounded backlog and batched fan-out
 * (≤ 250 ms) over the engine's one `GET /events` stream, which the EventsHub owns and
 * re-opens (with `since`) when it breaks — the feed never opens a stream of its own.
 */
export class SystemEventsFeed {
  private readonly backlog: DockerEventWire[] = [];
  private pending: DockerEventWire[] = [];
  private readonly listeners = new Set<(events: readonly DockerEventWire[]) => void>();
  private flushTimer?: NodeJS.Timeout;
  private lastNano?: number;
  private seq = 0;
  private readonly detach: () => void;

  constructor(source: EventSource) {
    this.detach = source((ev) => this.onEvent(ev));
  }

  /** Adds a listener; returns the backlog (oldest first) and an unsubscribe function. */
  subscribe(fn: (events: readonly DockerEventWire[]) => void): { backlog: DockerEventWire[]; unsubscribe: () => void } {
    this.listeners.add(fn);
    return {
      backlog: [...this.backlog],
      unsubscribe: () => {
        this.listeners.delete(fn);
        if (this.listeners.size === 0) this.dropPending();
      },
    };
  }

  /** Detaches from the events stream (shutdown). */
  stop(): void {
    this.detach();
    this.dropPending();
  }

  private dropPending() {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending = [];
  }

  private onEvent(ev: DockerEvent) {
    if (!ev.Type || !ev.Action) return;
    const nano = ev.timeNano ?? (ev.time ?? Date.now() / 1000) * 1e9;
    // After a reconnect with `since`, Docker replays the last moment: skip what we already have.
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
    if (this.listeners.size === 0) return;
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
