import fs from "node:fs";
import { PassThrough, Readable } from "node:stream";
import { createGzip } from "node:zlib";
import type Docker from "dockerode";
import type { VolumeCreateInput } from "@/lib/schemas";
import { helperPath } from "@/lib/resources/volume-path";
import type { PruneResult, VolumeEntry, VolumeListing, VolumeSummary } from "@/lib/wire";
import { isHttpError } from "@/server/http/errors";
import { EngineError, isEngineError } from "./errors";
import { log } from "@/server/log";
import type { Engine } from "./engines";
import { call, engineFailure } from "./call";
import { dfMeasuredAt, invalidateDf, systemDf } from "./system";
import { createHelper, HELPER_MOUNT, looksLikeHelper, removeHelper } from "./helper-image";
import { helperPathsAsVolumePaths } from "./host-paths";
import { describeLinkTarget, resolveInVolume, statKind } from "./volumes-path";
import { checkArchive, spoolUpload } from "./volumes-restore";
import { TarReader } from "./volumes-tar";

export { HELPER_IMAGE, HELPER_LABEL } from "./helper-image";
const MOUNT = HELPER_MOUNT;

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
    if (looksLikeHelper(c)) continue;
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
  if (!v) throw new EngineError("not_found", `No such volume: ${name}`, engine.id);
  return v;
}

/**
 * Creates a volume. Docker answers 201 for a name that already exists (and changes nothing), so a
 * named create looks first and refuses with 409: the user meant a new volume, not the old one.
 */
