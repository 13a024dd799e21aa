import type { DiskUsage, PruneItem, PrunePart, PrunePreview } from "../wire";

/**
 * Disk usage and prune previews from Docker's `GET /system/df` document. Pure, so the numbers
 * shown before "Prune" is clicked are tested: they are what an operator decides on.
 */

export interface DfImage {
  Id: string;
  RepoTags?: string[] | null;
  Size: number;
  SharedSize: number;
  Containers: number;
}
export interface DfContainer {
  Id: string;
  Names?: string[];
  State: string;
  SizeRw?: number;
}
export interface DfVolume {
  Name: string;
  UsageData?: { Size: number; RefCount: number } | null;
}
export interface DfBuildCache {
  ID: string;
  Description?: string;
  Type?: string;
  Size: number;
  InUse: boolean;
  Shared: boolean;
}
export interface DfDocument {
  LayersSize?: number;
  Images?: DfImage[] | null;
  Containers?: DfContainer[] | null;
  Volumes?: DfVolume[] | null;
  BuildCache?: DfBuildCache[] | null;
}

export interface DfNetwork {
  Id: string;
  Name: string;
  containerCount: number;
}

const PREDEFINED = new Set(["bridge", "host", "none"]);
const ACTIVE_STATES = new Set(["running", "paused", "restarting"]);

const nonNeg = (n: number | undefined | null) => (typeof n === "number" && n > 0 ? n : 0);

function part(items: PruneItem[]): PrunePart {
  return { count: items.length, bytes: items.reduce((s, i) => s + i.bytes, 0), items };
}

/** An image's own bytes: what removing it alone frees (layers shared with kept images stay). */
export function uniqueImageBytes(i: DfImage): number {
  return Math.max(0, nonNeg(i.Size) - nonNeg(i.SharedSize));
}

export const isDanglingImage = (i: DfImage) => !i.RepoTags || i.RepoTags.length === 0 || i.RepoTags.every((t) => t === "<none>:<none>");

export function imagesToPrune(df: DfDocument, mode: "none" | "dangling" | "all"): PrunePart {
  if (mode === "none") return part([]);
  const items = (df.Images ?? [])
    .filter((i) => i.Containers <= 0 && (mode === "all" || isDanglingImage(i)))
    .map((i) => ({
      id: i.Id,
      name: isDanglingImage(i) ? `<none> (${i.Id.replace(/^sha256:/, "").slice(0, 12)})` : i.RepoTags!.join(", "),
      bytes: uniqueImageBytes(i),
    }));
  return part(items);
}

export function containersToPrune(df: DfDocument): PrunePart {
  return part(
    (df.Containers ?? [])
      .filter((c) => !ACTIVE_STATES.has(c.State))
      .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""), bytes: nonNeg(c.SizeRw) })),
  );
}

/** Engine API 1.41 (Docker 20.10) prunes every unused volume, named or anonymous. */
export function volumesToPrune(df: DfDocument): PrunePart {
  return part(
    (df.Volumes ?? []).filter((v) => (v.UsageData?.RefCount ?? 0) === 0).map((v) => ({ id: v.Name, name: v.Name, bytes: nonNeg(v.UsageData?.Size) })),
  );
}

export function buildCacheToPrune(df: DfDocument): PrunePart {
  return part(
    (df.BuildCache ?? [])
      .filter((b) => !b.InUse && !b.Shared)
      .map((b) => ({ id: b.ID, name: b.Description || b.Type || b.ID.slice(0, 12), bytes: nonNeg(b.Size) })),
  );
}

export function networksToPrune(networks: readonly DfNetwork[]): PrunePart {
  return part(networks.filter((n) => !PREDEFINED.has(n.Name) && n.containerCount === 0).map((n) => ({ id: n.Id, name: n.Name, bytes: 0 })));
}

/**
 * The images a prune removed. Docker's `ImagesDeleted` mixes untagged names, deleted image ids
 * and deleted layer ids (one per layer), so counting its entries overstates the images; keep the
 * deleted ids that were images before the prune (`imageIdsBefore`, from `GET /images/json?all=1`).
 */
