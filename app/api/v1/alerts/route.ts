import { alertsQuerySchema } from "@/lib/schemas";
import { firingCount, toAlertWire } from "@/server/alerts/service";
import { firingCountFor, visibleContainerIds } from "@/server/auth/scope-resolve";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/**
 * Firing incidents first, then the most recently active resolved ones; `firing` is the badge
 * count (silenced excluded). Each incident carries its count, last occurrence and whether its
 * container still exists.
 */
export const GET = route({ action: "alerts:read" }, async ({ rt, query, user }) => {
  const q = query(alertsQuerySchema);
  let sel = rt.db.selectFrom("alerts").selectAll().orderBy("status", "asc").orderBy("last_at", "desc").orderBy("id", "desc").limit(q.limit);
  if (q.status === "firing") sel = sel.where("status", "=", "firing");
  const rows = await sel.execute();
  // A scoped user sees only incidents of containers in its scope (a removed container's, never: its labels are gone).
  const seen = await visibleContainerIds(
    rt,
    user,
    rows.map((r) => ({ engine: r.engine, containerId: r.container_id })),
  );
  return { firing: (await firingCountFor(rt, user)) ?? (await firingCount(rt.db)), alerts: rows.filter((_, i) => seen[i]).map(toAlertWire) };
});
