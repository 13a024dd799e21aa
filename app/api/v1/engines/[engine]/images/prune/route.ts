import { engineParamsSchema, imagePruneQuerySchema, imagePruneSchema, imagePruneTargetQuerySchema } from "@/lib/schemas";
import { pruneImages } from "@/server/docker/images";
import { invalidateDf, systemPrunePreview } from "@/server/docker/system";
import { route } from "@/server/http/route";
import { assertUnscoped } from "@/server/auth/authorize";

export const dynamic = "force-dynamic";

type Params = { engine: string };

/** Preview: which images `POST` would remove and the space it would free at least. */
export const GET = route<Params>({ action: "images:read", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  assertUnscoped(ctx.user, "a prune preview");
  const { engine } = engineParamsSchema.parse(ctx.params);
  const { mode } = ctx.query(imagePruneQuerySchema);
  const preview = await systemPrunePreview(await ctx.rt.engines.reachable(engine), {
    containers: false,
    images: mode,
    networks: false,
    volumes: false,
    buildCache: false,
  });
  return preview.images;
});

export const POST = route<Params>({ action: "images:prune", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const { label } = ctx.query(imagePruneTargetQuerySchema);
  const { mode } = await ctx.body(imagePruneSchema);
  const e = await ctx.rt.engines.reachable(engine);
  const detail = label === undefined ? `mode=${mode}` : `mode=${mode} label=${label}`;
  const res = await ctx.audited("image.prune", `${engine}/images`, () => pruneImages(e, mode, label), detail);
  invalidateDf(e);
  return res;
});
