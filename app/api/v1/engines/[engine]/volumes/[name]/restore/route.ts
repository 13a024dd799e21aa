import { Readable } from "node:stream";
import { volumeParamsSchema, volumeRestoreQuerySchema } from "@/lib/schemas";
import { drainBody, restoreVolume } from "@/server/docker/volumes";
import { restoreSpoolDir } from "@/server/docker/volumes-restore";
import { badRequest } from "@/server/http/errors";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string; name: string };

/**
 * Restore a `.tar` or `.tar.gz` (the raw request body) into a new (`?create=true`) or empty
 * volume, all or nothing: the archive is spooled and checked whole first (400 for an entry that
 * would land outside the volume), and a restore that fails part way leaves the volume as it was.
 */
export const POST = route<Params>({ action: "volumes:restore", target: (p) => ({ engine: p.engine, volume: p.name }) }, async (ctx) => {
  if (!ctx.req.body) throw badRequest("Send the .tar.gz as the request body.");
  const body = Readable.fromWeb(ctx.req.body as import("node:stream/web").ReadableStream);
  try {
    const { engine, name } = volumeParamsSchema.parse(ctx.params);
    const { create } = ctx.query(volumeRestoreQuerySchema);
    const e = await ctx.rt.engines.reachable(engine);
    const res = await ctx.audited(
      "volume.restore",
      `${engine}/${name}`,
      () => restoreVolume(e, name, body, { create, spoolDir: restoreSpoolDir(ctx.rt.config.dataDir) }),
      `create=${create}`,
    );
    return Response.json(res, { status: res.created ? 201 : 200 });
  } catch (err) {
    // Answer only once the upload is in: an answer mid-upload reaches the browser as "network error".
    await drainBody(body);
    throw err;
  }
});
