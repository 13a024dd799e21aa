import type { StatsRange, StatsSeries } from "@/lib/wire";
import type { Engine } from "@/server/docker/engines";
import { toHttpError } from "@/server/docker/errors";
import { isHttpError, notFound } from "@/server/http/errors";
import type { Runtime } from "@/server/runtime";

/**
 * A container's chart series for a range. The last 15 minutes come from the collector's
 * one-second ring while the container runs; longer ranges, and removed containers, from the store.
 */
export async function containerSeries(rt: Runtime, engine: Engine, ref: string, range: StatsRange): Promise<StatsSeries> {
  let container: { id: string; name: string; removedAt?: string };
  try {
    const info = await engine.docker.getContainer(ref).inspect();
    container = { id: info.Id, name: info.Name.replace(/^\//, "") };
  } catch (e) {
    const err = isHttpError(e) ? e : toHttpError(e, engine.id);
    if (err.status !== 404) throw err;
    const known = await rt.history.lookup(engine.id, ref);
    if (!known) throw notFound(`No container or stats history for "${ref}"`);
    container = { ...known, removedAt: known.removedAt ?? new Date().toISOString() };
  }
  const collector = rt.stats.get(engine.id);
  if (range === "15m" && collector && !container.removedAt) {
    const samples = collector.recent(container.id, Date.now() - 15 * 60_000);
    if (samples.length) return { container: container.id, name: container.name, range, resolution: 1, samples };
  }
  await rt.history.flush();
  return rt.history.series(engine.id, container, range);
}
