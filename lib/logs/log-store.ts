import type { LogLineWire, LogsEndReason } from "@/lib/socket-events";
import { entryKey, type LineEntry, type LogEntry, type MarkerEntry, type MarkerReason } from "./entries";
import { detectLevel, type Level } from "./levels";
import { RingBuffer } from "./ring-buffer";
import { stripAnsi } from "./ansi";
import { tsKey } from "./timestamps";

/** Lines the browser keeps per view; older ones are dropped with a visible count. */
export const DEFAULT_CAPACITY = 150_000;
/** React hears about changes at most this often, however fast lines arrive. */
export const NOTIFY_MS = 250;
/** The longest the interval stretches when rendering is slow (see `rendered`). */
export const MAX_NOTIFY_MS = 1_000;
/** Rendering may take at most this share of the time, so input always finds the main thread free. */
const RENDER_SHARE = 0.25;
/** Texts remembered for the newest timestamp of a container, to tell a resent line from a new one. */
const SAME_KEY_TEXTS = 64;
const RATE_WINDOW_MS = 3_000;

export type StorePhase = "connecting" | "backlog" | "live" | "error";

interface KeyTexts {
  key: string;
  texts: string[];
}

export interface LogStoreOptions {
  capacity?: number;
  notifyMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

/**
 * The log lines of one view, outside React: socket pushes land here at any rate, kept sorted by
 * timestamp in a bounded ring buffer, and React is told at most every NOTIFY_MS (it reads the
 * version with useSyncExternalStore and renders only the rows on screen).
 *
 * Nothing is lost silently: lines the ring drops are counted (`evicted`), lines the server had to
 * skip become a marker row, and stream ends become marker rows. After a reconnect the stream is
 * re-read from a little before the newest line held; `beginResume` makes the store drop what it
 * already has, per container, so the overlap shows up neither twice nor not at all.
 */
export class LogStore {
  readonly buffer: RingBuffer<LogEntry>;
  private seq = 0;
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private lastNotify = -Infinity;
  private interval: number;
  private snapshot: { version: number; entries: LogEntry[] } | null = null;
  private rowsSnapshot: { version: number; rows: LogEntry[] } | null = null;
  /** Lines held per level, kept as lines arrive and drop out: no render counts 150,000 lines. */
  private readonly levelTally: Record<Level, number> = { error: 0, warn: 0, info: 0, debug: 0, unknown: 0 };

  /** Lines accepted since the view opened (including ones since dropped by the bound). */
  received = 0;
  /** Lines the server reported skipped (a marker row shows each occurrence). */
  skippedTotal = 0;
  /** Lines dropped on arrival because they were already held (reconnect overlap). */
  duplicates = 0;
  /** Newest key held over all containers ("" when none). */
  newestKey = "";
  /** Longest plain line seen, in characters (for the horizontal scroll width). */
  maxLineLength = 0;
  phase: StorePhase = "connecting";
  error: string | null = null;
  /** Containers whose stream has ended, and why; cleared when their lines resume. */
  readonly ended = new Map<string, MarkerReason>();

  private readonly newestBy = new Map<string, KeyTexts>();
  private floors: Map<string, KeyTexts> | null = null;
  private arrivals: { t: number; n: number }[] = [];
  private readonly opts: Required<LogStoreOptions>;

