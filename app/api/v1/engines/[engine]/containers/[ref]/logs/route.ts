import { containerParamsSchema, logsDownloadQuerySchema } from "@/lib/schemas";
import { dockerLogsBody, formatLogLine, lineLogBody } from "@/server/docker/log-download";
import { lineFilter } from "@/server/docker/log-filter";
import { logTarget, openLogStream } from "@/server/docker/logs";
import { logFileResponse } from "@/server/http/text-download";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };

/**
 * Download exactly the asked range as text, streamed from Docker — never from a browser buffer,
 * never held whole in memory (the response pulls as the client reads). Without `timestamps`,
 * `labels` or `q` the file is byte for byte what `docker logs` prints; otherwise it is lines.
 */
export const GET = route<Params>({ action: "containers:logs", target: (p) => ({ engine: p.engine, container: p.ref }) }, async (ctx) => {
  const { engine: engineId, ref } = containerParamsSchema.parse(ctx.params);
  const q = ctx.query(logsDownloadQuerySchema);
  const keep = lineFilter(q.q, { regex: q.regex, caseSensitive: q.case });
  const engine = await ctx.rt.engines.reachable(engineId);
  const target = await logTarget(engine, ref);
  const asDockerPrints = !q.timestamps && !q.labels && !keep;
  const abort = new AbortController();
  const upstream = await openLogStream(
    engine,
    target.id,
    { follow: false, since: q.since, until: q.until, tail: q.tail, stdout: q.stdout, stderr: q.stderr, timestamps: q.timestamps },
    abort.signal,
  );
  const body = asDockerPrints
    ? dockerLogsBody(upstream, target.tty)
    : lineLogBody(upstream, target.tty, q.timestamps, (l) => (keep && !keep(l.text) ? null : formatLogLine(l, q)));
  body.on("close", () => abort.abort());
  return logFileResponse(body, target.name);
});