export async function createVolume(engine: Engine, input: VolumeCreateInput): Promise<{ name: string }> {
  if (input.name && (await volumeExists(engine, input.name))) {
    throw new EngineError("conflict", `A volume named ${input.name} already exists: choose another name, or use the existing volume.`, engine.id, "name");
  }
  const v = await call(engine, () =>
    engine.docker.createVolume({ Name: input.name, Driver: input.driver, DriverOpts: input.options ?? {}, Labels: input.labels ?? {} }),
  );
  invalidateDf(engine);
  // dockerode resolves to a Volume handle (`name`), not the inspect document (`Name`).
  const handle = v as unknown as { name?: string; Name?: string };
  return { name: handle.Name ?? handle.name ?? input.name ?? "" };
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
  const c = await createHelper(engine, name, true);
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

/** Containers (Berth's helpers aside) that mount the volume. */
async function volumeUsers(engine: Engine, name: string): Promise<string[]> {
  const list = await call(engine, () => engine.docker.listContainers({ all: true, filters: { volume: [name] } }));
  return list.filter((c) => !looksLikeHelper(c)).map((c) => (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""));
}

/**
 * Restores a `.tar`/`.tar.gz` (Docker's archive API accepts gzip) into a volume that is new or
 * empty, all or nothing:
 * - the archive is spooled to `spoolDir` and checked whole first (volumes-restore.ts): an entry that
 *   would land outside the volume, or a file that is not a tar, is a 400 before anything is written;
 * - a volume this call created is removed again when the upload fails part way;
 * - an existing empty volume is taken only when Berth can put it back as it was if the upload fails
 *   part way: the archive API can write but not delete, and there is no process in the helper to
 *   move a staged folder into place, so "as it was" means removing the half-written volume and
 *   creating it again empty with the same driver and labels. That needs a plain `local` volume
 *   (no driver options: an NFS or bind-device volume keeps its data when removed) that no container
 *   mounts (Docker refuses to remove it otherwise); any other existing volume is a 409 before the
 *   upload is read.
 */
export async function restoreVolume(
  engine: Engine,
  name: string,
  body: Readable,
  opts: { create: boolean; spoolDir: string; maxBytes?: number },
): Promise<{ name: string; created: boolean }> {
  let existing: Docker.VolumeInspectInfo | undefined;
  try {
    existing = await engine.docker.getVolume(name).inspect();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw engineFailure(engine, e);
    if (!opts.create) throw new EngineError("not_found", `No such volume: ${name}. Restore with ?create=true to create it.`, engine.id);
  }
  if (existing) {
    const probe = await createHelper(engine, name, true);
    try {
      if (!(await isEmpty(engine, probe))) throw new EngineError("conflict", `Volume ${name} is not empty: restore into a new or empty volume.`, engine.id);
    } finally {
      await removeHelper(engine, probe);
    }
    const options = (existing.Options as Record<string, string> | null) ?? {};
    if (existing.Driver !== "local" || Object.keys(options).length > 0)
      throw new EngineError(
        "conflict",
        `Volume ${name} uses the ${existing.Driver} driver${Object.keys(options).length ? " with options" : ""}: Berth could not undo a restore that fails part way, so restore into a new volume.`,
        engine.id,
      );
    const users = await volumeUsers(engine, name);
    if (users.length)
      throw new EngineError(
        "conflict",
        `Volume ${name} is mounted by ${users.slice(0, 3).join(", ")}${users.length > 3 ? ` and ${users.length - 3} more` : ""}: remove ${users.length === 1 ? "that container" : "those containers"} first, or restore into a new volume.`,
        engine.id,
      );
  }

  const spooled = await spoolUpload(body, opts.spoolDir, opts.maxBytes);
  let created = false;
  let c: Docker.Container | undefined;
  let ok = false;
  try {
    await checkArchive(spooled.file, spooled.gzip);
    if (!existing) {
      await call(engine, () => engine.docker.createVolume({ Name: name, Labels: { "berth.restored": "1" } }));
      created = true;
    }
    c = await createHelper(engine, name, false);
    const helper = c;
    await inHelper(engine, () => helper.putArchive(fs.createReadStream(spooled.file), { path: MOUNT })).catch((e) => {
      throw asArchiveError(e);
    });
    ok = true;
    return { name, created };
  } finally {
    if (c) await removeHelper(engine, c);
    if (!ok && created)
      await engine.docker
        .getVolume(name)
        .remove()
        .catch(() => undefined);
    if (!ok && existing && c) await recreateEmpty(engine, existing);
    await fs.promises.rm(spooled.file, { force: true });
    invalidateDf(engine);
  }
}

/** Puts a plain local volume back as it was before a failed restore: removed, then created again empty. */
async function recreateEmpty(engine: Engine, v: Docker.VolumeInspectInfo): Promise<void> {
  try {
    await engine.docker.getVolume(v.Name).remove();
    await engine.docker.createVolume({ Name: v.Name, Driver: v.Driver, Labels: v.Labels ?? {} });
  } catch (e) {
    log.error({ engine: engine.id, volume: v.Name, err: (e as Error).message }, "could not empty a volume after a failed restore");
  }
}

/**
 * Docker answers a corrupt upload with a 500 ("Error processing tar file(exit status 1): archive/tar:
 * invalid tar header"): it is the file that is wrong, not the engine, so say so with a 400.
 */
export function asArchiveError(e: unknown): unknown {
  const message = (e as { message?: string })?.message ?? "";
  if (/Error processing tar file|archive\/tar|gzip: invalid|unexpected EOF/i.test(message)) {
    return new EngineError("invalid_archive", `The file is not a valid .tar or .tar.gz archive (Docker: ${helperPathsAsVolumePaths(message)}).`, "");
  }
  return e;
}

const MAX_ENTRIES = 2000;
/** A listing reads the folder's tar (bodies included) up to this much, then stops and says it is truncated. */
const MAX_LISTING_BYTES = 64 * 1024 * 1024;
/** …or after this many entries at any depth. */
const MAX_LISTING_SCANNED = 50_000;

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

/** A helper call's failure as Berth's error, with helper paths shown as volume paths. */
function helperError(e: unknown, engine: Engine): Error {
  const err = engineFailure(engine, e);
  if (isEngineError(err)) return new EngineError(err.code, helperPathsAsVolumePaths(err.message), err.engine || engine.id, err.field);
  // An HttpError from a caller passes through, its message with helper paths shown as volume paths.
  if (isHttpError(err)) return Object.assign(err, { message: helperPathsAsVolumePaths(err.message) });
  return err;
}

async function inHelper<T>(engine: Engine, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw helperError(e, engine);
  }
}

/**
 * One folder of a volume, read-only, through the archive API: the path is resolved segment by
 * segment without following links (server/docker/volumes-path.ts), then the folder's tar is read
 * for its first level (bodies skipped, bounded in entries and bytes). Links are listed with their
 * target as the archive stores it, never followed.
 */
