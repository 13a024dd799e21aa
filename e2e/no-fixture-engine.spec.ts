import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_PASSWORD } from "./env";
import { startBerthServer, startSecondEngine, type BerthServer, type SecondEngine } from "./second-engine";

/*
 * Volume browse, download, backup and restore on an engine that has never seen the fixture image:
 * a second dockerd (e2e/second-engine.ts, started without copying berth-fixture over) and a Berth
 * server of its own pointed at it. Berth must bring its own helper image.
 */

/** The docker CLI on the second engine, as a promise (a failure rejects with Docker's message). */
const docker2 = async (engine: SecondEngine, ...args: string[]): Promise<string> => engine.cli(...args);

/** A .tar.gz of a folder with a file in a sub-folder and a link inside the volume. */
function sampleArchive(dir: string, marker: string): string {
  const src = path.join(dir, "src");
  fs.mkdirSync(path.join(src, "sub"), { recursive: true });
  fs.writeFileSync(path.join(src, "sub", "note.txt"), `hello-${marker}\n`);
  fs.symlinkSync("sub", path.join(src, "to-sub"));
  const out = path.join(dir, "sample.tar.gz");
  execFileSync("tar", ["-czf", out, "-C", src, "."]);
  return out;
}

test.describe.configure({ mode: "serial" });

test("volumes on an engine without the fixture image: create, browse, download, back up, restore", async () => {
  test.setTimeout(300_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "berth-nofix-files-"));
  let engine: SecondEngine | undefined;
  let server: BerthServer | undefined;
  let api: APIRequestContext | undefined;
  try {
    engine = await startSecondEngine({ withFixtureImage: false });
    // The point of this spec: nothing but Berth's own helper can be used here.
    await expect(docker2(engine, "image", "inspect", "berth-fixture:latest")).rejects.toThrow(/No such image/);
    server = await startBerthServer({ dockerHost: engine.host });
    api = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { Origin: server.url } });
    expect((await api.post("/api/v1/auth/login", { data: { username: "admin", password: ADMIN_PASSWORD } })).status()).toBe(200);
    const volumes = "/api/v1/engines/local/volumes";

    // Create an empty volume and restore an archive into it.
    expect((await api.post(volumes, { data: { name: "data" } })).status()).toBe(201);
    const archive = sampleArchive(tmp, "nofix");
    const restored = await api.post(`${volumes}/data/restore`, { data: fs.readFileSync(archive), headers: { "content-type": "application/gzip" } });
    expect(restored.status(), await restored.text()).toBe(200);

    // Browse: the folder, the link shown as a link, never followed.
    const root = await api.get(`${volumes}/data/files?path=/`);
    expect(root.status()).toBe(200);
    const entries = (await root.json()).entries as { name: string; type: string; linkTarget?: string }[];
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "sub", type: "dir" }),
        expect.objectContaining({ name: "to-sub", type: "symlink", linkTarget: "sub" }),
      ]),
    );
    const sub = await api.get(`${volumes}/data/files?path=/sub`);
    expect((await sub.json()).entries).toEqual([expect.objectContaining({ name: "note.txt", type: "file", size: 12 })]);
    const throughLink = await api.get(`${volumes}/data/files?path=/to-sub`);
    expect(throughLink.status()).toBe(400);
    expect((await throughLink.json()).error.message).toBe("Path /to-sub is a symbolic link to /sub in this volume: Berth does not follow links.");

    // Download one file; a folder asked as a file is a 400 sentence.
    const file = await api.get(`${volumes}/data/file?path=/sub/note.txt`);
    expect(file.status()).toBe(200);
    expect(await file.text()).toBe("hello-nofix\n");
    const folderAsFile = await api.get(`${volumes}/data/file?path=/sub`);
    expect(folderAsFile.status()).toBe(400);
    expect((await folderAsFile.json()).error).toMatchObject({ field: "path", message: "Path /sub is a folder, not a file: open it to list what it holds." });

    // Back up, then restore the backup into a new volume and read the file back.
    const backup = await api.get(`${volumes}/data/backup`);
    expect(backup.status()).toBe(200);
    const backupBytes = await backup.body();
    expect(backupBytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const copy = await api.post(`${volumes}/copy/restore?create=true`, { data: backupBytes, headers: { "content-type": "application/gzip" } });
    expect(copy.status(), await copy.text()).toBe(201);
    expect(await (await api.get(`${volumes}/copy/file?path=/sub/note.txt`)).text()).toBe("hello-nofix\n");

    // An archive with a way out is refused before anything is written: no volume is made for it.
    const evilDir = path.join(tmp, "evil");
    fs.mkdirSync(evilDir);
    fs.symlinkSync("/etc", path.join(evilDir, "etc"));
    const evil = path.join(tmp, "evil.tar");
    execFileSync("tar", ["-cf", evil, "-C", evilDir, "."]);
    const refused = await api.post(`${volumes}/evil/restore?create=true`, { data: fs.readFileSync(evil), headers: { "content-type": "application/x-tar" } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.message).toMatch(
      /^The archive is refused: link "\.\/etc" points to an absolute path, outside the volume\. Nothing was written\.$/,
    );
    expect(await docker2(engine, "volume", "ls", "-q", "--filter", "name=^evil$")).toBe("");

    // Berth brought its own helper image, labelled as its own, and left no helper container behind.
    expect(await docker2(engine, "image", "inspect", "berth-helper:1", "--format", '{{index .Config.Labels "berth.helper"}}')).toBe("image");
    await expect.poll(() => docker2(engine!, "ps", "-aq", "--filter", "label=berth.helper=1")).toBe("");
    // Still no fixture image: nothing was pulled or built.
    await expect(docker2(engine, "image", "inspect", "berth-fixture:latest")).rejects.toThrow(/No such image/);
  } finally {
    await api?.dispose();
    if (server) await server.stop();
    if (engine) await engine.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