  constructor(options: LogStoreOptions = {}) {
    this.opts = {
      capacity: options.capacity ?? DEFAULT_CAPACITY,
      notifyMs: options.notifyMs ?? NOTIFY_MS,
      now: options.now ?? (() => Date.now()),
      setTimer: options.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimer: options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>)),
    };
    this.buffer = new RingBuffer<LogEntry>(this.opts.capacity, (dropped) => {
      if (dropped.kind === "line") this.levelTally[dropped.level]--;
    });
    this.interval = this.opts.notifyMs;
  }

  get capacity(): number {
    return this.buffer.capacity;
  }

  /** Entries dropped from the front to stay within the capacity. */
  get evicted(): number {
    return this.buffer.evicted;
  }

  get length(): number {
    return this.buffer.length;
  }

  /** The newest key held for one container. */
  newestKeyOf(container: string): string | undefined {
    return this.newestBy.get(container)?.key;
  }

  // ——— writes (socket handlers) ———

  addLines(lines: readonly LogLineWire[]): void {
    if (lines.length === 0) return;
    const batch: LineEntry[] = [];
    let sorted = true;
    let prev = "";
    for (const l of lines) {
      const key = (l.ts && tsKey(l.ts)) || this.newestKey || "0000-00-00T00:00:00.000000000Z";
      if (this.isDuplicate(l.container, key, l.text)) {
        this.duplicates++;
        continue;
      }
      this.remember(l.container, key, l.text);
      if (this.ended.has(l.container)) this.ended.delete(l.container);
      const plain = stripAnsi(l.text);
      if (plain.length > this.maxLineLength) this.maxLineLength = plain.length;
      const level = detectLevel(plain);
      this.levelTally[level]++;
      batch.push({
        kind: "line",
        seq: this.seq++,
        key,
        container: l.container,
        stream: l.stream,
        raw: l.text,
        plain,
        level,
        matchGen: -1,
        matched: false,
      });
      if (key < prev) sorted = false;
      prev = key;
      if (key > this.newestKey) this.newestKey = key;
    }
    if (batch.length === 0) return;
    // Lines of one container arrive in order; a push mixing containers may not be. Sort is stable.
    if (!sorted) batch.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.buffer.insertSorted(batch, entryKey);
    this.received += batch.length;
    if (this.phase === "live") this.arrivals.push({ t: this.opts.now(), n: batch.length });
    this.changed();
  }

  /** The server dropped `count` lines for this client: say so where it happened. */
  addSkipped(count: number): void {
    if (count <= 0) return;
    this.skippedTotal += count;
    this.addMarker({ reason: "skipped", count, message: "" });
  }

  addEnded(container: string, reason: LogsEndReason | "not-running", message: string): void {
    this.ended.set(container, reason);
    // One "end of range" row for a merged view, not one per container.
    if (reason === "end-of-range") {
      const last = this.buffer.last();
      if (last?.kind === "marker" && last.reason === "end-of-range") return this.changed();
    }
    this.addMarker({ reason, container, message });
  }

  setPhase(phase: StorePhase, error: string | null = null): void {
    this.phase = phase;
    this.error = error;
    this.changed();
  }

  /**
   * Before re-subscribing after a reconnect: from now on, drop per container what is at or
   * before its newest line held. Returns the newest key over all containers (undefined when
   * nothing is held: then the original request is simply repeated).
   */
  beginResume(): string | undefined {
    this.floors = new Map([...this.newestBy].map(([c, v]) => [c, { key: v.key, texts: [...v.texts] }]));
    return this.newestKey || undefined;
  }

  // ——— reads (React) ———

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Everything held, oldest first: one array per version, shared by all readers. */
  entries(): LogEntry[] {
    if (this.snapshot?.version !== this.version) this.snapshot = { version: this.version, entries: this.buffer.toArray() };
    return this.snapshot.entries;
  }

  /**
   * What the view lists before any filter: everything held, oldest first, and — once the bound has
   * dropped lines — a marker on top saying how many. One array per version, built in one pass.
   */
  rows(): LogEntry[] {
    if (this.rowsSnapshot?.version !== this.version) {
      const evicted = this.buffer.evicted;
      const dropped: MarkerEntry | undefined =
        evicted > 0 ? { kind: "marker", seq: -1, key: "", reason: "dropped", count: evicted, message: this.capacity.toLocaleString("en-US") } : undefined;
      this.rowsSnapshot = { version: this.version, rows: this.buffer.toArray(dropped) };
    }
    return this.rowsSnapshot.rows;
  }

  /** Lines held per level (a fresh object: the caller may keep it). */
  levelCounts(): Record<Level, number> {
    return { ...this.levelTally };
  }

  /** Lines held (markers not counted). */
  get lineCount(): number {
    const t = this.levelTally;
    return t.error + t.warn + t.info + t.debug + t.unknown;
  }

  /** Live lines per second over the last few seconds. */
  rate(): number {
    const now = this.opts.now();
    this.arrivals = this.arrivals.filter((a) => a.t > now - RATE_WINDOW_MS);
    let n = 0;
    for (const a of this.arrivals) n += a.n;
    return n / (RATE_WINDOW_MS / 1000);
  }

  /**
   * The view reports how long an update took, up to the painted frame. On a slow machine or a huge
   * view the notify interval stretches (up to MAX_NOTIFY_MS) so rendering stays under a quarter of
   * the main thread, and the page keeps answering clicks and keys while the stream floods in.
   */
  rendered(costMs: number): void {
    this.interval = Math.min(MAX_NOTIFY_MS, Math.max(this.opts.notifyMs, costMs / RENDER_SHARE));
  }

  /** The current minimum time between notifications. */
  get notifyInterval(): number {
    return this.interval;
  }

  /** Tells React now (e.g. before a test reads, or on dispose). */
  flush(): void {
    if (this.timer !== null) {
      this.opts.clearTimer(this.timer);
      this.timer = null;
    }
    this.lastNotify = this.opts.now();
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Cancels a pending notification (the view is going away; React unsubscribes by itself). */
  dispose(): void {
    if (this.timer !== null) this.opts.clearTimer(this.timer);
    this.timer = null;
  }

  // ——— internals ———

  private addMarker(m: Omit<MarkerEntry, "kind" | "seq" | "key">): void {
    // At the current end: lines that happened earlier but arrive later still merge in before it.
    const entry: MarkerEntry = { kind: "marker", seq: this.seq++, key: this.newestKey || "0000-00-00T00:00:00.000000000Z", ...m };
    this.buffer.insertSorted([entry], entryKey);
    this.changed();
  }

  private isDuplicate(container: string, key: string, text: string): boolean {
    const floor = this.floors?.get(container);
    if (!floor) return false;
    if (key < floor.key) return true;
    if (key === floor.key) return floor.texts.includes(text);
    // Past the overlap for this container: stop checking it.
    this.floors!.delete(container);
    return false;
  }

  private remember(container: string, key: string, text: string): void {
    const cur = this.newestBy.get(container);
    if (!cur || key > cur.key) this.newestBy.set(container, { key, texts: [text] });
    else if (key === cur.key && cur.texts.length < SAME_KEY_TEXTS) cur.texts.push(text);
  }

  /** Coalesces change notifications: the first after a quiet spell goes out at once, then ≤ 1 per interval. */
  private changed(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastNotify + this.interval - this.opts.now());
    this.timer = this.opts.setTimer(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }
}
