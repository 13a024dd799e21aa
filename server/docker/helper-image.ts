import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type Docker from "dockerode";
import { log } from "@/server/log";
import { processState } from "@/server/runtime";
import type { Engine } from "./engines";
import { engineFailure } from "./call";
import { EngineError, isEngineError } from "./errors";

/*
 * Berth's own helper image and the never-started helper containers made from it (volume browse,
 * file download, backup, restore). The image holds one empty folder (`/v`, where the volume is
 * mounted) and nothing else: Berth imports it from a tar it builds in memory, so it exists on any
 * engine without a pull or a registry. Nothing ever runs in it: the archive API works on a created
 * container, so the image needs no tools.
 */

/** `repo:tag` of the helper image; re-imported whenever it is missing or is not Berth's. */
export const HELPER_IMAGE = "berth-helper:1";
/** Label on helper containers (value `1`) and on the helper image (value `image`). */
export const HELPER_LABEL = "berth.helper";
export const HELPER_VOLUME_LABEL = "berth.helper.volume";
/** HMAC of the container's name with this installation's helper key: proves Berth made it. */
export const HELPER_NONCE_LABEL = "berth.helper.nonce";
/** Where the volume is mounted inside a helper. */
export const HELPER_MOUNT = "/v";
/** Helper container names: `berth-helper-<16 hex>`. */
const HELPER_NAME = /^berth-helper-[0-9a-f]{16}$/;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, "0") + "\0";
}

/** One ustar header block for a directory entry (uid/gid 0, mode 0755, mtime 0: the tar is the same byte for byte on every run). */
function dirHeader(name: string): Buffer {
  const b = Buffer.alloc(512);
  b.write(name, 0, 100, "utf8");
  b.write(octal(0o755, 8), 100, "ascii");
  b.write(octal(0, 8), 108, "ascii");
  b.write(octal(0, 8), 116, "ascii");
  b.write(octal(0, 12), 124, "ascii");
  b.write(octal(0, 12), 136, "ascii");
  b.fill(0x20, 148, 156); // checksum field counts as spaces while summing
  b.write("5", 156, "ascii");
  b.write("ustar\0", 257, "ascii");
  b.write("00", 263, "ascii");
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(octal(sum, 7) + " ", 148, "ascii");
  return b;
}

/** The helper image's only layer: a tar with the folder `v/`, then the two end-of-archive blocks. */
export function helperImageTar(): Buffer {
  return Buffer.concat([dirHeader("v/"), Buffer.alloc(1024)]);
}

/** The layer's diff id (sha256 of the uncompressed tar): how Berth recognises its own image. */
export const HELPER_LAYER = `sha256:${createHash("sha256").update(helperImageTar()).digest("hex")}`;

/** Whether an inspected image is Berth's helper: its label, and exactly Berth's one layer (a retag of another image fails this). */
export function isHelperImage(info: Pick<Docker.ImageInspectInfo, "RootFS" | "Config">): boolean {
  const layers = info.RootFS?.Layers ?? [];
  return info.Config?.Labels?.[HELPER_LABEL] === "image" && layers.length === 1 && layers[0] === HELPER_LAYER;
}

/** Helper image imports in progress, per engine id; process-wide, since route handlers run in Next bundles of their own. */
const importing = processState("helperImageImports", () => new Map<string, Promise<string>>());

/** Reads an import's JSON-lines answer to its end; Docker reports a failed import inside a 200. */
async function readImportStream(stream: NodeJS.ReadableStream, engineId: string): Promise<void> {
  let text = "";
  for await (const chunk of stream as AsyncIterable<Buffer>) text += chunk.toString("utf8");
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const msg = JSON.parse(line) as { error?: string };
      if (msg.error) throw new EngineError("engine_error", `The engine could not import Berth's helper image: ${msg.error}`, engineId);
    } catch (e) {
      if (isEngineError(e)) throw e;
    }
  }
}

/**
 * The id of Berth's helper image on this engine, importing it first when it is missing or when
 * something else carries its name. Concurrent callers share one import.
 */
export async function ensureHelperImage(engine: Engine): Promise<string> {
  try {
    const info = await engine.docker.getImage(HELPER_IMAGE).inspect();
    if (isHelperImage(info)) return info.Id;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) {
      throw engineFailure(engine, e);
    }
  }
  let pending = importing.get(engine.id);
  if (!pending) {
    pending = (async () => {
      try {
        const stream = await engine.docker.importImage(
          Readable.from([helperImageTar()]) as unknown as string,
          {
            repo: "berth-helper",
            tag: "1",
            changes: [`LABEL ${HELPER_LABEL}=image`, 'CMD ["/berth-helper-never-runs"]'],
          } as object,
        );
        await readImportStream(stream, engine.id);
        const info = await engine.docker.getImage(HELPER_IMAGE).inspect();
        if (!isHelperImage(info))
          throw new EngineError("engine_error", "The engine imported Berth's helper image but it does not look as expected.", engine.id);
        log.info({ engine: engine.id, image: info.Id }, "helper image imported");
        return info.Id;
      } catch (e) {
        throw engineFailure(engine, e);
      } finally {
        importing.delete(engine.id);
      }
    })();
    importing.set(engine.id, pending);
  }
  return pending;
}

