import { PassThrough, Readable } from "node:stream";
import { createGzip } from "node:zlib";
import type Docker from "dockerode";
import type { VolumeCreateInput } from "@/lib/schemas";
import { helperPath } from "@/lib/resources/volume-path";
import type { PruneResult, VolumeEntry, VolumeListing, VolumeSummary } from "@/lib/wire";
import { HttpError } from "@/server/http/errors";
import { log } from "@/server/log";
import type { Engine } from "./engines";
import { call, engineFailure } from "./call";
import { processState } from "@/server/runtime";
import { dfMeasuredAt, invalidateDf, systemDf } from "./system";
import { TarReader } from "./volumes-tar";

/** The local image every helper container runs (busybox: tar, gzip). */
export const HELPER_IMAGE = "berth-fixture:latest";
export const HELPER_LABEL = "berth.helper";
const MOUNT = "/v";

/** Volumes, with sizes from the cached `system df` and the containers that mount each one. */
export async function listVolumes(engine: Engine): Promise<VolumeSummary[]> {
  const [res, containers, df] = await Promise.all([
    call(engine, () => engine.docker.listVolumes()),
    call(engine, () => engine.docker.listContainers({ all: true })),
    // Sizes are a nicety: a slow or failing df must not take the list down.
    systemDf(engine).catch(() => undefined),
  ]);
  const users = new Map<string, { id: string; name: string }[]>();
  for (const c of containers) {
    // Berth's own short-lived helpers are not "users" of a volume.
    if (c.Labels?.[HELPER_LABEL]) continue;
    for (const m of c.Mounts ?? []) {
      if (m.Type !== "volume" || !m.Name) continue;
      const list = users.get(m.Name) ?? [];
      list.push({ id: c.Id, name: (c.Names?.[0] ?? c.Id).replace(/^\//, "") });
      users.set(m.Name, list);
    }
  }
  const sizes = new Map((df?.Volumes ?? []).map((v) => [v.Name, v.UsageData?.Size ?? -1]));
  const measuredAt = df ? dfMeasuredAt(engine)?.toISOString() : undefined;
  return (res.Volumes ?? []).map((v) => {
    const used = users.get(v.Name) ?? [];
    const size = sizes.get(v.Name);
    const extra = v as Docker.VolumeInspectInfo & { CreatedAt?: string };
    return {
      name: v.Name,
      driver: v.Driver,
      mountpoint: v.Mountpoint,
      scope: v.Scope,
      ...(extra.CreatedAt ? { createdAt: extra.CreatedAt } : {}),
      labels: v.Labels ?? {},
      options: (v.Options as Record<string, string> | null) ?? {},
      size: size !== undefined && size >= 0 ? size : null,
      ...(measuredAt ? { sizeMeasuredAt: measuredAt } : {}),
      usedBy: used,
      dangling: used.length === 0,
    };
  });
}

export async function inspectVolume(engine: Engine, name: string): Promise<VolumeSummary> {
  await call(engine, () => engine.docker.getVolume(name).inspect());
  const all = await listVolumes(engine);
  const v = all.find((x) => x.name === name);
  if (!v) throw new HttpError(404, "not_found", `No such volume: ${name}`);
  return v;
}

/**
 * Creates a volume. Docker answers 201 for a name that already exists (and changes nothing), so a
 * named create looks first and refuses with 409: the user meant a new volume, not the old one.
 */
export async function createVolume(engine: Engine, input: VolumeCreateInput): Promise<{ name: string }> {
  if (input.name && (await volumeExists(engine, input.name))) {
    throw new HttpError(409, "conflict", `A volume named ${input.name} already exists: choose another name, or use the existing volume.`, "name");
  }
  const v = await call(engine, () =>
    engine.docker.createVolume({ Name: input.name, Driver: input.driver, DriverOpts: input.options ?? {}, Labels: input.labels ?? {} }),
  );
  invalidateDf(engine);
  return { name: (v as unknown as { Name: string }).Name };
}

export async function removeVolume(engine: Engine, name: string, force: boolean): Promise<void> {
  await call(engine, () => engine.docker.getVolume(name).remove({ force }));
  invalidateDf(engine);
}

export async function pruneVolumes(engine: Engine): Promise<PruneResult> {
  const r = await call(engine, () => engine.docker.pruneVolumes());
  invalidateDf(engine);
  return { removed: r.VolumesDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
}

/**
 * A created (never started) helper container with the volume at /v. Docker mounts volumes for
 * archive requests on a stopped container, so nothing runs inside it. Labelled `berth.helper=1`;
 * the caller removes it in `finally`.
 */
async function helper(engine: Engine, volume: string, readOnly: boolean): Promise<Docker.Container> {
  void sweepHelpers(engine);
  try {
    await engine.docker.getImage(HELPER_IMAGE).inspect();
  } catch {
    throw new HttpError(
      503,
      "helper_image_missing",
      `The helper image ${HELPER_IMAGE} is missing on engine "${engine.id}" (run scripts/build-fixture-image.sh)`,
    );
  }
  return call(engine, () =>
    engine.docker.createContainer({
      Image: HELPER_IMAGE,
      Cmd: ["true"],
      Labels: { [HELPER_LABEL]: "1", "berth.helper.volume": volume },
      NetworkDisabled: true,
      HostConfig: { Mounts: [{ Type: "volume", Source: volume, Target: MOUNT, ReadOnly: readOnly }], NetworkMode: "none" },
    }),
  );
}

const HELPER_MAX_AGE_S = 15 * 60;
/** When each engine was last swept; process-wide, since route handlers run in Next bundles. */
const lastSweep = processState("helperSweeps", () => new Map<string, number>());

/**
 * Removes helpers that outlived any request (their removal failed, e.g. while the engine was
 * unreachable, or the process died mid-backup). At most once a minute, best effort.
 */
async function sweepHelpers(engine: Engine): Promise<void> {
  if (Date.now() - (lastSweep.get(engine.id) ?? 0) < 60_000) return;
  lastSweep.set(engine.id, Date.now());
  try {
    const stale = await engine.docker.listContainers({ all: true, filters: { label: [`${HELPER_LABEL}=1`] } });
    const cutoff = Date.now() / 1000 - HELPER_MAX_AGE_S;
    for (const c of stale)
      if (c.Created < cutoff)
        await engine.docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined);
  } catch {
    /* next time */
  }
}

async function removeHelper(engine: Engine, c: Docker.Container): Promise<void> {
  try {
    await c.remove({ force: true, v: false });
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) log.warn({ engine: engine.id, err: (e as Error).message }, "helper container removal failed");
  }
}

async function volumeExists(engine: Engine, name: string): Promise<boolean> {
  try {
    await engine.docker.getVolume(name).inspect();
    return true;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return false;
    throw engineFailure(engine, e);
  }
}

/**
 * Reads the rest of an upload and throws it away, so an error answer reaches the browser: one sent
 * while the request body is still streaming in makes the browser's upload fail as a network error,
 * and the user would never read why. Bounded in time; after that the connection is given up.
 */
export function drainBody(body: Readable, timeoutMs = 120_000): Promise<void> {
  if (body.readableEnded || body.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      body.destroy();
      resolve();
    }, timeoutMs);
    body.once("end", done).once("close", done).once("error", done);
    body.resume();
  });
}

