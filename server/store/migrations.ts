import { sql, type Kysely, type Migration } from "kysely";

/**
 * Ordered migrations, keyed so that string order is apply order. Written with portable types
 * (text, integer) so the same file serves SQLite and PostgreSQL.
 */
export const migrations: Record<string, Migration> = {
  "0001_auth_and_audit": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("username", "text", (c) => c.notNull().unique())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("ip", "text")
        .addColumn("user_agent", "text")
        .execute();
      await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
      await db.schema
        .createTable("api_tokens")
        .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("prefix", "text", (c) => c.notNull())
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .execute();
      await db.schema
        .createTable("audit")
        .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("user_id", "integer")
        .addColumn("username", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("detail", "text")
        .addColumn("ip", "text")
        .execute();
      await db.schema.createIndex("audit_at").on("audit").column("at").execute();
      await db.schema
        .createTable("settings")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ["settings", "audit", "api_tokens", "sessions", "users"]) await db.schema.dropTable(t).execute();
    },
  },
  "0002_registry_credentials": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("registry_credentials")
        .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("server_address", "text", (c) => c.notNull().unique())
        .addColumn("username", "text", (c) => c.notNull())
        // AES-256-GCM with a key kept in BERTH_DATA_DIR, never in the database (see server/docker/registries.ts).
        .addColumn("secret", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("registry_credentials").execute();
    },
  },
  "0003_stats_history": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("stats_points")
        .addColumn("engine", "text", (c) => c.notNull())
        .addColumn("container_id", "text", (c) => c.notNull())
        .addColumn("tier", "integer", (c) => c.notNull())
        .addColumn("bucket", "integer", (c) => c.notNull())
        .addColumn("cpu", "real", (c) => c.notNull())
        .addColumn("mem", "real", (c) => c.notNull())
        .addColumn("mem_limit", "real", (c) => c.notNull())
        .addColumn("net_rx", "real", (c) => c.notNull())
        .addColumn("net_tx", "real", (c) => c.notNull())
        .addColumn("blk_read", "real", (c) => c.notNull())
        .addColumn("blk_write", "real", (c) => c.notNull())
        .addColumn("pids", "real", (c) => c.notNull())
        .addPrimaryKeyConstraint("stats_points_pk", ["engine", "container_id", "tier", "bucket"])
        .execute();
      await db.schema.createIndex("stats_points_prune").on("stats_points").columns(["tier", "bucket"]).execute();
      await db.schema
        .createTable("stats_containers")
        .addColumn("engine", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("image", "text", (c) => c.notNull())
        .addColumn("project", "text")
        .addColumn("last_seen", "text", (c) => c.notNull())
        .addColumn("removed_at", "text")
        .addPrimaryKeyConstraint("stats_containers_pk", ["engine", "id"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("stats_containers").execute();
      await db.schema.dropTable("stats_points").execute();
    },
  },
  "0004_alerts": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("alert_rules")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("enabled", "integer", (c) => c.notNull())
        .addColumn("threshold", "real", (c) => c.notNull())
        .addColumn("for_seconds", "integer", (c) => c.notNull())
        .addColumn("webhook_url", "text")
        .addColumn("allow_private_webhook", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable("alerts")
        .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("rule", "text", (c) => c.notNull())
        .addColumn("engine", "text", (c) => c.notNull())
        .addColumn("container_id", "text", (c) => c.notNull())
        .addColumn("container_name", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("message", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("resolved_at", "text")
        .addColumn("acknowledged_by", "text")
        .addColumn("acknowledged_at", "text")
        .addColumn("silenced", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex("alerts_status").on("alerts").columns(["status", "started_at"]).execute();
      await db.schema
        .createTable("silences")
        .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("rule", "text")
        .addColumn("container_name", "text")
        .addColumn("until", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ["silences", "alerts", "alert_rules"]) await db.schema.dropTable(t).execute();
    },
  },
  "0005_alert_incidents": {
    // An alert becomes an incident per (rule, container): repeats count on it instead of adding
    // rows, notifications are spaced by the re-notify interval, and an alert remembers that its
    // container was removed. Existing rows keep their data: one occurrence each, notified when
    // they fired unless they were silenced, their containers presumed present until the next sync.
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("alerts")
        .addColumn("count", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable("alerts").addColumn("last_at", "text").execute();
      await db.schema.alterTable("alerts").addColumn("notified_at", "text").execute();
      await db.schema.alterTable("alerts").addColumn("container_removed_at", "text").execute();
      await sql`update alerts set last_at = started_at`.execute(db);
      await sql`update alerts set notified_at = started_at where silenced = 0`.execute(db);
      await db.schema.createIndex("alerts_container").on("alerts").columns(["engine", "container_id", "rule"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex("alerts_container").execute();
      for (const c of ["container_removed_at", "notified_at", "last_at", "count"]) await db.schema.alterTable("alerts").dropColumn(c).execute();
    },
  },
  "0006_access_scope": {
    // A user or API token may be limited to engines and to containers by label selectors. The
    // scope is one JSON column (AccessScope) so SQLite and PostgreSQL store the same text; null
    // is unscoped, which every existing principal stays.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("users").addColumn("scope", "text").execute();
      await db.schema.alterTable("api_tokens").addColumn("scope", "text").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("api_tokens").dropColumn("scope").execute();
      await db.schema.alterTable("users").dropColumn("scope").execute();
    },
  },
};
