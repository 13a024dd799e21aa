import { imageParamsSchema } from "@/lib/schemas";
import { imageHistory } from "@/server/docker/images";
import { route } from "@/server/http/route";
import { imageParams } from "../../params";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };

export const GET = route<Params>({ action: "images:read", target: (p) => ({ engine: p.engine, image: p.ref }) }, async (ctx) => {
  const { engine, ref } = imageParamsSchema.parse(imageParams(ctx.params));
  return imageHistory(await ctx.rt.engines.reachable(engine), ref);
});