/** Fails with 404 when the volume does not exist (a helper would otherwise create it). */
async function mustExist(engine: Engine, name: string): Promise<void> {
  await call(engine, () => engine.docker.getVolume(name).inspect());
}

/** `.tar.gz` of the whole volume, streamed; the helper goes when the stream ends or is abandoned. */
export async function backupVolume(engine: Engine, name: string): Promise<Readable> {
  await mustExist(engine, name);
  const c = await helper(engine, name, true);
  try {
    const tar = (await call(engine, () => c.getArchive({ path: `${MOUNT}/.` }))) as NodeJS.ReadableStream;
    const gz = createGzip({ level: 6 });
    const out = new PassThrough();
    let cleaned = false;
    const cleanup = () => {
      if (cleaned) return;
      cleaned = true;
      void removeHelper(engine, c);
    };
    (tar as Readable)
      .on("error", (e) => out.destroy(e))
      .pipe(gz)
      .on("error", (e) => out.destroy(e))
      .pipe(out);
    out.on("close", () => {
      (tar as Readable).destroy?.();
      cleanup();
    });
    out.on("end", cleanup);
    return out;
  } catch (e) {
    await removeHelper(engine, c);
    throw e;
  }
}

/** Whether the volume holds nothing (its archive has only the root entry). */
async function isEmpty(engine: Engine, c: Docker.Container): Promise<boolean> {
  const tar = (await call(engine, () => c.getArchive({ path: `${MOUNT}/.` }))) as Readable;
  return new Promise((resolve, reject) => {
    let entries = 0;
    const reader = new TarReader({
      entry: (h) => {
        if (h.name !== "./" && h.name !== ".") entries++;
        if (entries > 0) {
          tar.destroy();
          resolve(false);
        }
        return false;
      },
    });
    tar.on("data", (chunk: Buffer) => reader.write(chunk));
    tar.on("end", () => resolve(entries === 0));
    tar.on("close", () => resolve(entries === 0));
    tar.on("error", reject);
  });
}

