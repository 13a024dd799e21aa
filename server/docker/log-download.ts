import { Readable } from "node:stream";
import { tsKey } from "@/lib/logs/timestamps";
import { FrameParser, LogDemuxer, type LogLine } from "./log-demuxer";

/*
 * The bodies of log downloads. Each streams: it reads from Docker only as fast as the client takes
 * the file (the upstream is paused while the output is full), so neither a million-line backlog nor
 * fifty merged containers are ever held whole.
 */

/** Lines are handed on in pieces of about this many characters: one push per line is slow. */
const PUSH_CHARS = 32 * 1024;

/** How a line is written: `[name | ][timestamp ][[stderr] ]text`. */
export interface LineFormat {
  readonly timestamps: boolean;
  /** Mark stderr lines with `[stderr] `. */
  readonly labels: boolean;
}

export function formatLogLine(line: LogLine, f: LineFormat, prefix = ""): string {
  return `${prefix}${f.timestamps && line.ts ? `${line.ts} ` : ""}${f.labels && line.stream === "stderr" ? "[stderr] " : ""}${line.text}\n`;
}

/**
 * The container's output exactly as `docker logs` prints it: the payload bytes of every frame in
 * order (stdout and stderr interleaved as written), nothing decoded, split or added — a TTY
 * container's raw stream (carriage returns and all) passes through as it is. Needs the upstream
 * opened without timestamps.
 */
export function dockerLogsBody(upstream: Readable, tty: boolean): Readable {
  const out = new Readable({ read: () => void upstream.resume() });
  const pieces: Buffer[] = [];
  const frames = tty
    ? null
    : new FrameParser(
        () => undefined,
        (_stream, bytes) => pieces.push(Buffer.from(bytes)),
      );
  upstream.on("data", (chunk: Buffer) => {
    let bytes: Buffer = chunk;
    if (frames) {
      frames.write(chunk);
      if (frames.corrupt) return void out.destroy(new Error("The engine's log stream is not multiplexed"));
      bytes = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
      pieces.length = 0;
    }
    if (bytes.length > 0 && !out.push(bytes)) upstream.pause();
  });
  upstream.on("end", () => out.push(null));
  upstream.on("error", (e) => out.destroy(e));
  return out;
}

/**
 * One container's log as lines, each written by `format` (null drops the line: the `q` filter).
 * `timestamps` says whether the upstream was opened with them.
 */
export function lineLogBody(upstream: Readable, tty: boolean, timestamps: boolean, format: (line: LogLine) => string | null): Readable {
  const out = new Readable({ read: () => void upstream.resume() });
  let pending = "";
  const demux = new LogDemuxer(tty, timestamps, (l) => {
    const text = format(l);
    if (text !== null) pending += text;
  });
  upstream.on("data", (chunk: Buffer) => {
    demux.write(chunk);
    // One push per chunk from Docker (tens of KiB), not per line.
    if (pending) {
      const full = !out.push(pending);
      pending = "";
      if (full) upstream.pause();
    }
  });
  upstream.on("end", () => {
    demux.end();
    if (pending) out.push(pending);
    out.push(null);
  });
  upstream.on("error", (e) => out.destroy(e));
  return out;
}

/** Where the merge takes lines from: one container's log, in time order. */
export interface LineSource {
  /** The next line, left in place; undefined while none is queued. */
  peek(): LogLine | undefined;
  /** Takes the line `peek` returned. */
  take(): LogLine;
  /** True when no further line will come. */
  readonly done: boolean;
  /** Set when the source ended by failing. */
  readonly error?: Error;
  /** Resolves once a line is queued or the source is done. */
  ready(): Promise<void>;
}

/**
 * A k-way merge by timestamp: the next line out is always the earliest head among the sources,
 * so it waits until every unfinished source has a line queued. Equal times keep the sources' order.
 * A line without a timestamp (the rest of an over-long line) sorts with its source's previous one.
 * With at most a few dozen sources a scan of the heads beats a heap's bookkeeping.
 */
export class TimeMerge {
  private busy = false;
  private finished = false;
  private readonly lastKey: string[];
  /** Each source's head line and its sort key, so a key is computed once per line, not per scan. */
  private readonly heads: (LogLine | undefined)[] = [];
  private readonly headKeys: string[] = [];

