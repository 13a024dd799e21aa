import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Engine } from "./engines";
import { HELPER_LAYER } from "./helper-image";
import { restoreVolume } from "./volumes";

/**
 * An engine that knows volumes and Berth's helper image, and whose archive upload fails after
 * "writing" part of it: the restore must put the volume back as it was.
 */
function fakeEngine(opts: { existing?: { Driver: string; Options?: Record<string, string> }; users?: string[]; uploadFails: boolean }) {
  const calls: string[] = [];
  const volumes = new Map<string, { Name: string; Driver: string; Options: Record<string, string>; Labels: Record<string, string> }>();
  if (opts.existing) volumes.set("data", { Name: "data", Options: {}, Labels: { team: "a" }, ...opts.existing });
  const notFound = () => Object.assign(new Error("no such volume"), { statusCode: 404 });
  const emptyTar = () => Readable.from([Buffer.alloc(1024)]);
  const container = {
    id: "helper",
    getArchive: async () => emptyTar(),
    putArchive: async (body: Readable) => {
      for await (const _ of body) break;
      calls.push("upload");
      if (opts.uploadFails) throw Object.assign(new Error("no space left on device"), { statusCode: 500 });
    },
    remove: async () => void calls.push("remove helper"),
  };
  const docker = {
    getImage: () => ({
      inspect: async () => ({ Id: "sha256:helper", Config: { Labels: { "berth.helper": "image" } }, RootFS: { Type: "layers", Layers: [HELPER_LAYER] } }),
    }),
    listContainers: async (o: { filters?: { volume?: string[] } }) =>
      o.filters?.volume ? (opts.users ?? []).map((n) => ({ Id: n, Names: [`/${n}`], Labels: {} })) : [],
    createContainer: async () => container,
    getVolume: (name: string) => ({
      inspect: async () => {
        const v = volumes.get(name);
        if (!v) throw notFound();
        return v;
      },
      remove: async () => {
        calls.push(`remove volume ${name}`);
        volumes.delete(name);
      },
    }),
    createVolume: async (spec: { Name: string; Driver?: string; Labels?: Record<string, string> }) => {
      calls.push(`create volume ${spec.Name}`);
      volumes.set(spec.Name, { Name: spec.Name, Driver: spec.Driver ?? "local", Options: {}, Labels: spec.Labels ?? {} });
      return { name: spec.Name };
    },
  };
  const engine = { id: "local", noteFailure() {}, docker } as unknown as Engine;
  return { engine, calls, volumes };
}

const spoolDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "berth-spool-"));

function goodArchive(): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-src-"));
  fs.writeFileSync(path.join(dir, "a.txt"), "hello");
  return execFileSync("tar", ["-cf", "-", "-C", dir, "."]);
}

describe("restoreVolume, all or nothing", () => {
  it("removes the volume it created when the upload fails part way, and leaves no spooled file", async () => {
    const { engine, calls, volumes } = fakeEngine({ uploadFails: true });
    const dir = spoolDir();
    await expect(restoreVolume(engine, "data", Readable.from([goodArchive()]), { create: true, spoolDir: dir })).rejects.toMatchObject({
      code: "engine_error",
    });
    expect(calls).toEqual(["create volume data", "upload", "remove helper", "remove volume data"]);
    expect(volumes.has("data")).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("empties an existing empty volume again (same driver and labels) when the upload fails part way", async () => {
    const { engine, calls, volumes } = fakeEngine({ existing: { Driver: "local" }, uploadFails: true });
    await expect(restoreVolume(engine, "data", Readable.from([goodArchive()]), { create: false, spoolDir: spoolDir() })).rejects.toMatchObject({
      code: "engine_error",
    });
    expect(calls.slice(-4)).toEqual(["upload", "remove helper", "remove volume data", "create volume data"]);
    expect(volumes.get("data")).toMatchObject({ Driver: "local", Labels: { team: "a" } });
  });

  it("refuses, before reading the upload, an existing volume it could not put back", async () => {
    const mounted = fakeEngine({ existing: { Driver: "local" }, users: ["db"], uploadFails: false });
    await expect(restoreVolume(mounted.engine, "data", Readable.from([goodArchive()]), { create: false, spoolDir: spoolDir() })).rejects.toMatchObject({
      code: "conflict",
      message: "Volume data is mounted by db: remove that container first, or restore into a new volume.",
    });
    const nfs = fakeEngine({ existing: { Driver: "local", Options: { type: "nfs" } }, uploadFails: false });
    await expect(restoreVolume(nfs.engine, "data", Readable.from([goodArchive()]), { create: false, spoolDir: spoolDir() })).rejects.toMatchObject({
      code: "conflict",
    });
    expect([...mounted.calls, ...nfs.calls]).not.toContain("upload");
  });

  it("refuses an escaping archive before creating or writing anything", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-evil-"));
    fs.symlinkSync("/etc", path.join(dir, "etc"));
    const { engine, calls } = fakeEngine({ uploadFails: false });
    await expect(
      restoreVolume(engine, "data", Readable.from([execFileSync("tar", ["-cf", "-", "-C", dir, "."])]), { create: true, spoolDir: spoolDir() }),
    ).rejects.toMatchObject({ code: "invalid_archive" });
    expect(calls).toEqual([]);
  });

  it("restores a good archive into a new volume", async () => {
    const { engine, calls } = fakeEngine({ uploadFails: false });
    expect(await restoreVolume(engine, "data", Readable.from([goodArchive()]), { create: true, spoolDir: spoolDir() })).toEqual({
      name: "data",
      created: true,
    });
    expect(calls).toEqual(["create volume data", "upload", "remove helper"]);
  });
});