/**
 * Restores a `.tar`/`.tar.gz` (Docker's archive API accepts gzip) into a volume that is new or
 * empty. A volume this call created is removed again when the restore fails.
 */
export async function restoreVolume(engine: Engine, name: string, body: Readable, opts: { create: boolean }): Promise<{ name: string; created: boolean }> {
  let created = false;
  try {
    await engine.docker.getVolume(name).inspect();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw engineFailure(engine, e);
    if (!opts.create) throw new HttpError(404, "not_found", `No such volume: ${name}. Restore with ?create=true to create it.`);
    await call(engine, () => engine.docker.createVolume({ Name: name, Labels: { "berth.restored": "1" } }));
    created = true;
  }
  let c: Docker.Container | undefined;
  let ok = false;
  try {
    c = await helper(engine, name, false);
    if (!created && !(await isEmpty(engine, c))) throw new HttpError(409, "conflict", `Volume ${name} is not empty: restore into a new or empty volume.`);
    await call(engine, () => c!.putArchive(body, { path: MOUNT })).catch((e) => {
      throw asArchiveError(e);
    });
    ok = true;
    return { name, created };
  } finally {
    body.resume();
    if (c) await removeHelper(engine, c);
    if (!ok && created)
      await engine.docker
        .getVolume(name)
        .remove()
        .catch(() => undefined);
    invalidateDf(engine);
  }
}

/**
 * Docker answers a corrupt upload with a 500 ("Error processing tar file(exit status 1): archive/tar:
 * invalid tar header"): it is the file that is wrong, not the engine, so say so with a 400.
 */
export function asArchiveError(e: unknown): unknown {
  const message = (e as { message?: string })?.message ?? "";
  if (/Error processing tar file|archive\/tar|gzip: invalid|unexpected EOF/i.test(message)) {
    return new HttpError(400, "invalid_archive", `The file is not a valid .tar or .tar.gz archive (Docker: ${message}).`);
  }
  return e;
}

const MAX_ENTRIES = 2000;

function entryType(t: string): VolumeEntry["type"] {
  return t === "5" ? "dir" : t === "2" ? "symlink" : t === "0" || t === "" || t === "7" ? "file" : "other";
}

function modeString(mode: number, type: VolumeEntry["type"]): string {
  const c = type === "dir" ? "d" : type === "symlink" ? "l" : "-";
  const rwx = ["r", "w", "x"];
  let s = c;
  for (let i = 8; i >= 0; i--) s += mode & (1 << i) ? rwx[(8 - i) % 3] : "-";
  return s;
}

