import { engineParamsSchema } from "@/lib/schemas";
import { systemPrunePreview } from "@/server/docker/system";
import { pruneVolumes } from "@/server/docker/volumes";
import { route } from "@/server/http/route";
import { assertUnscoped } from "@/server/auth/authorize";

export const dynamic = "force-dynamic";

type Params = { engine: string };

/** Preview: unused volumes and their sizes (fresh `system df`). */
export const GET = route<Params>({ action: "volumes:read", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  assertUnscoped(ctx.user, "a prune preview");
  const { engine } = engineParamsSchema.parse(ctx.params);
  const preview = await systemPrunePreview(await ctx.rt.engines.reachable(engine), {
    containers: false,
    images: "none",
    networks: false,
    volumes: true,
    buildCache: false,
  });
  return preview.volumes;
});

export const POST = route<Params>({ action: "volumes:prune", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const e = await ctx.rt.engines.reachable(engine);
  return ctx.audited("volume.prune", `${engine}/volumes`, () => pruneVolumes(e));
});
