import { volumeParamsSchema, volumeRemoveQuerySchema } from "@/lib/schemas";
import { inspectVolume, removeVolume } from "@/server/docker/volumes";
import { route } from "@/server/http/route";
import { scopeView, usedByInView } from "@/server/auth/scope-resolve";

export const dynamic = "force-dynamic";

type Params = { engine: string; name: string };
const target = (p: Params) => ({ engine: p.engine, volume: p.name });

export const GET = route<Params>({ action: "volumes:read", target }, async (ctx) => {
  const { engine, name } = volumeParamsSchema.parse(ctx.params);
  const [detail, view] = await Promise.all([inspectVolume(await ctx.rt.engines.reachable(engine), name), scopeView(ctx.rt, ctx.user, engine)]);
  return view ? { ...detail, usedBy: usedByInView(view, detail.usedBy) } : detail;
});

/** Remove; Docker answers 409 and names the container when the volume is in use. */
export const DELETE = route<Params>({ action: "volumes:remove", target }, async (ctx) => {
  const { engine, name } = volumeParamsSchema.parse(ctx.params);
  const { force } = ctx.query(volumeRemoveQuerySchema);
  const e = await ctx.rt.engines.reachable(engine);
  await ctx.audited("volume.remove", `${engine}/${name}`, () => removeVolume(e, name, force), `force=${force}`);
  return undefined;
});
