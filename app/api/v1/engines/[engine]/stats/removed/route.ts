import { engineParamsSchema, removedStatsQuerySchema } from "@/lib/schemas";
import { route } from "@/server/http/route";
import { hasLabelSelectors } from "@/server/auth/scope";
import { listRemovedContainers } from "@/server/stats/removed";

export const dynamic = "force-dynamic";

type Params = { engine: string };

/**
 * Containers gone from the engine whose stats history Berth still keeps (up to 7 days), most
 * recently removed first. Read from the store, so it answers while the engine is down too.
 */
export const GET = route<Params>({ action: "containers:stats", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const { q, limit } = ctx.query(removedStatsQuerySchema);
  ctx.rt.engines.get(engine); // 404 for an engine that is not configured
  // Removed containers' labels are not kept, so a label-scoped user cannot be shown any of them.
  if (hasLabelSelectors(ctx.user?.scope)) return { total: 0, containers: [] };
  await ctx.rt.history.flush(); // points of a container removed seconds ago may still be waiting to be written
  return listRemovedContainers(ctx.rt.db, engine, { q, limit });
});
