import { Readable } from "node:stream";
import { volumeBrowseQuerySchema, volumeParamsSchema } from "@/lib/schemas";
import { audit } from "@/server/auth/audit";
import { readVolumeFile } from "@/server/docker/volumes";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string; name: string };

/** Download one regular file of the volume (read-only helper; `..` refused). Recorded in the audit trail. */
export const GET = route<Params>({ action: "volumes:browse", target: (p) => ({ engine: p.engine, volume: p.name }) }, async (ctx) => {
  const { engine, name } = volumeParamsSchema.parse(ctx.params);
  const { path } = ctx.query(volumeBrowseQuerySchema);
  const file = await readVolumeFile(await ctx.rt.engines.reachable(engine), name, path);
  await audit(ctx.rt.db, { user: ctx.user, action: "volume.download-file", target: `${engine}/${name}`, outcome: "ok", detail: path, ip: ctx.ip });
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      "content-type": "application/octet-stream",
      "content-length": String(file.size),
      "content-disposition": `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
