import type Docker from "dockerode";
import { JsonLineSplitter, ProgressTracker, type ProgressSnapshot } from "@/lib/resources/progress";
import { prunedImageIds } from "@/lib/resources/prune";
import { toEnvEntries } from "@/lib/secrets";
import type { ContainerState, ImageDetail, ImageHistoryEntry, ImageSummary, PruneResult } from "@/lib/wire";
import type { Engine } from "./engines";
import { EngineError, isEngineError, toEngineError } from "./errors";
import { call } from "./call";
import { looksLikeHelper } from "./helper-image";
import type { RegistryAuth } from "./registries";

const NONE = "<none>:<none>";

function tagsOf(tags: string[] | null | undefined): string[] {
  return (tags ?? []).filter((t) => t !== NONE);
}

/** Container counts per image id, from the cheap container list. */
async function usage(engine: Engine): Promise<Map<string, { id: string; name: string; state: ContainerState }[]>> {
  const list = await call(engine, () => engine.docker.listContainers({ all: true }));
  const map = new Map<string, { id: string; name: string; state: ContainerState }[]>();
  for (const c of list) {
    // Berth's own helpers (and only they: a hand-set berth.helper label does not hide a container).
    if (looksLikeHelper(c)) continue;
    const users = map.get(c.ImageID) ?? [];
    users.push({ id: c.Id, name: (c.Names?.[0] ?? c.Id).replace(/^\//, ""), state: c.State as ContainerState });
    map.set(c.ImageID, users);
  }
  return map;
}

function toSummary(i: Docker.ImageInfo, containers: number): ImageSummary {
  const repoTags = tagsOf(i.RepoTags);
  return {
    id: i.Id,
    repoTags,
    repoDigests: (i.RepoDigests ?? []).filter((d) => !d.startsWith("<none>")),
    size: i.Size,
    createdAt: new Date(i.Created * 1000).toISOString(),
    containers,
    dangling: repoTags.length === 0,
    labels: i.Labels ?? {},
  };
}

/** Top-level images (like `docker image ls`), each with every tag and its container count. */
export async function listImages(engine: Engine): Promise<ImageSummary[]> {
  const [images, used] = await Promise.all([call(engine, () => engine.docker.listImages({ all: false })), usage(engine)]);
  return images.map((i) => toSummary(i, used.get(i.Id)?.length ?? 0));
}

function argv(v: string | string[] | null | undefined): string[] {
  if (!v) return [];
  return Array.isArray(v) ? v : [v];
}

/** Inspect, shaped for the detail page; env values that look secret are masked. */
export async function inspectImage(engine: Engine, ref: string): Promise<ImageDetail> {
  const [info, used] = await Promise.all([call(engine, () => engine.docker.getImage(ref).inspect()), usage(engine)]);
  const cfg = (info.Config ?? {}) as Docker.ImageInspectInfo["Config"] & { StopSignal?: string };
  const users = used.get(info.Id) ?? [];
  const repoTags = tagsOf(info.RepoTags);
  return {
    id: info.Id,
    repoTags,
    repoDigests: info.RepoDigests ?? [],
    size: info.Size,
    createdAt: info.Created,
    containers: users.length,
    dangling: repoTags.length === 0,
    labels: cfg.Labels ?? {},
    architecture: info.Architecture,
    os: info.Os,
    author: info.Author ?? "",
    parent: info.Parent ?? "",
    config: {
      entrypoint: argv(cfg.Entrypoint as string | string[] | undefined),
      cmd: argv(cfg.Cmd),
      env: toEnvEntries(cfg.Env, false),
      exposedPorts: Object.keys(cfg.ExposedPorts ?? {}).sort(),
      user: cfg.User ?? "",
      workingDir: cfg.WorkingDir ?? "",
      volumes: Object.keys(cfg.Volumes ?? {}).sort(),
      ...(cfg.StopSignal ? { stopSignal: cfg.StopSignal } : {}),
    },
    layers: info.RootFS?.Layers?.length ?? 0,
    usedBy: users,
  };
}

/** Layer history, newest first (as `docker history`), with the instruction that made each layer. */
export async function imageHistory(engine: Engine, ref: string): Promise<ImageHistoryEntry[]> {
  const rows = (await call(engine, () => engine.docker.getImage(ref).history())) as {
    Id: string;
    Created: number;
    CreatedBy: string;
    Size: number;
    Comment: string;
    Tags: string[] | null;
  }[];
  return rows.map((r) => ({
    id: r.Id,
    createdAt: new Date(r.Created * 1000).toISOString(),
    // Docker stores RUN lines as `/bin/sh -c #(nop) …` or `|1 ARG=… /bin/sh -c …`; keep them verbatim.
    createdBy: r.CreatedBy,
    size: r.Size,
    comment: r.Comment,
    tags: r.Tags ?? [],
  }));
}

/** Splits `repo[:tag]` (a port in the registry host is not a tag). */
export function splitRepoTag(target: string): { repo: string; tag: string } {
  const at = target.indexOf("@");
  const base = at === -1 ? target : target.slice(0, at);
  const colon = base.lastIndexOf(":");
  if (colon > base.lastIndexOf("/")) return { repo: base.slice(0, colon), tag: base.slice(colon + 1) };
  return { repo: base, tag: "latest" };
}

export async function tagImage(engine: Engine, ref: string, target: string): Promise<{ tagged: string }> {
  const { repo, tag } = splitRepoTag(target);
  await call(engine, () => engine.docker.getImage(ref).tag({ repo, tag }));
  return { tagged: `${repo}:${tag}` };
}

/** Removes an image or one of its tags. Without force Docker refuses (409) when a container uses it, and says which. */
export async function removeImage(engine: Engine, ref: string, opts: { force: boolean; noprune: boolean }): Promise<{ untagged: string[]; deleted: string[] }> {
  const res = (await call(engine, () => engine.docker.getImage(ref).remove({ force: opts.force, noprune: opts.noprune }))) as {
    Untagged?: string;
    Deleted?: string;
  }[];
  return {
    untagged: (res ?? []).flatMap((r) => (r.Untagged ? [r.Untagged] : [])),
    deleted: (res ?? []).flatMap((r) => (r.Deleted ? [r.Deleted] : [])),
  };
}

/** Every image id, intermediate ones included (cheap): tells deleted images from deleted layers after a prune. */
export async function imageIds(engine: Engine): Promise<Set<string>> {
  const all = await call(engine, () => engine.docker.listImages({ all: true }));
  return new Set(all.map((i) => i.Id));
}

/**
 * `docker image prune` (dangling) or `-a` (every image without a container); with `label` (`key` or `key=value`)
 * only the images that carry it, as `--filter label=…`.
 */
export async function pruneImages(engine: Engine, mode: "dangling" | "all", label?: string): Promise<PruneResult> {
  const filters: Record<string, string[]> = { dangling: [mode === "all" ? "false" : "true"], ...(label === undefined ? {} : { label: [label] }) };
  const before = await imageIds(engine);
  const res = await call(engine, () => engine.docker.pruneImages({ filters }));
  return { removed: prunedImageIds(res.ImagesDeleted, before), spaceReclaimed: res.SpaceReclaimed ?? 0 };
}

export interface TransferHandlers {
  /** Called at most every `throttleMs` with the latest snapshot. */
  progress?: (s: ProgressSnapshot) => void;
  /** Aborting ends the Docker request; the daemon then stops the pull or push. */
  signal?: AbortSignal;
}

const THROTTLE_MS = 200;

/** The transfer was cancelled (its AbortSignal fired) before it finished. */
export const TRANSFER_CANCELLED = "cancelled";

export function transferCancelled(engineId = ""): EngineError {
  return new EngineError(TRANSFER_CANCELLED, "Cancelled before it finished", engineId);
}

export function isTransferCancelled(e: unknown): boolean {
  return isEngineError(e) && e.code === TRANSFER_CANCELLED;
}

/**
 * Reads a pull/push JSON-lines stream to the end and resolves with the final snapshot. A failure
 * Docker reports inside a 200 stream (`{error}`) becomes an EngineError with the registry's message;
 * an abort (`h.signal`) destroys the stream and rejects with `transferCancelled()`, whatever the
 * stream did on its way down (it may end cleanly or with an error).
 */
export function followTransfer(engineId: string, stream: NodeJS.ReadableStream, h: TransferHandlers): Promise<ProgressSnapshot> {
  return new Promise((resolve, reject) => {
    const tracker = new ProgressTracker();
    const splitter = new JsonLineSplitter((l) => tracker.apply(l));
    let last = 0;
    let timer: NodeJS.Timeout | undefined;
    const emit = () => {
      timer = undefined;
      last = Date.now();
      h.progress?.(tracker.snapshot());
    };
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      h.signal?.removeEventListener("abort", onAbort);
      splitter.end();
      const snap = tracker.snapshot();
      h.progress?.(snap);
      if (h.signal?.aborted) return reject(transferCancelled(engineId));
      if (err) return reject(toEngineError(err, engineId));
      if (snap.error) return reject(new EngineError("registry_error", snap.error, engineId));
      resolve(snap);
    };
    const onAbort = () => {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      finish();
    };
    if (h.signal?.aborted) return onAbort();
    h.signal?.addEventListener("abort", onAbort, { once: true });
    stream.on("data", (chunk: Buffer) => {
      splitter.write(chunk.toString("utf8"));
      if (!timer) timer = setTimeout(emit, Math.max(0, THROTTLE_MS - (Date.now() - last)));
    });
    stream.on("end", () => finish());
    stream.on("close", () => finish());
    stream.on("error", (e) => finish(e));
  });
}

/** Starts a transfer request; an abort before Docker answered is a cancellation, not an engine error. */
async function openTransfer(engine: Engine, signal: AbortSignal | undefined, open: () => Promise<NodeJS.ReadableStream>): Promise<NodeJS.ReadableStream> {
  if (signal?.aborted) throw transferCancelled(engine.id);
  try {
    return await call(engine, open);
  } catch (e) {
    throw signal?.aborted ? transferCancelled(engine.id) : e;
  }
}

/** Adds `:latest` when no tag or digest is given, as `docker pull` does. */
export function withDefaultTag(ref: string): string {
  if (ref.includes("@")) return ref;
  const slash = ref.lastIndexOf("/");
  return ref.slice(slash + 1).includes(":") ? ref : `${ref}:latest`;
}

/** Pulls with live progress; credentials (when saved for the registry) go in X-Registry-Auth. */
export async function pullImage(engine: Engine, ref: string, auth: RegistryAuth | undefined, h: TransferHandlers = {}): Promise<ProgressSnapshot> {
  const full = withDefaultTag(ref);
  const opts = { ...(auth ? { authconfig: auth } : {}), ...(h.signal ? { abortSignal: h.signal } : {}) };
  const stream = await openTransfer(engine, h.signal, () => engine.docker.pull(full, opts) as Promise<NodeJS.ReadableStream>);
  return followTransfer(engine.id, stream, h);
}

/** Pushes `repo:tag` with live progress. */
export async function pushImage(engine: Engine, ref: string, auth: RegistryAuth | undefined, h: TransferHandlers = {}): Promise<ProgressSnapshot> {
  const { repo, tag } = splitRepoTag(ref);
  const stream = await openTransfer(engine, h.signal, async () => {
    // Push needs X-Registry-Auth even when empty, or Docker refuses with "Bad parameters".
    const opts = { tag, authconfig: auth ?? {}, ...(h.signal ? { abortSignal: h.signal } : {}) };
    return (await engine.docker.getImage(repo).push(opts as Docker.ImagePushOptions)) as NodeJS.ReadableStream;
  });
  return followTransfer(engine.id, stream, h);
}
