import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type Migration } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "./migrations";
import type { DB } from "./schema";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open(): Kysely<DB> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-migrations-"));
  dirs.push(dir);
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: new Database(path.join(dir, "db.sqlite")) }) });
}

const migrator = (db: Kysely<DB>) => new Migrator({ db, provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations } });

describe("migration 0005_alert_incidents", () => {
  it("keeps existing alerts: one occurrence each, last seen when they started, notified unless silenced", async () => {
    const db = open();
    expect((await migrator(db).migrateTo("0004_alerts")).error).toBeUndefined();
    const base = {
      engine: "local",
      container_id: "abc",
      container_name: "web",
      message: "Exited unexpectedly with code 1",
      resolved_at: null,
      acknowledged_by: null,
      acknowledged_at: null,
    };
    // Written with 0004's columns only, as an older Berth did.
    const legacy = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await legacy
      .insertInto("alerts")
      .values({ ...base, rule: "container-down", status: "firing", started_at: "2026-01-01T00:00:00.000Z", silenced: 0 })
      .execute();
    await legacy
      .insertInto("alerts")
      .values({ ...base, rule: "unhealthy", status: "resolved", started_at: "2026-01-02T00:00:00.000Z", silenced: 1 })
      .execute();

    const { error, results } = await migrator(db).migrateToLatest();
    expect(error).toBeUndefined();
    expect(results?.map((r) => r.migrationName)).toContain("0005_alert_incidents");
    const rows = await db
      .selectFrom("alerts")
      .select(["rule", "status", "count", "last_at", "notified_at", "container_removed_at", "message"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      {
        rule: "container-down",
        status: "firing",
        count: 1,
        last_at: "2026-01-01T00:00:00.000Z",
        notified_at: "2026-01-01T00:00:00.000Z",
        container_removed_at: null,
        message: base.message,
      },
      {
        rule: "unhealthy",
        status: "resolved",
        count: 1,
        last_at: "2026-01-02T00:00:00.000Z",
        notified_at: null,
        container_removed_at: null,
        message: base.message,
      },
    ]);
    await db.destroy();
  });
});

describe("migration 0006_access_scope", () => {
  it("adds a nullable scope to users and tokens: existing principals stay unscoped, and it goes down again", async () => {
    const db = open();
    expect((await migrator(db).migrateTo("0005_alert_incidents")).error).toBeUndefined();
    const legacy = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await legacy.insertInto("users").values({ username: "old", password_hash: "x", role: "viewer", created_at: "2026-01-01T00:00:00.000Z" }).execute();
    expect((await migrator(db).migrateToLatest()).error).toBeUndefined();
    expect(await db.selectFrom("users").select(["username", "scope"]).execute()).toEqual([{ username: "old", scope: null }]);
    await db
      .insertInto("api_tokens")
      .values({ name: "t", role: "viewer", token_hash: "h", prefix: "p", created_by: 1, created_at: "x", last_used_at: null, scope: '{"labels":["team=a"]}' })
      .execute();
    expect((await db.selectFrom("api_tokens").select("scope").executeTakeFirstOrThrow()).scope).toBe('{"labels":["team=a"]}');
    expect((await migrator(db).migrateTo("0005_alert_incidents")).error).toBeUndefined();
    await db.destroy();
  });
});
