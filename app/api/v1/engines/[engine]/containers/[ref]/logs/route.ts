import { Readable } from "node:stream";
import { containerParamsSchema, logsDownloadQuerySchema } from "@/lib/schemas";
import { lineFilter } from "@/server/docker/log-filter";
import { LogDemuxer } from "@/server/docker/log-demuxer";
import { logTarget, openLogStream } from "@/server/docker/logs";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };

/**
 * Download exactly the asked range as text, streamed from Docker through the demuxer — never
 * from a browser buffer, never held whole in memory (the response pulls as the client reads).
 */
export const GET = route<Params>({ action: "containers:logs", target: (p) => ({ engine: p.engine, container: p.ref }) }, async (ctx) => {
  const { engine: engineId, ref } = containerParamsSchema.parse(ctx.params);
  const q = ctx.query(logsDownloadQuerySchema);
  const keep = lineFilter(q.q, { regex: q.regex, caseSensitive: q.case });
  const engine = await ctx.rt.engines.reachable(engineId);
  const target = await logTarget(engine, ref);
  const abort = new AbortController();
  const upstream = await openLogStream(engine, target.id, { follow: false, since: q.since, until: q.until, tail: q.tail, stdout: q.stdout, stderr: q.stderr }, abort.signal);

  const out = new Readable({ read: () => upstream.resume() });
  const demux = new LogDemuxer(target.tty, true, (l) => {
    if (keep && !keep(l.text)) return;
    const line = `${q.timestamps && l.ts ? `${l.ts} ` : ""}${l.stream === "stderr" ? "[stderr] " : ""}${l.text}\n`;
    if (!out.push(line)) upstream.pause();
  });
  upstream.on("data", (chunk: Buffer) => demux.write(chunk));
  upstream.on("end", () => {
    demux.end();
    out.push(null);
  });
  upstream.on("error", (e) => out.destroy(e));
  out.on("close", () => abort.abort());

  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${target.name.replace(/[^\w.-]/g, "_")}-${stamp}.log"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
