import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from "kysely";
import { migrations } from "./migrations";
import type { DB } from "./schema";

export type Db = Kysely<DB>;

class StaticMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Opens the embedded SQLite database in `dataDir` and brings its schema up to date. */
export async function openDatabase(dataDir: string): Promise<Db> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new Database(path.join(dataDir, "berth.sqlite"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider: new StaticMigrations(), allowUnorderedMigrations: true }).migrateToLatest();
  for (const r of results ?? []) if (r.status === "Error") throw new Error(`migration ${r.migrationName} failed`);
  if (error) throw error;
  return db;
}