export async function listVolumeDir(engine: Engine, name: string, safePath: string): Promise<VolumeListing> {
  await mustExist(engine, name);
  const c = await createHelper(engine, name, true);
  try {
    const stat = await inHelper(engine, () => resolveInVolume(c, safePath));
    const kind = statKind(stat.mode);
    if (kind === "symlink")
      throw new EngineError(
        "invalid_input",
        `Path ${safePath} is a symbolic link to ${describeLinkTarget(stat.linkTarget)}: Berth does not follow links.`,
        engine.id,
        "path",
      );
    if (kind !== "dir") throw new EngineError("invalid_input", `Path ${safePath} is a file, not a folder: download it instead.`, engine.id, "path");
    const tar = (await inHelper(engine, () => c.getArchive({ path: `${helperPath(MOUNT, safePath)}/.` }))) as Readable;
    const entries: VolumeEntry[] = [];
    let truncated = false;
    await new Promise<void>((resolve, reject) => {
      let bytes = 0;
      let scanned = 0;
      const stop = () => {
        truncated = true;
        tar.destroy();
        resolve();
      };
      const reader = new TarReader({
        entry: (h) => {
          scanned++;
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
      tar.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        try {
          reader.write(chunk);
        } catch (e) {
          tar.destroy();
          reject(e);
          return;
        }
        if (reader.done) {
          tar.destroy();
          resolve();
        } else if (bytes >= MAX_LISTING_BYTES || scanned >= MAX_LISTING_SCANNED) stop();
      });
      tar.on("end", () => resolve());
      tar.on("close", () => resolve());
      tar.on("error", (e) => reject(helperError(e, engine)));
    });
    entries.sort((a, b) => (a.type === "dir" ? 0 : 1) - (b.type === "dir" ? 0 : 1) || a.name.localeCompare(b.name));
    return { volume: name, path: safePath, entries, truncated };
  } finally {
    await removeHelper(engine, c);
  }
}

/**
 * One regular file of a volume as a stream, with its size; the helper goes when the stream ends.
 * The path is resolved without following links; a folder or a link is a 400 naming `path`.
 */
export async function readVolumeFile(engine: Engine, name: string, safePath: string): Promise<{ stream: Readable; size: number; fileName: string }> {
  if (safePath === "/") throw new EngineError("invalid_input", "Path must name a file, not the volume's root folder.", engine.id, "path");
  await mustExist(engine, name);
  const c = await createHelper(engine, name, true);
  try {
    const stat = await inHelper(engine, () => resolveInVolume(c, safePath));
    const kind = statKind(stat.mode);
    if (kind === "dir") throw new EngineError("invalid_input", `Path ${safePath} is a folder, not a file: open it to list what it holds.`, engine.id, "path");
    if (kind === "symlink")
      throw new EngineError(
        "invalid_input",
        `Path ${safePath} is a symbolic link to ${describeLinkTarget(stat.linkTarget)}: Berth does not follow links.`,
        engine.id,
        "path",
      );
    if (kind !== "file") throw new EngineError("invalid_input", `Path ${safePath} is not a regular file.`, engine.id, "path");
    const tar = (await inHelper(engine, () => c.getArchive({ path: helperPath(MOUNT, safePath) }))) as Readable;
    const out = new PassThrough();
    const first = await new Promise<{ size: number }>((resolve, reject) => {
      let seen = false;
      const reader = new TarReader({
        entry: (h) => {
          if (seen) return false;
          seen = true;
          // The status said "file"; a swap between the two requests must still not hand out a link's target.
          if (entryType(h.type) !== "file") {
            reject(new EngineError("invalid_input", `Path ${safePath} is not a regular file.`, engine.id, "path"));
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
      tar.on("data", (chunk: Buffer) => {
        try {
          reader.write(chunk);
        } catch (e) {
          reject(e);
          out.destroy(e as Error);
          tar.destroy();
        }
      });
      tar.on("end", () => {
        if (!seen) reject(new EngineError("not_found", `Path ${safePath} does not exist in this volume.`, engine.id));
        out.end();
      });
      tar.on("error", (e) => {
        reject(helperError(e, engine));
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
