import type { LogLineWire, LogsEndReason } from "@/lib/socket-events";
import type { Engine } from "@/server/docker/engines";
import { LogDemuxer, type LogLine } from "@/server/docker/log-demuxer";
import { openLogStream, type LogTarget } from "@/server/docker/logs";
import type { FollowerListener, LogFollowers } from "./log-follower";
import { TsBoundary } from "./ts-boundary";

/**
 * Live lines are flushed at most this often (under 7 pushes a second per subscription). A line that
 * arrives after a quiet spell goes out at once; under load a line waits at most this long, which
 * keeps p99 delivery under 200 ms at 10,000 lines/s.
 */
export const FLUSH_MS = 150;
/** Lines per push; a backlog goes out in pushes of this size as fast as the client reads. */
export const BATCH_LINES = 2_000;
/** Live lines held for a client that is not reading; beyond this the oldest are dropped and counted. */
export const MAX_QUEUED_LINES = 50_000;
/** Live lines held per container while its backlog is still being read. */
const MAX_HANDOVER_LINES = 50_000;

/** What a subscription needs from its socket: emit, and whether the client is keeping up. */
export interface LogsOutlet {
  lines(lines: LogLineWire[]): void;
  skipped(count: number): void;
  ended(container: string, reason: LogsEndReason, message: string): void;
  live(): void;
  /** True while earlier pushes have not been written out to the client yet. */
  congested(): boolean;
  /** Resolves when the client has read what was sent. */
  drained(): Promise<void>;
}

export interface LogRange {
  since?: number;
  until?: number;
  tail?: number;
  stdout: boolean;
  stderr: boolean;
}

/**
 * One client's view of one or more containers' logs: the backlog first (read from Docker as fast
 * as the client takes it, never held whole), then live lines from each container's shared
 * follower, handed over without gaps or duplicates. Live lines are batched, and a client that
 * stops reading loses the oldest queued lines with an explicit skipped count — never server memory.
 */
export class LogSubscription {
  private queue: LogLineWire[] = [];
  private skippedCount = 0;
  private timer?: NodeJS.Timeout;
  private lastFlushAt = 0;
  private closed = false;
  private readonly aborts = new Set<AbortController>();
  private readonly releases: (() => void)[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly targets: LogTarget[],
    private readonly range: LogRange,
    private readonly followers: LogFollowers,
    private readonly out: LogsOutlet,
  ) {}

  async start(): Promise<void> {
    const followsLive = this.range.until === undefined;
    await Promise.all(this.targets.map((t) => this.startContainer(t, followsLive)));
    if (this.closed) return;
    await this.flushAll();
    if (followsLive) this.out.live();
    else for (const t of this.targets) this.out.ended(short(t.id), "end-of-range", "End of the selected time range");
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const a of this.aborts) a.abort();
    for (const release of this.releases) release();
    this.queue = [];
  }

  private async startContainer(target: LogTarget, followsLive: boolean): Promise<void> {
    const container = short(target.id);
    // Join the live stream first and hold its lines, so nothing falls between backlog and live.
    let handover: LogLineWire[] | null = followsLive ? [] : null;
    let handoverDropped = 0;
    const backlogEnd = new TsBoundary();
    if (followsLive) {
      const listener: FollowerListener = {
        lines: (lines) => {
          for (const l of lines) {
            if ((l.stream === "stdout" && !this.range.stdout) || (l.stream === "stderr" && !this.range.stderr)) continue;
            const wire = { container, stream: l.stream, ts: l.ts, text: l.text };
            if (handover) {
              if (handover.length >= MAX_HANDOVER_LINES) {
                handover.shift();
                handoverDropped++;
              }
              handover.push(wire);
            } else this.enqueueLive(wire);
          }
        },
        ended: (reason, message) => {
          this.flushNow();
          this.out.ended(container, reason, message);
        },
      };
      const follower = this.followers.acquire(this.engine, target, listener);
      this.releases.push(() => follower.remove(listener));
    }

    const until = this.range.until ?? Date.now() / 1000;
    const tail = this.range.tail ?? (this.range.since === undefined ? 1000 : undefined);
    await this.readBacklog(target, { since: this.range.since, until, tail }, backlogEnd);

    if (handover) {
      const pending = handover;
      handover = null;
      if (handoverDropped) this.skippedCount += handoverDropped;
      for (const l of pending) if (backlogEnd.admit(l.ts, l.stream, l.text)) this.enqueueLive(l);
    }
  }

  /** Streams a backlog, pausing Docker's response while the client is behind: lossless and bounded. */
  private async readBacklog(target: LogTarget, req: { since?: number; until: number; tail?: number }, seen: TsBoundary): Promise<void> {
    if (this.closed) return;
    const abort = new AbortController();
    this.aborts.add(abort);
    const container = short(target.id);
    // The boundary only needs the backlog's newest timestamp and the lines that share it; feeding
    // it every line cost a Set per line on a million-line drain. Docker sends a backlog in order.
    let newestTs = "";
    const atNewest: LogLine[] = [];
    try {
      const stream = await openLogStream(this.engine, target.id, { follow: false, stdout: this.range.stdout, stderr: this.range.stderr, ...req }, abort.signal);
      const demux = new LogDemuxer(target.tty, true, (l) => {
        this.queue.push({ container, stream: l.stream, ts: l.ts, text: l.text });
        if (l.ts !== newestTs) {
          newestTs = l.ts;
          atNewest.length = 0;
        }
        atNewest.push(l);
      });
      for await (const chunk of stream) {
        if (this.closed) break;
        demux.write(chunk as Buffer);
        if (this.queue.length >= BATCH_LINES) await this.flushAll();
      }
      demux.end();
    } catch (e) {
      if (!abort.signal.aborted && !this.closed) this.out.ended(container, "error", (e as Error).message);
    } finally {
      for (const l of atNewest) seen.admit(l.ts, l.stream, l.text);
      this.aborts.delete(abort);
    }
  }

  private enqueueLive(line: LogLineWire) {
    this.queue.push(line);
    if (this.queue.length > MAX_QUEUED_LINES) {
      const drop = this.queue.length - MAX_QUEUED_LINES;
      this.queue.splice(0, drop);
      this.skippedCount += drop;
    }
    this.timer ??= setTimeout(() => this.flushLive(), Math.max(0, this.lastFlushAt + FLUSH_MS - Date.now()));
  }

  /** Live flush: skip this tick if the client is behind (the queue bound then applies). */
  private flushLive() {
    this.timer = undefined;
    if (this.closed) return;
    if (this.out.congested()) {
      this.timer = setTimeout(() => this.flushLive(), FLUSH_MS);
      return;
    }
    this.flushNow();
  }

  private flushNow() {
    this.lastFlushAt = Date.now();
    if (this.skippedCount) {
      this.out.skipped(this.skippedCount);
      this.skippedCount = 0;
    }
    while (this.queue.length) this.out.lines(this.queue.splice(0, BATCH_LINES));
  }

  /** Backlog flush: wait for the client to read rather than drop anything. */
  private async flushAll() {
    while (this.queue.length && !this.closed) {
      if (this.out.congested()) await this.out.drained();
      this.out.lines(this.queue.splice(0, BATCH_LINES));
    }
  }
}

export const short = (id: string) => id.slice(0, 12);
