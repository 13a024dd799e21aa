import { alertsQuerySchema } from "@/lib/schemas";
import { firingCount, toAlertWire } from "@/server/alerts/service";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/**
 * Firing incidents first, then the most recently active resolved ones; `firing` is the badge
 * count (silenced excluded). Each incident carries its count, last occurrence and whether its
 * container still exists.
 */
export const GET = route({ action: "alerts:read" }, async ({ rt, query }) => {
  const q = query(alertsQuerySchema);
  let sel = rt.db.selectFrom("alerts").selectAll().orderBy("status", "asc").orderBy("last_at", "desc").orderBy("id", "desc").limit(q.limit);
  if (q.status === "firing") sel = sel.where("status", "=", "firing");
  const rows = await sel.execute();
  return { firing: await firingCount(rt.db), alerts: rows.map(toAlertWire) };
});
