import { engineParamsSchema } from "@/lib/schemas";
import { engineDiskUsage } from "@/server/docker/system";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string };

/** `docker system df` per kind (size, active, reclaimable); cached up to 10 s because Docker is slow here. */
export const GET = route<Params>({ action: "system:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params }) => {
  const { engine } = engineParamsSchema.parse(params);
  return engineDiskUsage(await rt.engines.reachable(engine));
});
