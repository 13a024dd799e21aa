import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, request, test, type APIRequestContext } from "@playwright/test";

/*
 * Volume browse, download, backup and restore on an engine that has never seen the fixture image:
 * a second dockerd this spec starts on its own socket (own data root, exec root, pidfile and
 * bridge), and a Berth server of its own pointed at it. Berth must bring its own helper image.
 * Self-contained on purpose: nothing here touches the first engine or the suite's server.
 */

const execFileP = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const ADMIN_PASSWORD = "no-fixture-admin-Passw0rd";

interface SecondEngine {
  dir: string;
  socket: string;
  bridge: string;
  dockerd: ChildProcess;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

/** The docker CLI against the second engine. */
async function docker2(engine: SecondEngine, ...args: string[]): Promise<string> {
  const { stdout } = await execFileP("docker", ["-H", `unix://${engine.socket}`, ...args], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

async function startEngine(): Promise<SecondEngine> {
  const id = randomBytes(3).toString("hex");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-nofix-"));
  for (const d of ["data", "exec"]) fs.mkdirSync(path.join(dir, d));
  const socket = path.join(dir, "docker.sock");
  // Its own bridge (never --bridge=none: that deletes the first engine's docker0), on a /24 of its own.
  const bridge = `brnf${id}`;
  execFileSync("ip", ["link", "add", bridge, "type", "bridge"]);
  execFileSync("ip", ["addr", "add", `10.254.${parseInt(id.slice(0, 2), 16)}.1/24`, "dev", bridge]);
  execFileSync("ip", ["link", "set", bridge, "up"]);
  const log = fs.openSync(path.join(dir, "dockerd.log"), "a");
  const dockerd = spawn(
    "dockerd",
    [
      "--host",
      `unix://${socket}`,
      "--data-root",
      path.join(dir, "data"),
      "--exec-root",
      path.join(dir, "exec"),
      "--pidfile",
      path.join(dir, "docker.pid"),
      "--bridge",
      bridge,
      "--iptables=false",
      "--ip-masq=false",
      "--containerd-namespace",
      `berth-nofix-${id}`,
      "--containerd-plugins-namespace",
      `berth-nofix-${id}-plugins`,
    ],
    { stdio: ["ignore", log, log] },
  );
  const engine = { dir, socket, bridge, dockerd };
  await waitFor("the second dockerd", async () => (await docker2(engine, "version", "--format", "{{.Server.Version}}")).length > 0, 60_000);
  return engine;
}

async function stopEngine(engine: SecondEngine): Promise<void> {
  if (engine.dockerd.exitCode === null) {
    const exited = new Promise((r) => engine.dockerd.once("exit", r));
    engine.dockerd.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    if (engine.dockerd.exitCode === null) engine.dockerd.kill("SIGKILL");
  }
  try {
    execFileSync("ip", ["link", "del", engine.bridge]);
  } catch {
    /* already gone */
  }
  fs.rmSync(engine.dir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface BerthServer {
  url: string;
  proc: ChildProcess;
  dataDir: string;
}

async function startBerth(engine: SecondEngine): Promise<BerthServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-nofix-data-"));
  const log = fs.openSync(path.join(engine.dir, "berth.log"), "a");
  const proc = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["server/index.ts"], {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      BERTH_DATA_DIR: dataDir,
      BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DOCKER_HOST: `unix://${engine.socket}`,
      // The build this run made (BERTH_DIST_DIR, when set, is inherited from the runner).
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor("the second Berth server", async () => (await fetch(`${url}/api/v1/health`)).ok, 120_000);
  return { url, proc, dataDir };
}

async function stopBerth(server: BerthServer): Promise<void> {
  if (server.proc.exitCode === null) {
    const exited = new Promise((r) => server.proc.once("exit", r));
    server.proc.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
  }
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

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
    engine = await startEngine();
    // The point of this spec: nothing but Berth's own helper can be used here.
    await expect(docker2(engine, "image", "inspect", "berth-fixture:latest")).rejects.toThrow(/No such image/);
    server = await startBerth(engine);
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
    if (server) await stopBerth(server);
    if (engine) await stopEngine(engine);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
