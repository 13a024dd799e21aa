import { imageParamsSchema, imageRemoveQuerySchema } from "@/lib/schemas";
import { inspectImage, removeImage } from "@/server/docker/images";
import { invalidateDf } from "@/server/docker/system";
import { route } from "@/server/http/route";
import { scopeView, usedByInView } from "@/server/auth/scope-resolve";
import { imageParams } from "../params";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };
const target = (p: Params) => ({ engine: p.engine, image: p.ref });

export const GET = route<Params>({ action: "images:read", target }, async (ctx) => {
  const { engine, ref } = imageParamsSchema.parse(imageParams(ctx.params));
  const [detail, view] = await Promise.all([inspectImage(await ctx.rt.engines.reachable(engine), ref), scopeView(ctx.rt, ctx.user, engine)]);
  return view ? { ...detail, usedBy: usedByInView(view, detail.usedBy), containers: usedByInView(view, detail.usedBy).length } : detail;
});

/** Remove an image or one tag; without force Docker answers 409 and names the container using it. */
export const DELETE = route<Params>({ action: "images:remove", target }, async (ctx) => {
  const { engine, ref } = imageParamsSchema.parse(imageParams(ctx.params));
  const opts = ctx.query(imageRemoveQuerySchema);
  const e = await ctx.rt.engines.reachable(engine);
  const res = await ctx.audited("image.remove", `${engine}/${ref}`, () => removeImage(e, ref, opts), `force=${opts.force}`);
  invalidateDf(e);
  return res;
});
