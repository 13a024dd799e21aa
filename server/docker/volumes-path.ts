import type Docker from "dockerode";
import type { VolumeEntry } from "@/lib/wire";
import { EngineError } from "./errors";
import { HELPER_MOUNT } from "./helper-image";

/*
 * Resolving a browsed path inside a volume without following links. Docker's archive API follows
 * symbolic links while it resolves a path (inside the helper container's file system), so a link
 * in a volume could lead a listing or a download out of the volume. Berth asks for the status of
 * every prefix of the path (`HEAD …/archive`, which does not follow the last segment) and refuses
 * to go through a link: a link is shown as a link with its target, never opened.
 */

/** What `HEAD /containers/{id}/archive` says about a path (X-Docker-Container-Path-Stat). */
export interface PathStat {
  name: string;
  size: number;
  /** Go's os.FileMode bits. */
  mode: number;
  mtime?: string;
  /** For a link: where Docker resolved it to, as a path in the helper's file system. */
  linkTarget?: string;
}

/** Go's os.ModeDir and os.ModeSymlink. */
const MODE_DIR = 0x80000000;
const MODE_SYMLINK = 0x08000000;

export function statKind(mode: number): VolumeEntry["type"] {
  // `>>> 0` keeps bit 31 from making the number negative.
  if ((mode & MODE_SYMLINK) >>> 0) return "symlink";
  if ((mode & MODE_DIR) >>> 0) return "dir";
  return (mode & 0x07280000) >>> 0 ? "other" : "file";
}

/** A link's target as the user should read it: a path in the volume, or "outside the volume". */
export function describeLinkTarget(target: string | undefined, mount = HELPER_MOUNT): string {
  if (!target) return "an unknown target";
  if (target === mount) return "/ in this volume";
  if (target.startsWith(`${mount}/`)) return `${target.slice(mount.length)} in this volume`;
  return "a path outside the volume";
}

/** The status of one path in a helper container, or null when it does not exist. */
export async function statPath(c: Docker.Container, path: string): Promise<PathStat | null> {
  let res: NodeJS.ReadableStream & { headers?: Record<string, string | string[] | undefined> };
  try {
    res = (await c.infoArchive({ path })) as typeof res;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return null;
    throw e;
  }
  (res as { resume?: () => void }).resume?.();
  const header = res.headers?.["x-docker-container-path-stat"];
  if (typeof header !== "string") throw new EngineError("engine_error", "The engine answered a path status without the path's details.", "");
  return JSON.parse(Buffer.from(header, "base64").toString("utf8")) as PathStat;
}

/** Prefixes of a safe volume path: "/a/b/c" → ["/a", "/a/b", "/a/b/c"]. */
export function pathPrefixes(safePath: string): string[] {
  const segments = safePath.split("/").filter(Boolean);
  return segments.map((_, i) => "/" + segments.slice(0, i + 1).join("/"));
}

/** Deeper than this, a browsed path is refused (each segment costs one request to the engine). */
export const MAX_PATH_DEPTH = 64;

/**
 * Resolves `safePath` inside the volume mounted at the helper's /v, segment by segment: every
 * segment but the last must be a real folder (not a link); the last one's status is returned.
 * 404 when a segment is missing, 400 (naming `path`) when a segment is a link or a file.
 */
export async function resolveInVolume(c: Docker.Container, safePath: string, mount = HELPER_MOUNT): Promise<PathStat> {
  const prefixes = pathPrefixes(safePath);
  if (prefixes.length > MAX_PATH_DEPTH) throw new EngineError("invalid_input", `Path ${safePath} is deeper than ${MAX_PATH_DEPTH} folders.`, "", "path");
  const stats = await Promise.all([mount, ...prefixes.map((p) => mount + p)].map((p) => statPath(c, p)));
  for (let i = 1; i < stats.length; i++) {
    const st = stats[i];
    const here = prefixes[i - 1]!;
    if (!st) throw new EngineError("not_found", `Path ${here} does not exist in this volume.`, "");
    if (i === stats.length - 1) break;
    const kind = statKind(st.mode);
    if (kind === "symlink")
      throw new EngineError(
        "invalid_input",
        `Path ${here} is a symbolic link to ${describeLinkTarget(st.linkTarget, mount)}: Berth does not follow links.`,
        "",
        "path",
      );
    if (kind !== "dir") throw new EngineError("invalid_input", `Path ${here} is a file, not a folder.`, "", "path");
  }
  const root = stats[0];
  if (!root) throw new EngineError("engine_error", "The helper container does not show the volume's mount.", "");
  return stats[stats.length - 1]!;
}
