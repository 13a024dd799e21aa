import { diskUsage, prunedImageIds, prunePreview, type DfDocument, type PruneSelection } from "@/lib/resources/prune";
import type { DiskUsage, PrunePreview, PruneResult, SystemInfo } from "@/lib/wire";
import type { Engine } from "./engines";
import { call } from "./call";
import { processState } from "@/server/runtime";
import { imageIds } from "./images";
import { listNetworks } from "./networks";

/** `docker info` shaped for the system page. */
export async function systemInfo(engine: Engine): Promise<SystemInfo> {
  const [i, v] = await Promise.all([call(engine, () => engine.docker.info()), call(engine, () => engine.docker.version())]);
  return {
    name: i.Name,
    serverVersion: i.ServerVersion,
    apiVersion: v.ApiVersion,
    goVersion: v.GoVersion,
    os: i.OperatingSystem,
    osType: i.OSType,
    kernel: i.KernelVersion,
    architecture: i.Architecture,
    cpus: i.NCPU,
    memoryBytes: i.MemTotal,
    storageDriver: i.Driver,
    storageDetails: (i.DriverStatus ?? []) as [string, string][],
    cgroupVersion: i.CgroupVersion ?? "1",
    cgroupDriver: i.CgroupDriver,
    loggingDriver: i.LoggingDriver,
    runtimes: Object.keys(i.Runtimes ?? {}).sort(),
    defaultRuntime: i.DefaultRuntime,
    dockerRootDir: i.DockerRootDir,
    swarm: { state: i.Swarm?.LocalNodeState || "inactive", manager: !!i.Swarm?.ControlAvailable },
    containers: { total: i.Containers, running: i.ContainersRunning, paused: i.ContainersPaused, stopped: i.ContainersStopped },
    images: i.Images,
    warnings: i.Warnings ?? [],
  };
}

/*
 * `GET /system/df` walks every layer and volume: seconds on a busy host. One cached document per
 * engine, shared by concurrent callers; writes through Berth drop it.
 */
const DF_TTL_MS = 30_000;
/** Per engine id; process-wide, since route handlers (Next bundles) and the custom server both read it. */
const dfCache = processState("dfCache", () => new Map<string, { at: number; doc?: DfDocument; pending?: Promise<DfDocument> }>());

/** The engine's `system df`, at most `maxAgeMs` old. */
export async function systemDf(engine: Engine, maxAgeMs = DF_TTL_MS): Promise<DfDocument> {
  const entry = dfCache.get(engine.id);
  if (entry?.doc && Date.now() - entry.at <= maxAgeMs) return entry.doc;
  if (entry?.pending) return entry.pending;
  const pending = call(engine, () => engine.docker.df() as Promise<DfDocument>);
  dfCache.set(engine.id, { at: entry?.at ?? 0, doc: entry?.doc, pending });
  try {
    const doc = await pending;
    dfCache.set(engine.id, { at: Date.now(), doc });
    return doc;
  } catch (e) {
    dfCache.delete(engine.id);
    throw e;
  }
}

/** When the cached df of this engine was measured, or null when there is none. */
export function dfMeasuredAt(engine: Engine): Date | null {
  const at = dfCache.get(engine.id)?.at;
  return at ? new Date(at) : null;
}

/** Forget the cached df, e.g. after a prune or a volume restore. */
export function invalidateDf(engine: Engine): void {
  dfCache.delete(engine.id);
}

export async function engineDiskUsage(engine: Engine): Promise<DiskUsage & { measuredAt: string }> {
  const doc = await systemDf(engine, 10_000);
  const at = dfCache.get(engine.id)?.at ?? Date.now();
  return { ...diskUsage(doc), measuredAt: new Date(at).toISOString() };
}

export async function systemPrunePreview(engine: Engine, sel: PruneSelection): Promise<PrunePreview> {
  const [doc, nets] = await Promise.all([systemDf(engine, 0), listNetworks(engine)]);
  return prunePreview(
    doc,
    nets.map((n) => ({ Id: n.id, Name: n.name, containerCount: n.containerCount })),
    sel,
  );
}

export interface SystemPruneResult {
  readonly containers?: PruneResult;
  readonly images?: PruneResult;
  readonly networks?: PruneResult;
  readonly volumes?: PruneResult;
  readonly buildCache?: PruneResult;
  readonly spaceReclaimed: number;
}

/** `docker system prune` with a selection; containers go first so the images they held can follow. */
export async function systemPrune(engine: Engine, sel: PruneSelection): Promise<SystemPruneResult> {
  const d = engine.docker;
  const out: { -readonly [K in keyof SystemPruneResult]: SystemPruneResult[K] } = { spaceReclaimed: 0 };
  try {
    if (sel.containers) {
      const r = await call(engine, () => d.pruneContainers());
      out.containers = { removed: r.ContainersDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
    }
    if (sel.images !== "none") {
      const before = await imageIds(engine);
      const r = await call(engine, () => d.pruneImages({ filters: { dangling: [sel.images === "all" ? "false" : "true"] } }));
      out.images = { removed: prunedImageIds(r.ImagesDeleted, before), spaceReclaimed: r.SpaceReclaimed ?? 0 };
    }
    if (sel.networks) {
      const r = await call(engine, () => d.pruneNetworks());
      out.networks = { removed: r.NetworksDeleted ?? [], spaceReclaimed: 0 };
    }
    if (sel.volumes) {
      const r = await call(engine, () => d.pruneVolumes());
      out.volumes = { removed: r.VolumesDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
    }
    if (sel.buildCache) {
      const r = await call(engine, () => d.pruneBuilder());
      out.buildCache = { removed: (r as { CachesDeleted?: string[] }).CachesDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
    }
  } finally {
    invalidateDf(engine);
  }
  out.spaceReclaimed = [out.containers, out.images, out.volumes, out.buildCache].reduce((s, r) => s + (r?.spaceReclaimed ?? 0), 0);
  return out;
}