export function prunedImageIds(deleted: readonly { Deleted?: string; Untagged?: string }[] | null | undefined, imageIdsBefore: ReadonlySet<string>): string[] {
  return (deleted ?? []).flatMap((d) => (d.Deleted && imageIdsBefore.has(d.Deleted) ? [d.Deleted] : []));
}

export interface PruneSelection {
  containers: boolean;
  images: "none" | "dangling" | "all";
  networks: boolean;
  volumes: boolean;
  buildCache: boolean;
}

const EMPTY: PrunePart = { count: 0, bytes: 0, items: [] };

/**
 * What `system prune` with this selection would remove. Removing stopped containers first
 * frees the images only they used, so with containers selected those images count as unused.
 */
export function prunePreview(df: DfDocument, networks: readonly DfNetwork[], sel: PruneSelection): PrunePreview {
  const containers = sel.containers ? containersToPrune(df) : EMPTY;
  const freed = new Set(containers.items.map((c) => c.id));
  let dfForImages = df;
  if (sel.containers && df.Images && df.Containers) {
    // Recount containers per image as if the stopped ones were gone.
    const users = new Map<string, number>();
    for (const c of df.Containers as (DfContainer & { ImageID?: string })[]) {
      if (freed.has(c.Id) || !c.ImageID) continue;
      users.set(c.ImageID, (users.get(c.ImageID) ?? 0) + 1);
    }
    const haveImageIds = (df.Containers as (DfContainer & { ImageID?: string })[]).every((c) => c.ImageID);
    if (haveImageIds) dfForImages = { ...df, Images: df.Images.map((i) => ({ ...i, Containers: users.get(i.Id) ?? 0 })) };
  }
  const images = imagesToPrune(dfForImages, sel.images);
  const volumes = sel.volumes ? volumesToPrune(df) : EMPTY;
  const buildCache = sel.buildCache ? buildCacheToPrune(df) : EMPTY;
  const nets = sel.networks ? networksToPrune(networks) : EMPTY;
  return {
    containers,
    images,
    volumes,
    buildCache,
    networks: nets,
    totalBytes: containers.bytes + images.bytes + volumes.bytes + buildCache.bytes,
  };
}

/** The `docker system df` table: count, active, size and reclaimable per kind. */
export function diskUsage(df: DfDocument): DiskUsage {
  const images = df.Images ?? [];
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  const activeImages = images.filter((i) => i.Containers > 0);
  const imagesSize = nonNeg(df.LayersSize) || images.reduce((s, i) => s + uniqueImageBytes(i), 0);
  // As the CLI: reclaimable = everything minus what the images in use need.
  const inUseImages = activeImages.reduce((s, i) => s + nonNeg(i.Size), 0);
  const rows = [
    { kind: "images" as const, count: images.length, active: activeImages.length, size: imagesSize, reclaimable: Math.max(0, imagesSize - inUseImages) },
    {
      kind: "containers" as const,
      count: containers.length,
      active: containers.filter((c) => ACTIVE_STATES.has(c.State)).length,
      size: containers.reduce((s, c) => s + nonNeg(c.SizeRw), 0),
      reclaimable: containersToPrune(df).bytes,
    },
    {
      kind: "volumes" as const,
      count: volumes.length,
      active: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      size: volumes.reduce((s, v) => s + nonNeg(v.UsageData?.Size), 0),
      reclaimable: volumesToPrune(df).bytes,
    },
    {
      kind: "buildCache" as const,
      count: cache.length,
      active: cache.filter((b) => b.InUse).length,
      size: cache.reduce((s, b) => s + nonNeg(b.Size), 0),
      reclaimable: buildCacheToPrune(df).bytes,
    },
  ];
  return { rows, totalSize: rows.reduce((s, r) => s + r.size, 0), totalReclaimable: rows.reduce((s, r) => s + r.reclaimable, 0) };
}
