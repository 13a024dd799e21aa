import { engineParamsSchema } from "@/lib/schemas";
import { listImages } from "@/server/docker/images";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string };

export const GET = route<Params>({ action: "images:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params }) => {
  const { engine } = engineParamsSchema.parse(params);
  return listImages(await rt.engines.reachable(engine));
});
