import { containerParamsSchema, statsRangeQuerySchema } from "@/lib/schemas";
import { route } from "@/server/http/route";
import { containerSeries } from "@/server/stats/series";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };

/** History series for charts: `range` 15m | 1h | 6h | 24h | 7d; works for removed containers too. */
export const GET = route<Params>({ action: "containers:stats", target: (p) => ({ engine: p.engine, container: p.ref }) }, async (ctx) => {
  const { engine, ref } = containerParamsSchema.parse(ctx.params);
  const { range } = ctx.query(statsRangeQuerySchema);
  return containerSeries(ctx.rt, await ctx.rt.engines.reachable(engine), ref, range);
});
