import type { RemovedContainer, StatsRange, StatsSeries } from "@/lib/wire";
import type { Engine } from "@/server/docker/engines";
import { findContainer } from "@/server/docker/container-facts";
import { notFound } from "@/server/http/errors";
import type { Runtime } from "@/server/runtime";
import { findRemovedContainer } from "./removed";

/**
 * A container's chart series for a range. The last 15 minutes come from the collector's
 * one-second ring while the container runs; longer ranges, and removed containers, from the store.
 */
export async function containerSeries(rt: Runtime, engine: Engine, ref: string, range: StatsRange): Promise<StatsSeries> {
  let container: { id: string; name: string; removedAt?: string };
  const found = await findContainer(engine, ref);
  if (found) container = { id: found.id, name: found.name };
  else {
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

/**
 * A removed container whose history is kept, by id, id prefix or name. A container Berth has
 * history for but has not yet seen go (the destroy event is still on its way) counts as removed
 * once the engine answers 404 for it; one that still exists is not "removed" (404 here).
 */
export async function removedContainer(rt: Runtime, engine: Engine, ref: string): Promise<RemovedContainer> {
  await rt.history.flush(); // a short-lived container's only points may still be waiting to be written
  const found = await findRemovedContainer(rt.db, engine.id, ref);
  if (found) return found;
  const known = await rt.history.lookup(engine.id, ref);
  if (known && !known.removedAt && engine.reachable) {
    if (!(await findContainer(engine, known.id))) {
      await rt.history.markRemoved(engine.id, known.id);
      const marked = await findRemovedContainer(rt.db, engine.id, known.id);
      if (marked) return marked;
    }
  }
  throw notFound(`No removed container with stats history matches "${ref}"`);
}