  constructor(
    private readonly sources: readonly LineSource[],
    private readonly out: {
      /** A line from source `index`; false asks the merge to stop until `pump` is called again. */
      line(index: number, line: LogLine): boolean;
      /** Called before the merge waits for a source (a moment to flush what was written). */
      waiting(): void;
      end(): void;
      fail(error: Error): void;
    },
  ) {
    this.lastKey = sources.map(() => "");
  }

  /** Runs the merge until the output is full, a source has to be waited for, or all are done. */
  pump(): void {
    if (this.busy || this.finished) return;
    this.busy = true;
    for (;;) {
      let best = -1;
      let bestKey = "";
      let blocked: LineSource | undefined;
      for (let i = 0; i < this.sources.length; i++) {
        const s = this.sources[i]!;
        if (s.error) return this.finish(s.error);
        const line = s.peek();
        if (!line) {
          if (!s.done) {
            blocked = s;
            break;
          }
          continue;
        }
        if (this.heads[i] !== line) {
          this.heads[i] = line;
          this.headKeys[i] = (line.ts && tsKey(line.ts)) || this.lastKey[i]!;
        }
        const key = this.headKeys[i]!;
        if (best === -1 || key < bestKey) {
          best = i;
          bestKey = key;
        }
      }
      if (blocked) {
        this.out.waiting();
        void blocked.ready().then(() => {
          this.busy = false;
          this.pump();
        });
        return;
      }
      if (best === -1) return this.finish();
      const line = this.sources[best]!.take();
      this.lastKey[best] = bestKey;
      if (!this.out.line(best, line)) {
        this.busy = false;
        return;
      }
    }
  }

  private finish(error?: Error): void {
    this.finished = true;
    this.busy = false;
    if (error) this.out.fail(error);
    else this.out.end();
  }
}

/** Queued characters per source before its upstream is paused: bounds memory per container. */
const SOURCE_HIGH_CHARS = 256 * 1024;

/**
 * A container's log stream (opened with timestamps) as a LineSource: lines queue as they are
 * demultiplexed, the upstream pauses while the queue is full and resumes as the merge drains it.
 */
export class UpstreamLines implements LineSource {
  private lines: LogLine[] = [];
  private head = 0;
  private queuedChars = 0;
  private waiter?: () => void;
  done = false;
  error?: Error;

  constructor(
    private readonly upstream: Readable,
    tty: boolean,
    keep: ((raw: string) => boolean) | null,
  ) {
    const demux = new LogDemuxer(tty, true, (l) => {
      if (keep && !keep(l.text)) return;
      this.lines.push(l);
      this.queuedChars += l.text.length;
    });
    upstream.on("data", (chunk: Buffer) => {
      demux.write(chunk);
      if (this.queuedChars > SOURCE_HIGH_CHARS) upstream.pause();
      this.wake();
    });
    upstream.on("end", () => {
      demux.end();
      this.done = true;
      this.wake();
    });
    upstream.on("error", (e) => {
      this.error = e;
      this.done = true;
      this.wake();
    });
  }

  peek(): LogLine | undefined {
    return this.lines[this.head];
  }

  take(): LogLine {
    const line = this.lines[this.head++]!;
    this.queuedChars -= line.text.length;
    if (this.head === this.lines.length) {
      this.lines = [];
      this.head = 0;
    }
    if (this.upstream.isPaused() && this.queuedChars <= SOURCE_HIGH_CHARS / 2) this.upstream.resume();
    return line;
  }

  ready(): Promise<void> {
    if (this.head < this.lines.length || this.done) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}

/** Pads names to one width so the lines line up, as `docker compose logs` does: `web    | …`. */
export function namePrefixes(names: readonly string[]): string[] {
  const width = Math.max(0, ...names.map((n) => n.length));
  return names.map((n) => `${n.padEnd(width)} | `);
}

/** Several containers' lines in one stream, ordered by time, each prefixed with its container's name. */
export function mergedLogBody(sources: readonly LineSource[], names: readonly string[], f: LineFormat): Readable {
  const prefixes = namePrefixes(names);
  let pending = "";
  const flush = (): boolean => {
    if (!pending) return true;
    const ok = out.push(pending);
    pending = "";
    return ok;
  };
  const merge = new TimeMerge(sources, {
    line(i, line) {
      pending += formatLogLine(line, f, prefixes[i]);
      return pending.length < PUSH_CHARS || flush();
    },
    waiting: () => void flush(),
    end() {
      flush();
      out.push(null);
    },
    fail: (e) => out.destroy(e),
  });
  const out: Readable = new Readable({ read: () => merge.pump() });
  return out;
}
