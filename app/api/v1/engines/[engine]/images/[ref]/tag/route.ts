import { imageParamsSchema, imageTagSchema } from "@/lib/schemas";
import { tagImage } from "@/server/docker/images";
import { route } from "@/server/http/route";
import { imageParams } from "../../params";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };

export const POST = route<Params>({ action: "images:tag", target: (p) => ({ engine: p.engine, image: p.ref }) }, async (ctx) => {
  const { engine, ref } = imageParamsSchema.parse(imageParams(ctx.params));
  const { target } = await ctx.body(imageTagSchema);
  const e = await ctx.rt.engines.reachable(engine);
  const res = await ctx.audited("image.tag", `${engine}/${ref}`, () => tagImage(e, ref, target), `as ${target}`);
  return Response.json(res, { status: 201 });
});
