import { imageParamsSchema } from "@/lib/schemas";
import { pushImage } from "@/server/docker/images";
import { authForImage } from "@/server/docker/registries";
import { route } from "@/server/http/route";
import { imageParams } from "../../params";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };

/** Push `repo:tag` and wait for the end (scripts); the browser uses `images:push` for progress. */
export const POST = route<Params>({ action: "images:push", target: (p) => ({ engine: p.engine, image: p.ref }) }, async (ctx) => {
  const { engine, ref } = imageParamsSchema.parse(imageParams(ctx.params));
  const e = await ctx.rt.engines.reachable(engine);
  const auth = await authForImage(ctx.rt.db, ctx.rt.config.dataDir, ref);
  const s = await ctx.audited("image.push", `${engine}/${ref}`, () => pushImage(e, ref, auth, { signal: ctx.req.signal }));
  return { ref, status: s.status, ...(s.digest ? { digest: s.digest } : {}), bytes: s.total };
});
