import { diskUsage } from "@/lib/resources/prune";
import { engineParamsSchema } from "@/lib/schemas";
import { scopeView } from "@/server/auth/scope-resolve";
import { dfMeasuredAt, engineDiskUsage, systemDf } from "@/server/docker/system";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string };

/** `docker system df` per kind (size, active, reclaimable); cached up to 10 s because Docker is slow here. */
export const GET = route<Params>({ action: "system:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params, user }) => {
  const { engine } = engineParamsSchema.parse(params);
  const e = await rt.engines.reachable(engine);
  const view = await scopeView(rt, user, engine);
  if (!view) return engineDiskUsage(e);
  // A label-scoped user's usage: its containers, the images and volumes they use, no build cache.
  const doc = await systemDf(e, 10_000);
  const usage = diskUsage({
    ...doc,
    Containers: (doc.Containers ?? []).filter((c) => view.containers.has(c.Id)),
    Images: (doc.Images ?? []).filter((i) => view.images.has(i.Id)),
    Volumes: (doc.Volumes ?? []).filter((v) => view.volumes.has(v.Name)),
    BuildCache: [],
  });
  return { ...usage, measuredAt: (dfMeasuredAt(e) ?? new Date()).toISOString() };
});
