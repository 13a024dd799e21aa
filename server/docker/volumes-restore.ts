import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { EngineError } from "./errors";
import { TarReader, type TarHeader } from "./volumes-tar";

/*
 * A restore archive is checked whole before anything is written: the upload is spooled to a file
 * under Berth's data dir (with a size cap), every entry is read and judged, and only an archive
 * with no entry that could land outside the volume is handed to Docker. Docker's own extraction
 * would refuse some of these half way through, after writing the entries before them.
 */

/** Uploads larger than this are refused (413) while they stream in. */
export const MAX_RESTORE_BYTES = 20 * 1024 * 1024 * 1024;
/** An archive with more entries than this is refused: its scan would take too long. */
export const MAX_RESTORE_ENTRIES = 2_000_000;

/** Where uploads wait while they are checked; removed at the end of each restore. */
export function restoreSpoolDir(dataDir: string): string {
  return path.join(dataDir, "tmp", "restore");
}

/**
 * Writes the upload to a new file in `dir`, refusing it (413) once it passes `maxBytes`. The
 * caller deletes the file. Returns its path and whether it is gzip-compressed.
 */
export async function spoolUpload(body: Readable, dir: string, maxBytes = MAX_RESTORE_BYTES): Promise<{ file: string; size: number; gzip: boolean }> {
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `upload-${randomBytes(8).toString("hex")}`);
  let size = 0;
  let head: Buffer | undefined;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      head ??= chunk.subarray(0, 2);
      if (size > maxBytes)
        return done(new EngineError("payload_too_large", `The archive is larger than ${Math.round(maxBytes / 1024 ** 3)} GiB, the most a restore takes.`, ""));
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, cap, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (e) {
    await fs.promises.rm(file, { force: true });
    throw e;
  }
  if (size === 0) {
    await fs.promises.rm(file, { force: true });
    throw new EngineError("invalid_archive", "The file is empty: choose a .tar or .tar.gz backup.", "");
  }
  return { file, size, gzip: !!head && head[0] === 0x1f && head[1] === 0x8b };
}

/** Splits an entry name into its segments ("./a/b/" → ["a","b"]), or null for an absolute name. */
function segmentsOf(name: string): string[] | null {
  if (name.startsWith("/")) return null;
  return name.split("/").filter((s) => s !== "" && s !== ".");
}

/** Collapses `..` against the segments before it; null when it climbs above the root. */
function normalise(segments: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else if (s !== "." && s !== "") out.push(s);
  }
  return out;
}

/**
 * Judges archive entries in order. Refused: absolute names, `..` segments, device files, links
 * whose target leaves the volume (absolute, or climbing above the root), hard links to outside
 * names or through links, and any entry whose path goes through a link an earlier entry made.
 */
export class ArchiveChecker {
  private readonly links = new Set<string>();
  entries = 0;

  /** Why this entry is refused, or null. */
  check(h: Pick<TarHeader, "name" | "type" | "linkname">): string | null {
    this.entries++;
    if (this.entries > MAX_RESTORE_ENTRIES) return `the archive has more than ${MAX_RESTORE_ENTRIES.toLocaleString("en-US")} entries`;
    const shown = JSON.stringify(h.name.length > 200 ? h.name.slice(0, 200) + "…" : h.name);
    const segments = segmentsOf(h.name);
    if (!segments) return `entry ${shown} has an absolute path`;
    if (segments.includes("..")) return `entry ${shown} climbs out with “..”`;
    if (segments.length === 0) return h.type === "5" ? null : `entry ${shown} has no name`;
    for (let i = 1; i < segments.length; i++) {
      if (this.links.has(segments.slice(0, i).join("/"))) return `entry ${shown} would be written through the link ${segments.slice(0, i).join("/")}`;
    }
    const key = segments.join("/");
    if (h.type === "3" || h.type === "4") return `entry ${shown} is a device file`;
    if (h.type === "2") {
      if (!h.linkname || h.linkname.startsWith("/")) return `link ${shown} points to ${h.linkname ? "an absolute path" : "nothing"}, outside the volume`;
      const target = normalise([...segments.slice(0, -1), ...h.linkname.split("/")]);
      if (!target) return `link ${shown} points outside the volume`;
      this.links.add(key);
      return null;
    }
    if (h.type === "1") {
      const target = segmentsOf(h.linkname);
      if (!target || target.includes("..") || target.length === 0) return `hard link ${shown} points outside the volume`;
      for (let i = 1; i <= target.length; i++) if (this.links.has(target.slice(0, i).join("/"))) return `hard link ${shown} points through a link`;
    }
    // A later regular entry of the same name replaces a link: it is no longer one.
    this.links.delete(key);
    return null;
  }
}

/**
 * Reads the spooled archive to its end (gunzipping when needed) and refuses it with a 400 that
 * names the first bad entry, or when it is not a valid tar (bad header, cut short).
 */
export async function checkArchive(file: string, gzip: boolean): Promise<{ entries: number }> {
  const checker = new ArchiveChecker();
  let refused: string | null = null;
  const reader = new TarReader({
    entry: (h) => {
      refused ??= checker.check(h);
      return false;
    },
  });
  const sink = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        if (!reader.done) reader.write(chunk);
      } catch (e) {
        return done(e as Error);
      }
      // Stop reading at the first refusal: the rest cannot change the answer.
      done(refused ? new Error("refused") : null);
    },
  });
  const source = fs.createReadStream(file);
  try {
    await (gzip ? pipeline(source, createGunzip(), sink) : pipeline(source, sink));
  } catch (e) {
    if (refused) throw invalid(`The archive is refused: ${refused}. Nothing was written.`);
    const why = (e as { isTarFormatError?: boolean }).isTarFormatError ? "it has an invalid tar header" : `it cannot be read (${(e as Error).message})`;
    throw invalid(`The file is not a valid .tar or .tar.gz archive: ${why}.`);
  }
  if (refused) throw invalid(`The archive is refused: ${refused}. Nothing was written.`);
  if (!reader.complete) throw invalid("The file is not a valid .tar or .tar.gz archive: it ends in the middle of an entry.");
  return { entries: checker.entries };
}

function invalid(message: string): EngineError {
  return new EngineError("invalid_archive", message, "");
}
