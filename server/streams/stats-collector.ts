import type { StatsSample } from "@/lib/wire";
import type { Engine } from "@/server/docker/engines";
import { containerFacts, listAllContainers } from "@/server/docker/container-facts";
import { statsNumbers, type DockerStatsDoc, type StatsNumbers } from "@/server/docker/stats-math";
import { openStatsStream, type StatsStream } from "@/server/docker/stats-stream";
import { log } from "@/server/log";
import { Bucketer, TIERS } from "@/server/stats/downsample";
import { toSample, type ContainerMeta, type StatsHistory } from "@/server/stats/history";
import { SampleRing } from "@/server/stats/sample-ring";
import { containerEvents, type ContainerEvent } from "./container-events";

/** One-second samples kept in memory per container for live charts and late joiners. */
export const LIVE_SECONDS = 15 * 60;
const MAX_BACKOFF_MS = 30_000;

interface Tracked {
  meta: ContainerMeta;
  ring: SampleRing;
  buckets: Bucketer[];
  /** The newest document's time and numbers; the wire sample is built only when someone asks. */
  latest?: { timeMs: number; numbers: StatsNumbers };
  fresh: boolean;
  stream?: StatsStream;
  retry?: NodeJS.Timeout;
  backoffMs: number;
  running: boolean;
}

/**
 * One Docker stats stream per running container of an engine, however many browsers watch:
 * started and stopped from the events stream, retried with capped backoff, and re-synced when
 * the engine comes back. Keeps the latest sample, 15 minutes of one-second samples, and feeds
 * the downsampled history.
 */
export class StatsCollector {
  private readonly tracked = new Map<string, Tracked>();
  private stopped = false;

  constructor(
    readonly engine: Engine,
    private readonly history: StatsHistory,
  ) {}

  start(): void {
    containerEvents.on("event", this.onEvent);
    this.engine.on("status", this.onStatus);
    if (this.engine.reachable) void this.sync();
  }

  stop(): void {
    this.stopped = true;
    containerEvents.off("event", this.onEvent);
    this.engine.off("status", this.onStatus);
    for (const t of this.tracked.values()) this.close(t);
  }

  /** Upstream stats connections open now (should equal the number of running containers). */
  get upstreamCount(): number {
    let n = 0;
    for (const t of this.tracked.values()) if (t.stream) n++;
    return n;
  }

  /** Latest sample per container (running ones), for metrics and the overview. */
  latest(): StatsSample[] {
    const out: StatsSample[] = [];
    for (const t of this.tracked.values()) if (t.latest && t.running) out.push(toSample(t.meta.id, t.latest.timeMs, t.latest.numbers));
    return out;
  }

  /** Samples that arrived since the last call: what one batched push carries. */
  takeFresh(): StatsSample[] {
    const out: StatsSample[] = [];
    for (const t of this.tracked.values()) {
      if (t.fresh && t.latest) {
        out.push(toSample(t.meta.id, t.latest.timeMs, t.latest.numbers));
        t.fresh = false;
      }
    }
    return out;
  }

  /** One-second samples of a container newer than `sinceMs` (empty when it is not tracked). */
  recent(id: string, sinceMs: number): StatsSample[] {
    const t = this.tracked.get(id);
    return t ? t.ring.since(sinceMs).map((s) => toSample(id, s.timeMs, s.numbers)) : [];
  }

  meta(id: string): ContainerMeta | undefined {
    return this.tracked.get(id)?.meta;
  }

  /** Memory held for one container's live buffers, for the benchmark's budget. */
  bytesPerContainer(): number {
    const first = this.tracked.values().next().value;
    return first ? first.ring.bytes : 0;
  }

  private onStatus = (s: { reachable: boolean }) => {
    if (s.reachable) void this.sync();
    else for (const t of this.tracked.values()) this.close(t);
  };

  private onEvent = (ev: ContainerEvent) => {
    if (ev.engine !== this.engine.id) return;
    if (ev.action === "start") void this.trackById(ev.id);
    else if (ev.action === "destroy") {
      const t = this.tracked.get(ev.id);
      if (t) this.close(t);
      this.tracked.delete(ev.id);
      void this.history.markRemoved(this.engine.id, ev.id).catch(() => {});
    } else if (ev.action === "die") {
      const t = this.tracked.get(ev.id);
      if (t) t.running = false;
    }
  };

