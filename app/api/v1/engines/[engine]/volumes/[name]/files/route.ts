import { volumeBrowseQuerySchema, volumeParamsSchema } from "@/lib/schemas";
import { listVolumeDir } from "@/server/docker/volumes";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string; name: string };

/** One directory of the volume, read-only. `path` is relative to the volume root; `..` is refused. */
export const GET = route<Params>({ action: "volumes:browse", target: (p) => ({ engine: p.engine, volume: p.name }) }, async (ctx) => {
  const { engine, name } = volumeParamsSchema.parse(ctx.params);
  const { path } = ctx.query(volumeBrowseQuerySchema);
  return listVolumeDir(await ctx.rt.engines.reachable(engine), name, path);
});
