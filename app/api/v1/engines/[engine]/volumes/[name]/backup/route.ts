import { Readable } from "node:stream";
import { volumeParamsSchema } from "@/lib/schemas";
import { backupVolume } from "@/server/docker/volumes";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string; name: string };

/** The whole volume as a streamed `.tar.gz` (made through a short-lived, never-started helper container). */
export const GET = route<Params>({ action: "volumes:backup", target: (p) => ({ engine: p.engine, volume: p.name }) }, async (ctx) => {
  const { engine, name } = volumeParamsSchema.parse(ctx.params);
  const e = await ctx.rt.engines.reachable(engine);
  const stream = await ctx.audited("volume.backup", `${engine}/${name}`, () => backupVolume(e, name));
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="${name}-${stamp}.tar.gz"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
