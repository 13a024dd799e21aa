import { engineParamsSchema } from "@/lib/schemas";
import { scopeView } from "@/server/auth/scope-resolve";
import { listContainers } from "@/server/docker/containers";
import { systemInfo } from "@/server/docker/system";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string };

export const GET = route<Params>({ action: "system:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params, user }) => {
  const { engine } = engineParamsSchema.parse(params);
  const e = await rt.engines.reachable(engine);
  const [info, view] = await Promise.all([systemInfo(e), scopeView(rt, user, engine)]);
  if (!view) return info;
  // A label-scoped user counts only its own containers and the images they use.
  const mine = (await listContainers(e)).filter((c) => view.containers.has(c.id));
  const count = (...states: string[]) => mine.filter((c) => states.includes(c.state)).length;
  return {
    ...info,
    containers: {
      total: mine.length,
      running: count("running", "restarting"),
      paused: count("paused"),
      stopped: mine.length - count("running", "restarting", "paused"),
    },
    images: view.images.size,
  };
});
