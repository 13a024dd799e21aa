import { sql, type ExpressionBuilder } from "kysely";
import type { RemovedContainer, RemovedContainerList } from "@/lib/wire";
import type { Db } from "@/server/store/db";
import type { DB } from "@/server/store/schema";
import { TIERS } from "./downsample";

type Eb = ExpressionBuilder<DB, "stats_containers">;

/** `%`, `_` and the escape itself taken literally in a LIKE pattern (names may contain `_`). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Start of the newest stored point of the row's container. The finest tier holds the newest
 * point while it is kept, so the first tier that has any answers; each probe is one seek on
 * the points' primary key (engine, container, tier, bucket).
 */
function lastBucket(eb: Eb) {
  const probe = (tier: number) =>
    eb
      .selectFrom("stats_points as p")
      .select((p) => p.fn.max("p.bucket").as("b"))
      .whereRef("p.engine", "=", "stats_containers.engine")
      .whereRef("p.container_id", "=", "stats_containers.id")
      .where("p.tier", "=", tier);
  return eb.fn.coalesce(...(TIERS.map((t) => probe(t.seconds)) as [ReturnType<typeof probe>, ReturnType<typeof probe>]));
}

function matches(eb: Eb, q: string) {
  const needle = likeLiteral(q.toLowerCase());
  const like = (column: "name" | "image" | "id", pattern: string) => sql<boolean>`lower(${sql.ref(`stats_containers.${column}`)}) like ${pattern} escape '\\'`;
  return eb.or([like("name", `%${needle}%`), like("image", `%${needle}%`), like("id", `${needle}%`)]);
}

/** Removed rows that still have stored points (a container that never reported is no history). */
function removedWithHistory(db: Db, engine: string, q?: string) {
  let sel = db
    .selectFrom("stats_containers")
    .where("stats_containers.engine", "=", engine)
    .where("stats_containers.removed_at", "is not", null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("stats_points as p")
          .select("p.bucket")
          .whereRef("p.engine", "=", "stats_containers.engine")
          .whereRef("p.container_id", "=", "stats_containers.id"),
      ),
    );
  if (q) sel = sel.where((eb) => matches(eb, q));
  return sel;
}

function toWire(r: {
  id: string;
  name: string;
  image: string;
  project: string | null;
  removed_at: string | null;
  last_bucket: number | null;
}): RemovedContainer {
  return {
    id: r.id,
    name: r.name,
    image: r.image,
    ...(r.project ? { project: r.project } : {}),
    removedAt: r.removed_at!,
    lastSampleAt: new Date(Number(r.last_bucket ?? 0) * 1000).toISOString(),
  };
}

/** Containers gone from `engine` whose history is still stored, most recently removed first. */
export async function listRemovedContainers(db: Db, engine: string, opts: { q?: string; limit: number }): Promise<RemovedContainerList> {
  const base = removedWithHistory(db, engine, opts.q || undefined);
  const [rows, count] = await Promise.all([
    base
      .select(["stats_containers.id", "stats_containers.name", "stats_containers.image", "stats_containers.project", "stats_containers.removed_at"])
      .select((eb) => lastBucket(eb).as("last_bucket"))
      .orderBy("stats_containers.removed_at", "desc")
      .limit(opts.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), containers: rows.map(toWire) };
}

/**
 * One removed container with history, by full id, unique id prefix or name (the most recently
 * removed of that name). Undefined when there is none.
 */
export async function findRemovedContainer(db: Db, engine: string, ref: string): Promise<RemovedContainer | undefined> {
  const name = ref.replace(/^\//, "");
  const row = await removedWithHistory(db, engine)
    .where((eb) =>
      eb.or([eb("stats_containers.name", "=", name), sql<boolean>`${sql.ref("stats_containers.id")} like ${`${likeLiteral(ref.toLowerCase())}%`} escape '\\'`]),
    )
    .select(["stats_containers.id", "stats_containers.name", "stats_containers.image", "stats_containers.project", "stats_containers.removed_at"])
    .select((eb) => lastBucket(eb).as("last_bucket"))
    .orderBy("stats_containers.removed_at", "desc")
    .executeTakeFirst();
  return row ? toWire(row) : undefined;
}

/**
 * Marks containers removed that Berth had history for but the engine no longer lists: removed
 * while Berth was down or while the events stream was cut. Rows seen after the listing was taken
 * are left alone (a container started meanwhile is not in that listing).
 */
export async function markMissingRemoved(db: Db, engine: string, existingIds: ReadonlySet<string>, listedAt: Date): Promise<number> {
  const open = await db
    .selectFrom("stats_containers")
    .select("id")
    .where("engine", "=", engine)
    .where("removed_at", "is", null)
    .where("last_seen", "<", listedAt.toISOString())
    .execute();
  const gone = open.map((r) => r.id).filter((id) => !existingIds.has(id));
  for (let i = 0; i < gone.length; i += 200) {
    await db
      .updateTable("stats_containers")
      .set({ removed_at: new Date().toISOString() })
      .where("engine", "=", engine)
      .where("id", "in", gone.slice(i, i + 200))
      .where("removed_at", "is", null)
      .execute();
  }
  return gone.length;
}

/** Forgets removed containers whose points have all been pruned (older than the longest tier). */
export async function pruneRemovedContainers(db: Db, nowMs = Date.now()): Promise<void> {
  const keepMs = Math.max(...TIERS.map((t) => t.keepSeconds)) * 1000;
  await db
    .deleteFrom("stats_containers")
    .where("removed_at", "<", new Date(nowMs - keepMs).toISOString())
    .execute();
}
