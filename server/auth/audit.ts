import type { AuditEntry, AuthUser } from "@/lib/wire";
import type { Db } from "@/server/store/db";
import { log } from "@/server/log";

export interface AuditRecord {
  user: AuthUser | null;
  action: string;
  target: string;
  outcome: AuditEntry["outcome"];
  detail?: string;
  ip?: string;
}

/** Appends to the audit trail. Never throws: an audit write failure is logged, not shown as the action failing. */
export async function audit(db: Db, r: AuditRecord): Promise<void> {
  try {
    await db
      .insertInto("audit")
      .values({
        at: new Date().toISOString(),
        user_id: r.user?.id ?? null,
        username: r.user?.username ?? null,
        action: r.action,
        target: r.target,
        outcome: r.outcome,
        detail: r.detail?.slice(0, 1000) ?? null,
        ip: r.ip ?? null,
      })
      .execute();
  } catch (e) {
    log.error({ err: e, action: r.action }, "audit write failed");
  }
}

export async function listAudit(db: Db, opts: { limit: number; before?: number }): Promise<AuditEntry[]> {
  let q = db.selectFrom("audit").selectAll().orderBy("id", "desc").limit(opts.limit);
  if (opts.before) q = q.where("id", "<", opts.before);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    username: r.username,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    ...(r.detail ? { detail: r.detail } : {}),
    ...(r.ip ? { ip: r.ip } : {}),
  }));
}
