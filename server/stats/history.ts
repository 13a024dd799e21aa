import type { StatsRange, StatsSample, StatsSeries } from "@/lib/wire";
import type { StatsNumbers } from "@/server/docker/stats-math";
import type { Db } from "@/server/store/db";
import { log } from "@/server/log";
import { TIERS, type Point } from "./downsample";
import { markMissingRemoved, pruneRemovedContainers } from "./removed";

const RANGE_SECONDS: Record<StatsRange, number> = { "15m": 900, "1h": 3600, "6h": 6 * 3600, "24h": 24 * 3600, "7d": 7 * 24 * 3600 };
/** The coarsest tier that still gives a useful number of points for a range. */
const RANGE_TIER: Record<StatsRange, number> = { "15m": 10, "1h": 10, "6h": 60, "24h": 60, "7d": 300 };
const FLUSH_MS = 5_000;
const PRUNE_MS = 10 * 60_000;

export interface ContainerMeta {
  id: string;
  name: string;
  image: string;
  project?: string;
  /** Docker's RestartCount when last inspected (in memory only, for /metrics). */
  restartCount?: number;
}

/**
 * Downsampled stats in the store: points are written in batches (one transaction every few
 * seconds, however many containers) and pruned per tier, so history survives restarts and the
 * containers themselves without growing the database forever.
 */
export class StatsHistory {
  private pending: (Point & { engine: string; container: string })[] = [];
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly db: Db) {}

  start(): void {
    this.timers.push(
      setInterval(() => void this.flush(), FLUSH_MS),
      setInterval(() => void this.prune(), PRUNE_MS),
    );
    for (const t of this.timers) t.unref();
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.flush();
  }

  add(engine: string, container: string, point: Point): void {
    this.pending.push({ ...point, engine, container });
  }

  async remember(engine: string, meta: ContainerMeta): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto("stats_containers")
      .values({ engine, id: meta.id, name: meta.name, image: meta.image, project: meta.project ?? null, last_seen: now, removed_at: null })
      .onConflict((oc) =>
        oc.columns(["engine", "id"]).doUpdateSet({ name: meta.name, image: meta.image, project: meta.project ?? null, last_seen: now, removed_at: null }),
      )
      .execute();
  }

  async markRemoved(engine: string, id: string): Promise<void> {
    await this.db.updateTable("stats_containers").set({ removed_at: new Date().toISOString() }).where("engine", "=", engine).where("id", "=", id).execute();
  }

  /** Finds a container by id, id prefix or name among those with history (it may be gone from Docker). */
  async lookup(engine: string, ref: string): Promise<{ id: string; name: string; removedAt?: string } | undefined> {
    const row = await this.db
      .selectFrom("stats_containers")
      .select(["id", "name", "removed_at"])
      .where("engine", "=", engine)
      .where((eb) => eb.or([eb("id", "like", `${ref.replace(/[%_]/g, "")}%`), eb("name", "=", ref.replace(/^\//, ""))]))
      .orderBy("last_seen", "desc")
      .executeTakeFirst();
    return row ? { id: row.id, name: row.name, ...(row.removed_at ? { removedAt: row.removed_at } : {}) } : undefined;
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (let i = 0; i < batch.length; i += 200) {
          const rows = batch.slice(i, i + 200).map((p) => ({
            engine: p.engine,
            container_id: p.container,
            tier: p.tier,
            bucket: p.bucket,
            cpu: p.numbers.cpuPercent,
            mem: p.numbers.memUsage,
            mem_limit: p.numbers.memLimit,
            net_rx: p.numbers.netRx,
            net_tx: p.numbers.netTx,
            blk_read: p.numbers.blkRead,
            blk_write: p.numbers.blkWrite,
            pids: p.numbers.pids,
          }));
          await trx
            .insertInto("stats_points")
            .values(rows)
            .onConflict((oc) => oc.columns(["engine", "container_id", "tier", "bucket"]).doNothing())
            .execute();
        }
      });
    } catch (e) {
      log.error({ err: (e as Error).message, points: batch.length }, "stats history write failed");
    }
  }

  async prune(nowMs = Date.now()): Promise<void> {
    for (const t of TIERS) {
      await this.db
        .deleteFrom("stats_points")
        .where("tier", "=", t.seconds)
        .where("bucket", "<", Math.floor(nowMs / 1000) - t.keepSeconds)
        .execute();
    }
    await pruneRemovedContainers(this.db, nowMs);
  }

  /** Marks containers with history that `engine` no longer lists as removed (see `markMissingRemoved`). */
  async reconcileRemoved(engine: string, existingIds: ReadonlySet<string>, listedAt: Date): Promise<void> {
    const n = await markMissingRemoved(this.db, engine, existingIds, listedAt);
    if (n) log.info({ engine, containers: n }, "stats history: containers removed while unobserved marked removed");
  }

  /** Stored points of a container for a range, at the tier that fits it. */
  async series(engine: string, container: { id: string; name: string; removedAt?: string }, range: StatsRange, nowMs = Date.now()): Promise<StatsSeries> {
    const tier = RANGE_TIER[range];
    const from = Math.floor(nowMs / 1000) - RANGE_SECONDS[range];
    const rows = await this.db
      .selectFrom("stats_points")
      .selectAll()
      .where("engine", "=", engine)
      .where("container_id", "=", container.id)
      .where("tier", "=", tier)
      .where("bucket", ">=", from)
      .orderBy("bucket")
      .execute();
    return {
      container: container.id,
      name: container.name,
      range,
      resolution: tier,
      ...(container.removedAt ? { removedAt: container.removedAt } : {}),
      samples: rows.map((r) =>
        toSample(container.id, r.bucket * 1000, {
          cpuPercent: r.cpu,
          memUsage: r.mem,
          memLimit: r.mem_limit,
          netRx: r.net_rx,
          netTx: r.net_tx,
          blkRead: r.blk_read,
          blkWrite: r.blk_write,
          pids: r.pids,
        }),
      ),
    };
  }
}

export function toSample(container: string, timeMs: number, n: StatsNumbers): StatsSample {
  // Spelled out rather than spread: this runs for every container every second.
  return {
    container,
    ts: new Date(timeMs).toISOString(),
    cpuPercent: n.cpuPercent,
    memUsage: n.memUsage,
    memLimit: n.memLimit,
    netRx: n.netRx,
    netTx: n.netTx,
    blkRead: n.blkRead,
    blkWrite: n.blkWrite,
    pids: n.pids,
  };
}

export const STATS_RANGES = Object.keys(RANGE_SECONDS) as StatsRange[];
