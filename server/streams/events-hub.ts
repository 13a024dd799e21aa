import type { ContainersChangedPush, ResourceKind, ResourcesChangedPush } from "@/lib/socket-events";
import type { EngineSummary } from "@/lib/wire";
import type { Engine } from "@/server/docker/engines";
import { parseContainerAction } from "@/server/docker/container-action";
import { openEventStream, type EventStream } from "@/server/docker/events";
import { LineSplitter } from "@/server/docker/line-splitter";
import { log } from "@/server/log";
import { containerEvents } from "./container-events";

/** Coalesces bursts (a compose up fires dozens of events) into one push, well inside the 2 s freshness budget. */
const FLUSH_MS = 100;
const MAX_BACKOFF_MS = 15_000;

export interface EventsSink {
  containersChanged(push: ContainersChangedPush): void;
  resourcesChanged(push: ResourcesChangedPush): void;
  engineStatus(engine: EngineSummary): void;
}

/** One document of Docker's `/events` stream, as parsed. */
export interface DockerEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  id?: string;
  time?: number;
  timeNano?: number;
}

/**
 * The one Docker events stream of an engine, whatever the number of browsers: it pushes
 * `containers-changed` batches and `engine-status`, feeds the in-process container events (log
 * followers, stats collector, alerts) and, through `onEvent`, the System page's feed. The stream
 * ends silently when the daemon restarts, so it re-opens with `since=<last event>` (dropping the
 * replayed events it already had) and asks clients for a full refetch.
 */
export class EventsHub {
  private stream?: EventStream;
  private pendingIds = new Set<string>();
  private pendingActions = new Set<string>();
  private fullRefresh = false;
  private readonly pendingResources = new Map<ResourceKind, Set<string>>();
  private flushTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private backoffMs = 500;
  private lastEventSeconds?: number;
  private lastNano = 0;
  /** After a re-open with `since`, Docker replays events up to here again: they were handled already. */
  private replayedUpTo = 0;
  private stopped = false;
  private readonly rawListeners = new Set<(ev: DockerEvent) => void>();

  constructor(
    private readonly engine: Engine,
    private readonly sink: EventsSink,
  ) {}

  start(): void {
    this.engine.on("status", this.onStatus);
    if (this.engine.reachable) this.open();
  }

  /** Every event of the stream (exec_* included), as parsed; returns the unsubscribe function. */
  onEvent(listener: (ev: DockerEvent) => void): () => void {
    this.rawListeners.add(listener);
    return () => this.rawListeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
    this.rawListeners.clear();
    this.engine.off("status", this.onStatus);
    clearTimeout(this.flushTimer);
    clearTimeout(this.retryTimer);
    this.close();
  }

  private onStatus = (summary: EngineSummary) => {
    this.sink.engineStatus(summary);
    if (summary.reachable) {
      this.open();
      this.queue(undefined, undefined, true);
    } else {
      this.close();
    }
  };

  private async open(): Promise<void> {
    if (this.stream || this.stopped) return;
    clearTimeout(this.retryTimer);
    try {
      const stream = await openEventStream(this.engine, this.lastEventSeconds);
      if (this.stopped) return stream.destroy?.();
      this.stream = stream;
      this.replayedUpTo = this.lastNano;
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
      log.warn({ engine: this.engine.id, err: (e as Error).message }, "events stream failed to open");
      this.retry();
    }
  }

  private close() {
    const s = this.stream;
    this.stream = undefined;
    s?.destroy?.();
  }

  /** Re-open after a capped backoff; if the engine is down, its status change will re-open instead. */
  private retry() {
    if (this.stopped) return;
    void this.engine.probe();
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.engine.reachable) {
        void this.open();
        this.queue(undefined, undefined, true);
      }
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private onLine(line: string) {
    if (!line.trim()) return;
    let ev: DockerEvent;
    try {
      ev = JSON.parse(line);
    } catch {
      return;
    }
    if (ev.timeNano) {
      if (ev.timeNano <= this.replayedUpTo) return;
      this.lastNano = ev.timeNano;
      this.lastEventSeconds = ev.timeNano / 1e9;
    }
    for (const fn of this.rawListeners) fn(ev);
    if (ev.Type === "image" || ev.Type === "network" || ev.Type === "volume") {
      const actions = this.pendingResources.get(ev.Type) ?? new Set<string>();
      if (ev.Action) actions.add(ev.Action);
      this.pendingResources.set(ev.Type, actions);
      this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
      return;
    }
    const id = ev.Actor?.ID ?? ev.id;
    // The action name alone ("health_status: healthy" → "health_status"), with the health status kept apart.
    const attributes = ev.Actor?.Attributes ?? {};
    const parsed = ev.Action ? parseContainerAction(ev.Action, attributes) : undefined;
    const action = parsed?.action;
    if (action?.startsWith("exec_")) return;
    if (id && parsed && action)
      containerEvents.emit("event", { engine: this.engine.id, id, action, ...(parsed.health ? { health: parsed.health } : {}), attributes });
    this.queue(id, action, false);
  }

  private queue(id: string | undefined, action: string | undefined, full: boolean) {
    if (id) this.pendingIds.add(id);
    if (action) this.pendingActions.add(action);
    if (full) this.fullRefresh = true;
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush() {
    this.flushTimer = undefined;
    for (const [kind, actions] of this.pendingResources) this.sink.resourcesChanged({ engine: this.engine.id, kind, actions: [...actions] });
    this.pendingResources.clear();
    if (!this.fullRefresh && this.pendingIds.size === 0 && this.pendingActions.size === 0) return;
    const push: ContainersChangedPush = {
      engine: this.engine.id,
      ids: this.fullRefresh ? [] : [...this.pendingIds],
      actions: [...this.pendingActions],
    };
    this.pendingIds.clear();
    this.pendingActions.clear();
    this.fullRefresh = false;
    this.sink.containersChanged(push);
  }
}
