import { engineParamsSchema, imagePullSchema } from "@/lib/schemas";
import { pullImage, withDefaultTag } from "@/server/docker/images";
import { authForImage } from "@/server/docker/registries";
import { invalidateDf } from "@/server/docker/system";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string };

/**
 * Pull and wait for the end (for scripts; the browser uses the `images:pull` socket event for
 * live progress). A failure inside Docker's 200 stream answers 502 with the registry's message.
 */
export const POST = route<Params>({ action: "images:pull", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const { ref } = await ctx.body(imagePullSchema);
  const e = await ctx.rt.engines.reachable(engine);
  const full = withDefaultTag(ref);
  const auth = await authForImage(ctx.rt.db, ctx.rt.config.dataDir, full);
  const s = await ctx.audited("image.pull", `${engine}/${full}`, () => pullImage(e, full, auth, { signal: ctx.req.signal }));
  invalidateDf(e);
  return { ref: full, status: s.status, ...(s.digest ? { digest: s.digest } : {}), bytes: s.total };
});
