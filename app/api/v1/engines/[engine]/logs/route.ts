import { engineParamsSchema, mergedLogsQuerySchema } from "@/lib/schemas";
import { authorize } from "@/server/auth/authorize";
import { mergedLogBody, UpstreamLines } from "@/server/docker/log-download";
import { lineFilter } from "@/server/docker/log-filter";
import { logTarget, openLogStream, type LogTarget } from "@/server/docker/logs";
import { logFileResponse } from "@/server/http/text-download";
import { route } from "@/server/http/route";
import { resolveTarget } from "@/server/auth/scope-resolve";

export const dynamic = "force-dynamic";

type Params = { engine: string };

/**
 * Several containers' logs in one file, ordered by time and prefixed with each container's name
 * (`web | …`, as `docker compose logs` prints them). Each container's range (`tail` counts per
 * container, like compose) streams from Docker with timestamps and is merged as the client reads.
 */
export const GET = route<Params>({ action: "containers:logs", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine: engineId } = engineParamsSchema.parse(ctx.params);
  const q = ctx.query(mergedLogsQuerySchema);
  for (const container of q.containers) authorize(ctx.user, "containers:logs", await resolveTarget(ctx.rt, ctx.user, { engine: engineId, container }));
  const keep = lineFilter(q.q, { regex: q.regex, caseSensitive: q.case });
  const engine = await ctx.rt.engines.reachable(engineId);
  const resolved = await Promise.all(q.containers.map((ref) => logTarget(engine, ref)));
  // A container named twice (by name and by id) is read once.
  const targets = [...new Map<string, LogTarget>(resolved.map((t) => [t.id, t])).values()];

  const abort = new AbortController();
  let upstreams;
  try {
    upstreams = await Promise.all(
      targets.map((t) =>
        openLogStream(
          engine,
          t.id,
          { follow: false, since: q.since, until: q.until, tail: q.tail, stdout: q.stdout, stderr: q.stderr, timestamps: true },
          abort.signal,
        ),
      ),
    );
  } catch (e) {
    abort.abort(); // the streams that did open
    throw e;
  }
  const sources = upstreams.map((u, i) => new UpstreamLines(u, targets[i]!.tty, keep));
  const body = mergedLogBody(
    sources,
    targets.map((t) => t.name),
    q,
  );
  body.on("close", () => abort.abort());
  return logFileResponse(body, targets.length === 1 ? targets[0]!.name : `${engineId}-${targets.length}-containers`);
});