/** One directory of a volume, read-only, through the archive API (depth 1; bodies are skipped). */
export async function listVolumeDir(engine: Engine, name: string, safePath: string): Promise<VolumeListing> {
  await mustExist(engine, name);
  const c = await helper(engine, name, true);
  try {
    const stat = await call(engine, () => c.infoArchive({ path: helperPath(MOUNT, safePath) }));
    const info = stat as unknown as { mode?: number };
    // Go's os.ModeDir is bit 31.
    if (info.mode !== undefined && !(info.mode & 0x80000000)) throw new HttpError(400, "invalid_input", `Path ${safePath} is a file, not a directory.`, "path");
    const tar = (await call(engine, () => c.getArchive({ path: `${helperPath(MOUNT, safePath)}/.` }))) as Readable;
    const entries: VolumeEntry[] = [];
    let truncated = false;
    await new Promise<void>((resolve, reject) => {
      const reader = new TarReader({
        entry: (h) => {
          const rel = h.name.replace(/^\.\//, "").replace(/\/$/, "");
          if (!rel || rel.includes("/")) return false;
          if (entries.length >= MAX_ENTRIES) {
            truncated = true;
            return false;
          }
          const type = entryType(h.type);
          entries.push({
            name: rel,
            type,
            size: type === "file" ? h.size : 0,
            mode: modeString(h.mode, type),
            ...(h.mtime ? { modifiedAt: new Date(h.mtime * 1000).toISOString() } : {}),
            ...(type === "symlink" ? { linkTarget: h.linkname } : {}),
          });
          return false;
        },
      });
      tar.on("data", (chunk: Buffer) => reader.write(chunk));
      tar.on("end", () => resolve());
      tar.on("error", reject);
    });
    entries.sort((a, b) => (a.type === "dir" ? 0 : 1) - (b.type === "dir" ? 0 : 1) || a.name.localeCompare(b.name));
    return { volume: name, path: safePath, entries, truncated };
  } finally {
    await removeHelper(engine, c);
  }
}

/** One regular file of a volume as a stream, with its size; the helper goes when the stream ends. */
export async function readVolumeFile(engine: Engine, name: string, safePath: string): Promise<{ stream: Readable; size: number; fileName: string }> {
  if (safePath === "/") throw new HttpError(400, "invalid_input", "Path must name a file, not the volume's root.", "path");
  await mustExist(engine, name);
  const c = await helper(engine, name, true);
  try {
    const tar = (await call(engine, () => c.getArchive({ path: helperPath(MOUNT, safePath) }))) as Readable;
    const out = new PassThrough();
    const first = await new Promise<{ size: number }>((resolve, reject) => {
      let seen = false;
      const reader = new TarReader({
        entry: (h) => {
          if (seen) return false;
          seen = true;
          if (entryType(h.type) !== "file") {
            reject(new HttpError(400, "invalid_input", `Path ${safePath} is not a regular file.`, "path"));
            tar.destroy();
            return false;
          }
          resolve({ size: h.size });
          return true;
        },
        body: (chunk) => {
          if (!out.write(chunk)) tar.pause();
        },
        entryEnd: () => {
          if (seen) out.end();
        },
      });
      out.on("drain", () => tar.resume());
      tar.on("data", (chunk: Buffer) => reader.write(chunk));
      tar.on("end", () => {
        if (!seen) reject(new HttpError(404, "not_found", `Path ${safePath} does not exist in this volume.`));
        out.end();
      });
      tar.on("error", (e) => {
        reject(e);
        out.destroy(e);
      });
    });
    out.on("close", () => {
      tar.destroy();
      void removeHelper(engine, c);
    });
    return { stream: out, size: first.size, fileName: safePath.split("/").pop() || "file" };
  } catch (e) {
    await removeHelper(engine, c);
    throw e;
  }
}