/* ---- The helper key: which helper containers are Berth's ------------------------------- */

const KEY = Symbol.for("berth.helperKey");
type KeyHolder = { [KEY]?: Buffer };

/**
 * Loads this installation's helper key from `<dataDir>/helper.key`, creating it on first start.
 * Kept on globalThis: Next bundles route handlers apart from the custom server's modules.
 */
export function loadHelperKey(dataDir: string): void {
  const file = path.join(dataDir, "helper.key");
  let key: Buffer;
  try {
    key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
    if (key.length < 32) throw new Error("short key");
  } catch {
    key = randomBytes(32);
    fs.writeFileSync(file, key.toString("hex") + "\n", { mode: 0o600 });
  }
  (globalThis as KeyHolder)[KEY] = key;
}

function helperKey(): Buffer {
  // Without boot (unit tests, scripts) a key for this process: its helpers are still told apart.
  return ((globalThis as KeyHolder)[KEY] ??= randomBytes(32));
}

/** The nonce label value for a helper named `name`. */
export function helperNonce(name: string): string {
  return createHmac("sha256", helperKey()).update(name).digest("hex");
}

/** A container from `docker ps` that Berth's sweep may remove: Berth's name, label, nonce and image, and never started. */
export function isOwnHelper(c: Pick<Docker.ContainerInfo, "Names" | "Labels" | "ImageID" | "State">, helperImageId: string | undefined): boolean {
  const name = (c.Names?.[0] ?? "").replace(/^\//, "");
  if (!HELPER_NAME.test(name) || c.Labels?.[HELPER_LABEL] !== "1" || c.State !== "created") return false;
  if (!helperImageId || c.ImageID !== helperImageId) return false;
  const given = Buffer.from(c.Labels?.[HELPER_NONCE_LABEL] ?? "", "utf8");
  const want = Buffer.from(helperNonce(name), "utf8");
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * Whether a listed container looks like one of Berth's helpers (name and nonce label), for lists
 * that leave helpers out. Cheap, without the image check: the sweep uses `isOwnHelper`.
 */
export function looksLikeHelper(c: Pick<Docker.ContainerInfo, "Names" | "Labels">): boolean {
  const name = (c.Names?.[0] ?? "").replace(/^\//, "");
  return HELPER_NAME.test(name) && c.Labels?.[HELPER_LABEL] === "1" && c.Labels?.[HELPER_NONCE_LABEL] === helperNonce(name);
}

/* ---- Helper containers ------------------------------------------------------------------ */

/**
 * A created, never started helper container with `volume` at /v and no network. Docker mounts
 * the volume for archive requests on a stopped container, so nothing runs. The caller removes it
 * (`removeHelper`) when done; the sweep catches what a crash left.
 */
export async function createHelper(engine: Engine, volume: string, readOnly: boolean): Promise<Docker.Container> {
  const image = await ensureHelperImage(engine);
  void sweepHelpers(engine, image);
  const name = `berth-helper-${randomBytes(8).toString("hex")}`;
  try {
    return await engine.docker.createContainer({
      name,
      Image: image,
      Cmd: ["/berth-helper-never-runs"],
      Labels: { [HELPER_LABEL]: "1", [HELPER_VOLUME_LABEL]: volume, [HELPER_NONCE_LABEL]: helperNonce(name) },
      NetworkDisabled: true,
      HostConfig: { Mounts: [{ Type: "volume", Source: volume, Target: HELPER_MOUNT, ReadOnly: readOnly }], NetworkMode: "none" },
    });
  } catch (e) {
    throw engineFailure(engine, e);
  }
}

/** Removes a helper; a failure is logged (the sweep retries), never thrown. */
export async function removeHelper(engine: Engine, c: Docker.Container): Promise<void> {
  try {
    await c.remove({ force: true, v: false });
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) log.warn({ engine: engine.id, err: (e as Error).message }, "helper container removal failed");
  }
}

const HELPER_MAX_AGE_S = 15 * 60;
const SWEEP_EVERY_MS = 60_000;
/** When each engine's helpers were last swept; process-wide for the same reason. */
const lastSweep = processState("helperSweeps", () => new Map<string, number>());

/**
 * Removes helpers that outlived any request (their removal failed while the engine was
 * unreachable, or the process died mid-backup): at most once a minute per engine, best effort,
 * and only containers `isOwnHelper` accepts — a container someone labelled `berth.helper=1` by
 * hand is left alone.
 */
export async function sweepHelpers(engine: Engine, helperImageId: string, now = Date.now()): Promise<number> {
  if (now - (lastSweep.get(engine.id) ?? 0) < SWEEP_EVERY_MS) return 0;
  lastSweep.set(engine.id, now);
  let removed = 0;
  try {
    const stale = await engine.docker.listContainers({ all: true, filters: { label: [`${HELPER_LABEL}=1`] } });
    const cutoff = now / 1000 - HELPER_MAX_AGE_S;
    for (const c of stale) {
      if (c.Created >= cutoff || !isOwnHelper(c, helperImageId)) continue;
      await engine.docker
        .getContainer(c.Id)
        .remove({ force: true })
        .then(() => removed++)
        .catch(() => undefined);
    }
  } catch {
    /* next time */
  }
  return removed;
}
