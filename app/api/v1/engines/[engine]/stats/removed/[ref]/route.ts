import { containerParamsSchema } from "@/lib/schemas";
import { route } from "@/server/http/route";
import { removedContainer } from "@/server/stats/series";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };

/** One removed container with kept history (id, id prefix or name); its charts come from `…/containers/{id}/stats`. */
export const GET = route<Params>({ action: "containers:stats", target: (p) => ({ engine: p.engine, container: p.ref }) }, async (ctx) => {
  const { engine, ref } = containerParamsSchema.parse(ctx.params);
  return removedContainer(ctx.rt, ctx.rt.engines.get(engine), ref);
});
