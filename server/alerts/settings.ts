import type { AlertSettings } from "@/lib/alerts";
import type { Db } from "@/server/store/db";
import { DEFAULT_RENOTIFY_SECONDS } from "./incidents";

const RENOTIFY_KEY = "alerts.renotify_interval_seconds";

/** Alerting settings an admin set, with defaults for what was never set. */
export async function loadAlertSettings(db: Db): Promise<AlertSettings> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", RENOTIFY_KEY).executeTakeFirst();
  const n = Number(row?.value);
  return { renotifyIntervalSeconds: row && Number.isInteger(n) && n > 0 ? n : DEFAULT_RENOTIFY_SECONDS };
}

/** Stores validated settings (see alertSettingsSchema); the alert service re-reads them. */
export async function saveAlertSettings(db: Db, settings: AlertSettings): Promise<void> {
  const value = String(settings.renotifyIntervalSeconds);
  await db
    .insertInto("settings")
    .values({ key: RENOTIFY_KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}