  /** Opens a stream for every running container (at start and whenever the engine returns). */
  private async sync(): Promise<void> {
    try {
      const listedAt = new Date();
      // All containers, not only running ones: the full listing also tells which containers with
      // history were removed while Berth was not watching (down, or the events stream was cut).
      const all = await listAllContainers(this.engine);
      void this.history
        .reconcileRemoved(this.engine.id, new Set(all.map((c) => c.id)), listedAt)
        .catch((e) => log.warn({ engine: this.engine.id, err: (e as Error).message }, "stats history reconcile failed"));
      const list = all.filter((c) => c.state === "running");
      const running = new Set(list.map((c) => c.id));
      for (const c of list) this.track({ id: c.id, name: c.name, image: c.image, ...(c.project ? { project: c.project } : {}) });
      for (const t of this.tracked.values()) if (!running.has(t.meta.id)) this.close(t);
      // The list has no restart counts; one inspect per container at (re)start fills them in.
      for (const c of list) void this.trackById(c.id);
    } catch (e) {
      log.warn({ engine: this.engine.id, err: (e as Error).message }, "stats sync failed");
    }
  }

  private async trackById(id: string): Promise<void> {
    try {
      const c = await containerFacts(this.engine, id);
      this.track({ id, name: c.name, image: c.image, restartCount: c.restartCount, ...(c.project ? { project: c.project } : {}) });
    } catch {
      /* gone again already */
    }
  }

  private track(meta: ContainerMeta): void {
    let t = this.tracked.get(meta.id);
    if (!t) {
      t = { meta, ring: new SampleRing(LIVE_SECONDS), buckets: TIERS.map((tier) => new Bucketer(tier.seconds)), fresh: false, backoffMs: 1000, running: true };
      this.tracked.set(meta.id, t);
    }
    t.meta = meta;
    t.running = true;
    void this.history.remember(this.engine.id, meta).catch(() => {});
    void this.open(t);
  }

  private async open(t: Tracked): Promise<void> {
    if (t.stream || this.stopped || !t.running) return;
    clearTimeout(t.retry);
    const retryLater = () => {
      // A stream that ends while the container still runs was cut: try again, a little later each time.
      if (t.running && this.engine.reachable && !this.stopped) {
        t.retry = setTimeout(() => void this.open(t), t.backoffMs);
        t.backoffMs = Math.min(t.backoffMs * 2, MAX_BACKOFF_MS);
      }
    };
    try {
      const stream: StatsStream = await openStatsStream(this.engine, t.meta.id, {
        doc: (text) => this.onDoc(t, text),
        end: () => {
          if (t.stream !== stream) return;
          t.stream = undefined;
          this.flushBuckets(t);
          retryLater();
        },
      });
      if (this.stopped || t.stream) return stream.close();
      t.stream = stream;
    } catch {
      retryLater();
    }
  }

  private onDoc(t: Tracked, line: string) {
    let doc: DockerStatsDoc;
    try {
      doc = JSON.parse(line);
    } catch {
      return;
    }
    const timeMs = Date.parse(doc.read);
    // A stopped container's last document has a zero read time and no numbers.
    if (!Number.isFinite(timeMs) || timeMs < 86_400_000) {
      t.running = false;
      return;
    }
    t.backoffMs = 1000;
    const numbers = statsNumbers(doc);
    t.ring.push(timeMs, numbers);
    t.latest = { timeMs, numbers };
    t.fresh = true;
    for (const b of t.buckets) {
      const p = b.add(timeMs, numbers);
      if (p) this.history.add(this.engine.id, t.meta.id, p);
    }
  }

  /** Writes the buckets in progress, so the minutes before a stop or removal are kept too. */
  private flushBuckets(t: Tracked) {
    for (const b of t.buckets) {
      const p = b.flush();
      if (p) this.history.add(this.engine.id, t.meta.id, p);
    }
  }

  private close(t: Tracked) {
    clearTimeout(t.retry);
    t.running = false;
    const s = t.stream;
    t.stream = undefined;
    // `ended` ignores a stream that is no longer current: keep its partial buckets here.
    if (s) this.flushBuckets(t);
    s?.close();
  }
}
