import type { IncomingMessage } from "node:http";
import type { LogsEndReason } from "@/lib/socket-events";
import type { Engine } from "@/server/docker/engines";
import { LogDemuxer, type LogLine } from "@/server/docker/log-demuxer";
import { containerFacts } from "@/server/docker/container-facts";
import { isNotFoundError } from "@/server/docker/errors";
import { openLogStream, tsToUnixSeconds, type LogTarget } from "@/server/docker/logs";
import { log } from "@/server/log";
import { containerEvents, type ContainerEvent } from "./container-events";
import { TsBoundary } from "./ts-boundary";

export interface FollowerListener {
  lines(lines: LogLine[]): void;
  ended(reason: LogsEndReason, message: string): void;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * The one live `follow=1` log stream of a container, shared by every subscriber. It opens when
 * the container runs, ends with a reason when it stops or is removed, and re-opens from the
 * last timestamp it delivered when the container restarts or the engine comes back — so
 * subscribers see neither gaps nor duplicates across those.
 */
export class LogFollower {
  private readonly listeners = new Set<FollowerListener>();
  private stream?: IncomingMessage;
  private abort?: AbortController;
  /** Lines at or before the newest one delivered are repeats from an overlapping re-open. */
  private readonly delivered = new TsBoundary();
  private lastTs?: string;
  private opening = false;
  private openedAt = Date.now() / 1000;
  private backoffMs = 500;
  private retryTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly engine: Engine,
    readonly target: LogTarget,
    private readonly onIdle: () => void,
  ) {
    containerEvents.on("event", this.onEvent);
    engine.on("status", this.onStatus);
    if (target.running) void this.open();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Live lines from now on; the caller fetches its own backlog up to `liveSince()`. */
  add(listener: FollowerListener): void {
    this.listeners.add(listener);
  }

  remove(listener: FollowerListener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) this.onIdle();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    containerEvents.off("event", this.onEvent);
    this.engine.off("status", this.onStatus);
    this.abort?.abort();
    this.stream?.destroy();
    this.stream = undefined;
  }

  private onEvent = (ev: ContainerEvent) => {
    if (ev.engine !== this.engine.id || ev.id !== this.target.id) return;
    if (ev.action === "start" || ev.action === "unpause") void this.open();
    else if (ev.action === "destroy") {
      this.broadcastEnd("removed", "Container removed");
      this.close();
    }
  };

  private onStatus = (summary: { reachable: boolean }) => {
    if (!summary.reachable) {
      if (this.stream) this.broadcastEnd("engine-unreachable", "Engine unreachable — will resume when it returns");
      this.abort?.abort();
      this.stream = undefined;
    } else void this.open();
  };

  private async open(): Promise<void> {
    // The constructor and a `start` event can both ask at once: one stream, never two.
    if (this.stream || this.opening || this.closed) return;
    this.opening = true;
    clearTimeout(this.retryTimer);
    const abort = new AbortController();
    this.abort = abort;
    try {
      const since = this.lastTs ? tsToUnixSeconds(this.lastTs) : this.openedAt;
      const stream = await openLogStream(this.engine, this.target.id, { follow: true, since }, abort.signal);
      if (this.closed || abort.signal.aborted) return void stream.destroy();
      this.stream = stream;
      this.backoffMs = 500;
      let batch: LogLine[] = [];
      const demux = new LogDemuxer(this.target.tty, true, (line) => {
        if (!this.delivered.admit(line.ts, line.stream, line.text)) return;
        if (line.ts) this.lastTs = line.ts;
        batch.push(line);
      });
      stream.on("data", (chunk: Buffer) => {
        demux.write(chunk);
        if (batch.length) {
          const lines = batch;
          batch = [];
          for (const l of this.listeners) l.lines(lines);
        }
      });
      stream.once("close", () => void this.onStreamEnd(stream));
      stream.once("error", () => {});
    } catch (e) {
      if (!abort.signal.aborted) this.retry((e as Error).message);
    } finally {
      this.opening = false;
    }
  }

  /** Docker ends a follow stream when the container stops; any other end is a break to repair. */
  private async onStreamEnd(stream: IncomingMessage) {
    if (this.stream !== stream) return;
    this.stream = undefined;
    if (this.closed) return;
    try {
      const now = await containerFacts(this.engine, this.target.id);
      if (now.running) return this.retry("stream ended while running");
      this.broadcastEnd("exited", `Container exited with code ${now.exitCode}`);
    } catch (e) {
      if (isNotFoundError(e)) {
        this.broadcastEnd("removed", "Container removed");
        this.close();
      } else if (!this.engine.reachable) {
        this.broadcastEnd("engine-unreachable", "Engine unreachable — will resume when it returns");
      } else this.retry((e as Error).message);
    }
  }

  private retry(why: string) {
    if (this.closed) return;
    log.debug({ container: this.target.id, why }, "log follow stream re-opening");
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.open(), this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private broadcastEnd(reason: LogsEndReason, message: string) {
    for (const l of this.listeners) l.ended(reason, message);
  }
}

/** One follower per engine and container, created on first subscriber, closed after a grace period. */
export class LogFollowers {
  private readonly followers = new Map<string, { follower: LogFollower; idleTimer?: NodeJS.Timeout }>();

  constructor(private readonly graceMs = 5_000) {}

  acquire(engine: Engine, target: LogTarget, listener: FollowerListener): LogFollower {
    const key = `${engine.id}/${target.id}`;
    let entry = this.followers.get(key);
    if (entry?.follower.isClosed) {
      clearTimeout(entry.idleTimer);
      entry = undefined;
    }
    if (!entry) {
      const follower: LogFollower = new LogFollower(engine, target, () => {
        const e = this.followers.get(key);
        if (!e || e.follower !== follower) return;
        e.idleTimer = setTimeout(() => {
          if (follower.size === 0) {
            follower.close();
            this.followers.delete(key);
          }
        }, this.graceMs);
      });
      entry = { follower };
      this.followers.set(key, entry);
    }
    clearTimeout(entry.idleTimer);
    entry.follower.add(listener);
    return entry.follower;
  }

  /** Upstream follow streams open right now (for tests and the benchmark). */
  get count(): number {
    return this.followers.size;
  }

  closeAll(): void {
    for (const { follower, idleTimer } of this.followers.values()) {
      clearTimeout(idleTimer);
      follower.close();
    }
    this.followers.clear();
  }
}
