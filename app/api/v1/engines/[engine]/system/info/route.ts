import { engineParamsSchema } from "@/lib/schemas";
import { systemInfo } from "@/server/docker/system";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string };

export const GET = route<Params>({ action: "system:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params }) => {
  const { engine } = engineParamsSchema.parse(params);
  return systemInfo(await rt.engines.reachable(engine));
});
