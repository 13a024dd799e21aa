import { engineParamsSchema } from "@/lib/schemas";
import { pruneNetworks } from "@/server/docker/networks";
import { systemPrunePreview } from "@/server/docker/system";
import { route } from "@/server/http/route";
import { assertUnscoped } from "@/server/auth/authorize";

export const dynamic = "force-dynamic";

type Params = { engine: string };

/** Preview: the networks no container uses (bridge, host and none are never pruned). */
export const GET = route<Params>({ action: "networks:read", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  assertUnscoped(ctx.user, "a prune preview");
  const { engine } = engineParamsSchema.parse(ctx.params);
  const preview = await systemPrunePreview(await ctx.rt.engines.reachable(engine), {
    containers: false,
    images: "none",
    networks: true,
    volumes: false,
    buildCache: false,
  });
  return preview.networks;
});

export const POST = route<Params>({ action: "networks:prune", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const e = await ctx.rt.engines.reachable(engine);
  return ctx.audited("network.prune", `${engine}/networks`, () => pruneNetworks(e));
});
